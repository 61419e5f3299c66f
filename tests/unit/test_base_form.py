"""The base form of a gerund (``cleanup.english.base_form``): a glossary verb phrase after a modal."""

from __future__ import annotations

import pytest

from cleanup.english import base_form


@pytest.mark.parametrize(("gerund", "base"), [
    ("seeking", "seek"), ("pursuing", "pursue"), ("ensuring", "ensure"), ("making", "make"), ("getting", "get"),
    ("controlling", "control"), ("killing", "kill"), ("using", "use"), ("reducing", "reduce"), ("shelving", "shelve"),
    ("tackling", "tackle"), ("charging", "charge"), ("infringing", "infringe"), ("lying", "lie"), ("carrying", "carry"),
    ("offering", "offer"), ("waiting", "wait"), ("adding", "add"), ("passing", "pass"), ("coordinating", "coordinate"),
    ("strengthening", "strengthen"), ("bringing", "bring"), ("stabilizing", "stabilize"),
    ("ring", None), ("development", None),
])  # fmt: skip
def test_base_form(gerund: str, base: str | None) -> None:
    assert base_form(gerund) == base

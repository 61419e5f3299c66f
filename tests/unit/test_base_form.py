"""The base form of a gerund and the generic bodies a place names (``cleanup.english``)."""

from __future__ import annotations

import pytest

from cleanup.english import named_body
from cleanup.gerunds import base_form


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


@pytest.mark.parametrize(("english", "named"), [
    ("people's government", True), ("emergency management bureau", True),
    ("department of housing and urban-rural development", True), ("administration for market regulation", True),
    ("government", False), ("new energy vehicles", False), ("Emergency Management Bureau", False),
])  # fmt: skip
def test_named_body(english: str, named: bool) -> None:
    assert named_body(english) is named

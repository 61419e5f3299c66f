"""A singular glossary rendering is made plural where the English around it says so."""

from __future__ import annotations

import pytest

from cleanup.english import plural_here


@pytest.mark.parametrize(
    ("text", "english", "expected"),
    [
        ("several X were approved", "monoclonal antibody", True),
        ("several X makers", "monoclonal antibody", False),  # a modifier before another noun
        ("two X.", "ambulance", True),
        ("40 X", "ambulance", True),
        ("1 X was", "ambulance", False),
        ("exports of X were cut", "antimony", False),  # the verb's subject is the exports
        ("several X", "drones", False),  # already plural
        ("several X", "World Heritage site", False),  # a name keeps its form
        ("the X said", "ambulance", False),
        ("both X and fair", "universally beneficial", False),  # an adjective
        ("two X were", "low-carbon", False),
    ],
)
def test_plural_here(text: str, english: str, expected: bool) -> None:
    start = text.index("X")
    assert plural_here(text, start, start + 1, english) is expected

"""A singular glossary rendering is made plural where the English around it says so."""

from __future__ import annotations

import pytest

from cleanup.english import plural, plural_here, singular, singular_here


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



@pytest.mark.parametrize(
    ("many", "one"),
    [("drones", "drone"), ("policies", "policy"), ("buses", "bus"), ("classes", "class"), ("enterprises", "enterprise"), ("diseases", "disease"), ("houses", "house"), ("children", "child"), ("rabies", "rabies"), ("traffic police", "traffic police"), ("early warning aircraft", "early warning aircraft"),
     ("news", "news"), ("analysis", "analysis"), ("logistics", "logistics"), ("treasury bonds", "treasury bond")],
)  # fmt: skip
def test_singular(many: str, one: str) -> None:
    assert singular(many) == one


@pytest.mark.parametrize(
    ("one", "many"),
    [("drone", "drones"), ("policy", "policies"), ("bus", "buses"), ("transport aircraft", "transport aircraft")],
)
def test_plural(one: str, many: str) -> None:
    assert plural(one) == many


def test_singular_here_after_a() -> None:
    assert singular_here("a X flew", 2, "drones") and not singular_here("two X flew", 4, "drones")
    assert not singular_here("a X flew", 2, "Drones") and not singular_here("a X", 2, "news")


def test_a_phrase_whose_head_is_before_a_preposition_keeps_its_number() -> None:
    assert not singular_here("a X was", 2, "new type of international relations")
    assert not plural_here("two X.", 4, 5, "new type of cooperation")

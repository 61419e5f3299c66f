"""A wrong rendering replaced in context: its possessive, and Chinese beside it that says it again
(on the bundled glossary: Ningde Times is MT's rendering of 宁德时代, CATL)."""

from __future__ import annotations

from cleanup.api import clean_text


def test_a_possessive_after_a_plural_looking_key_takes_its_s() -> None:
    assert clean_text("Ningde Times' shares rose").cleaned == "CATL's shares rose"
    assert clean_text("Ningde Times’ shares rose").cleaned == "CATL’s shares rose"


def test_chinese_beside_a_wrong_rendering_is_an_echo() -> None:
    assert clean_text("Ningde Times (宁德时代) rose").cleaned == "CATL rose"


def test_a_side_of_something_is_a_place_not_the_party() -> None:
    assert clean_text("on the American side of the border", True).cleaned == "on the American side of the border"
    assert clean_text("the American side said", True).cleaned == "the United States said"
    assert clean_text("Negotiators on the EU side were cautious.", True).cleaned == "Negotiators on the EU side were cautious."

"""``a`` or ``an`` by the sound of the next word, and the article made to agree with English that
replaces Chinese."""

from __future__ import annotations

import pytest

from cleanup.english import agree_article, takes_an


@pytest.mark.parametrize(
    ("phrase", "an"),
    [
        ("atypical case", True), ("European Union envoy", False), ("universal rule", False), ("hour", True),
        ("honest broker", True), ("FBI agent", True), ("SUV", True), ("NBA star", True), ("US envoy", False),
        ("UN team", False), ("NATO summit", False), ("ASEAN summit", True), ("8-year plan", True),
        ("11-member team", True), ("110 people", False), ("18th", True), ("one-off", False),
        ("Ukrainian official", False), ("ICU bed", True), ("high-speed rail", False), ("", False),
        ("H-6K bomber", True), ("F-35", True), ("J-20 jet", False), ("Hexie train", False),
    ],
)  # fmt: skip
def test_takes_an(phrase: str, an: bool) -> None:
    assert takes_an(phrase) is an


@pytest.mark.parametrize(
    ("text", "start", "replacement", "expected"),
    [
        ("a X case", 2, "atypical", (0, "an atypical")),
        ("an X line", 3, "high-speed rail", (0, "a high-speed rail")),
        ("aX case", 1, " atypical", (0, "an atypical")),  # glued: the padding space stays
        ("A X case", 2, "atypical", (0, "An atypical")),  # at a sentence start
        ("Class A X", 8, "infectious", (8, "infectious")),  # a letter, not the article
        ("data X", 5, "atypical", (5, "atypical")),  # "a" ends a word: no article
        ("an X plan", 3, "economic", (3, "economic")),  # already agrees
    ],
)  # fmt: skip
def test_agree_article(text: str, start: int, replacement: str, expected: tuple[int, str]) -> None:
    assert agree_article(text, start, replacement) == expected


@pytest.mark.parametrize(
    ("text", "start", "replacement", "expected"),
    [
        ("the X reported", 4, "The Paper", (0, "The Paper")),  # a name that begins with The
        ("The X app", 4, "the Himalayas", (0, "The Himalayas")),
        ("in the X app", 7, "the Himalayas", (3, "the Himalayas")),
        ("bathe X", 6, "the Paper", (6, "the Paper")),  # "the" ends a word: no article
    ],
)  # fmt: skip
def test_the_is_said_once(text: str, start: int, replacement: str, expected: tuple[int, str]) -> None:
    assert agree_article(text, start, replacement) == expected

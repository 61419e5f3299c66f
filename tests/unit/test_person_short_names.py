"""A person's ``short`` name: the full name at the first mention, the short one after it, as
news writes names (特朗普 … 特朗普 → Donald Trump … Trump)."""

from __future__ import annotations

import pytest

from cleanup.engine import clean
from cleanup.glossary.compiled import Compiled, compile_glossary
from cleanup.glossary.entries import Entry
from cleanup.model import Safety


def _term(eid: str, zh: str, en: str, **fields: object) -> Entry:
    return Entry(eid, "term", "test.yaml", 1, "test", en=en, zh=(zh,), **fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def tiny() -> Compiled:
    return compile_glossary([
        _term("trump", "特朗普", "Donald Trump", short="Trump", tags=("person",)),
        _term("may", "文翠珊", "Theresa May", short="May", tags=("person",)),
        _term("vdl", "冯德莱恩", "Ursula von der Leyen", short="von der Leyen", tags=("person",)),
        _term("xi", "习近平", "Xi Jinping", tags=("person",)),  # no short: named in full each time
        _term("president", "总统", "president", office="president", tags=("title",)),
        _term("gates", "盖茨", "Bill Gates", short="Gates", safety=Safety.SUGGESTION, tags=("person",)),
    ])  # fmt: skip


def test_full_name_first_then_the_short_name(tiny: Compiled) -> None:
    text = "特朗普 said on Monday that 特朗普 would sign it."
    assert clean(text, tiny).cleaned == "Donald Trump said on Monday that Trump would sign it."


def test_an_english_mention_of_the_full_name_before_counts(tiny: Compiled) -> None:
    assert clean("Donald Trump arrived; 特朗普 said so.", tiny).cleaned == "Donald Trump arrived; Trump said so."
    assert clean("特朗普 said so. Donald Trump left.", tiny).cleaned == "Donald Trump said so. Donald Trump left."


def test_the_short_name_alone_does_not_count_as_a_mention(tiny: Compiled) -> None:
    # "May" the month, or "Trump" another Trump: the person is still named in full
    assert clean("In May, 文翠珊 said no.", tiny).cleaned == "In May, Theresa May said no."
    assert clean("Ivanka Trump met 特朗普 there.", tiny).cleaned == "Ivanka Trump met Donald Trump there."


def test_a_title_first_takes_the_short_name_too(tiny: Compiled) -> None:
    text = "特朗普 left, and 特朗普总统 returned."
    assert clean(text, tiny).cleaned == "Donald Trump left, and President Trump returned."
    assert clean("特朗普总统 left.", tiny).cleaned == "President Donald Trump left."


def test_a_short_name_starting_a_sentence_is_capitalised(tiny: Compiled) -> None:
    text = "冯德莱恩 spoke. 冯德莱恩 left."
    assert clean(text, tiny).cleaned == "Ursula von der Leyen spoke. Von der Leyen left."


def test_without_a_short_name_the_full_name_each_time(tiny: Compiled) -> None:
    assert clean("习近平 met 习近平's guests.", tiny).cleaned == "Xi Jinping met Xi Jinping's guests."


def test_chinese_beside_the_short_name_is_an_echo(tiny: Compiled) -> None:
    assert clean("Trump (特朗普) said no.", tiny).cleaned == "Trump said no."


def test_a_suggestion_stays_a_suggestion(tiny: Compiled) -> None:
    assert clean("盖茨 said 盖茨 would.", tiny).cleaned == "盖茨 said 盖茨 would."
    assert clean("盖茨 said 盖茨 would.", tiny, suggestions=True).cleaned == "Bill Gates said Gates would."


"""A place's adjective before an office (法国 + 总统 → French president): how the Han cover joins
the two pieces and how ZH001 writes them, on a glossary of its own and on the bundled one."""

from __future__ import annotations

import pytest

from cleanup.engine import clean, detect
from cleanup.glossary.compiled import Compiled, compile_glossary
from cleanup.glossary.entries import Entry
from cleanup.han import TERM, UNKNOWN, analyse_han
from cleanup.model import Safety


def _term(eid: str, zh: str, en: str, **fields: object) -> Entry:
    return Entry(eid, "term", "test.yaml", 1, "test", en=en, zh=(zh,), **fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def tiny() -> Compiled:
    return compile_glossary([
        _term("france", "法国", "France", adjective="French"),
        _term("japan", "日本", "Japan", adjective="Japanese"),
        _term("dprk", "朝鲜", "DPRK", adjective="DPRK", safety=Safety.SUGGESTION),
        _term("beijing", "北京", "Beijing"),  # no adjective
        _term("president", "总统", "president", office="president", tags=("title",)),
        _term("zongli", "总理", "prime minister", office="prime minister", safety=Safety.SUGGESTION, tags=("title",)),
        _term("mfa", "外交部", "Ministry of Foreign Affairs", office="Foreign Ministry"),
        _term("macron", "马克龙", "Emmanuel Macron", tags=("person",)),
        _term("wen", "温家宝", "Wen Jiabao", tags=("person",)),
        _term("shenzhou", "神舟", "Shenzhou", series=True),
    ])  # fmt: skip


def pieces(text: str, glossary: Compiled) -> list[tuple[str, str, int]]:
    return [(p.kind, text[p.start : p.end], p.place) for p in analyse_han(text, glossary)]


def test_a_place_with_an_adjective_joins_the_office_after_it(tiny: Compiled) -> None:
    france = next(i for i, e in enumerate(tiny.entries) if e.id == "france")
    assert pieces("法国总统", tiny) == [(TERM, "法国总统", france)]
    assert clean("the 法国外交部 said", tiny).cleaned == "the French Foreign Ministry said"


def test_no_join_without_an_adjective_an_office_or_adjacency(tiny: Compiled) -> None:
    assert [p[2] for p in pieces("北京总统", tiny)] == [-1, -1]  # Beijing has no adjective
    assert [p[2] for p in pieces("法国马克龙", tiny)] == [-1, -1]  # Macron is no office
    assert pieces("法国的总统", tiny) == [(TERM, "法国", -1), (UNKNOWN, "的", -1), (TERM, "总统", -1)]
    assert [p[2] for p in pieces("法国 总统", tiny)] == [-1, -1]  # two runs


def test_the_office_is_capitalised_before_a_name_only(tiny: Compiled) -> None:
    assert clean("visiting 法国总统马克龙 said", tiny).cleaned == "visiting French President Emmanuel Macron said"
    assert clean("the 法国总统 Macron said", tiny).cleaned == "the French President Macron said"
    assert clean("the 法国总统 said", tiny).cleaned == "the French president said"
    assert clean("the 总统 said", tiny).cleaned == "the president said"  # alone: its own English
    assert clean("met 总统马克龙 there", tiny).cleaned == "met President Emmanuel Macron there"


def test_composed_the_place_decides_safety(tiny: Compiled) -> None:
    (alone,) = detect("the 总理 said", tiny)
    assert alone.fix is not None and alone.fix.safety is Safety.SUGGESTION  # whose prime minister?
    (japanese,) = detect("the 日本总理 said", tiny)
    assert japanese.fix is not None and japanese.fix.safety is Safety.SAFE
    assert japanese.fix.edits[0].text == "Japanese prime minister"
    (dprk,) = detect("the 朝鲜总统 said", tiny)  # the place's own doubt stays
    assert dprk.fix is not None and dprk.fix.safety is Safety.SUGGESTION


def test_an_english_echo_of_the_composed_form_is_deleted(tiny: Compiled) -> None:
    assert clean("the French Foreign Ministry (法国外交部) said", tiny).cleaned == "the French Foreign Ministry said"


@pytest.mark.parametrize(("text", "out"), [
    ("visiting 法国总统马克龙 said", "visiting French President Emmanuel Macron said"),
    ("the 印度总理 arrived", "the Indian prime minister arrived"),
    ("the 德国总理 said", "the German Chancellor said"),  # an entry, not German prime minister
    ("the 中国总理 said", "the Chinese Premier said"),
    ("the 美国国防部 said", "the US Department of Defense said"),  # the body's own name wins
    ("the 俄罗斯外长 said", "the Russian foreign minister said"),
])  # fmt: skip
def test_bundled(text: str, out: str, bundled: Compiled) -> None:
    assert clean(text, bundled).cleaned == out


def test_a_title_after_its_holder_goes_before_the_name(tiny: Compiled) -> None:
    (found,) = detect("the 马克龙总统 said", tiny)
    assert found.fix is not None and found.fix.safety is Safety.SAFE
    assert clean("the 马克龙总统 said", tiny).cleaned == "the President Emmanuel Macron said"
    (doubt,) = detect("the 温家宝总理 said", tiny)  # 总理 after a name may be China's Premier
    assert doubt.fix is not None and doubt.fix.safety is Safety.SUGGESTION
    assert [p[1] for p in pieces("马克龙外交部", tiny)] == ["马克龙", "外交部"]  # a body is no title


@pytest.mark.parametrize(("text", "out"), [
    ("said Biden总统 on Monday", "said President Biden on Monday"),
    ("said Joe Biden 总统 on Monday", "said President Joe Biden on Monday"),
    ("On Monday Biden总统 said", "On Monday President Biden said"),  # a weekday is no name
    ("The总统 said", "The president said"),
    ("said Mr 总统 then", "said Mr president then"),
])  # fmt: skip
def test_an_english_name_before_a_title(text: str, out: str, tiny: Compiled) -> None:
    assert clean(text, tiny, suggestions=True).cleaned == out


def test_an_english_word_before_a_known_term_is_not_a_broken_transliteration(tiny: Compiled) -> None:
    (found,) = detect("said Biden总统 on Monday", tiny)
    assert found.code == "ZH001" and found.fix is not None and found.fix.safety is Safety.SUGGESTION


@pytest.mark.parametrize(("text", "out"), [
    ("in 广东省深圳市 today", "in Shenzhen, Guangdong, today"),  # a closing comma, AP
    ("in 广东深圳 today", "in Shenzhen, Guangdong, today"),
    ("in 上海市浦东新区 today", "in Pudong New Area, Shanghai, today"),
    ("from 广东省深圳市.", "from Shenzhen, Guangdong."),
    ("in 广东省深圳市 province", "in Shenzhen, Guangdong province"),
    # Anything else in the run, or places not from the largest down: left as they are.
    ("in 广东省深圳市人民医院 today", "in Guangdong Shenzhen People's Hospital today"),
    ("in 深圳市广东省 today", "in Shenzhen Guangdong today"),
])  # fmt: skip
def test_an_address_is_written_smallest_first(text: str, out: str, bundled: Compiled) -> None:
    assert clean(text, bundled).cleaned == out


def test_generic_terms_have_no_place_level(bundled: Compiled) -> None:
    municipality = next(i for i, e in enumerate(bundled.entries) if "直辖市" in e.zh)
    shenzhen = next(i for i, e in enumerate(bundled.entries) if e.id == "shenzhen")
    assert municipality not in bundled.levels and bundled.levels[shenzhen] == 2


def test_a_place_between_a_determiner_and_a_noun_takes_its_adjective(tiny: Compiled) -> None:
    assert clean("a 日本 company and several 法国 firms", tiny).cleaned == "a Japanese company and several French firms"
    assert clean("the 日本 said so; in 日本 and 北京 firms", tiny).cleaned == "Japan said so; in Japan and Beijing firms"

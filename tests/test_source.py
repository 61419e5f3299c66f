"""Source-aware mode on aligned paragraph pairs written for these tests: a clean pair of
documents, then one deliberate key-term mismatch, one wrong number, a misaligned document and
a mismatched pair; line alignment; JSON Lines corpora; the number readers themselves."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from cleanup.errors import CleanupError
from cleanup.glossary.compiled import Compiled
from cleanup.model import CleanResult, Status
from cleanup.rules import RULES, SOURCE_RULES, select_rules
from cleanup.source.align import units
from cleanup.source.check import check_translation
from cleanup.source.jsonl import check_corpus
from cleanup.source.numbers import chinese_quantities, english_quantities, zh_numeral

ALL = RULES + SOURCE_RULES
SOURCE = """国务院昨日发布通知，2024年经济增长3.5%，就业人数增加1.2亿。

据环球时报报道，关键矿产出口达到3.5万吨，比去年增长百分之十二。

人民日报2月4日评论说，高质量发展是首要任务。
"""
TARGET = """The State Council issued a notice yesterday: the economy grew 3.5 percent in 2024 and employment rose by 120 million.

According to the Global Times, exports of critical minerals reached 35,000 tonnes, up 12 percent from last year.

A People's Daily commentary on February 4 said high-quality development is the top task.
"""


def check(target: str, glossary: Compiled, source: str = SOURCE, align: str = "paragraph") -> CleanResult:
    return check_translation(("news.zh.txt", source), ("news.en.txt", target), glossary, ALL, align)


def source_findings(result: CleanResult) -> list[tuple[str, int, str]]:
    return [(c.code, c.line, c.before) for c in result.changes if c.code.startswith("SR")]


def test_a_faithful_translation_has_no_source_findings(small: Compiled) -> None:
    result = check(TARGET, small)
    assert source_findings(result) == []
    assert result.changes == ()


def test_key_term_mismatch_points_at_the_english_paragraph(small: Compiled) -> None:
    target = TARGET.replace("the Global Times", "a newspaper")
    result = check(target, small)
    ((code, line, before),) = source_findings(result)
    assert (code, line) == ("SR001", 3) and before.startswith("According to a newspaper")
    change = next(c for c in result.changes if c.code == "SR001")
    assert change.status is Status.REPORT_ONLY and change.after is None
    assert "环球时报 (news.zh.txt:3)" in change.message and "'Global Times'" in change.message
    assert change.entry == "global-times"


def test_wrong_number_points_at_the_wrong_number(small: Compiled) -> None:
    target = TARGET.replace("35,000 tonnes", "3.5 million tonnes")
    result = check(target, small)
    assert source_findings(result) == [("SR002", 3, "3.5 million")]
    change = next(c for c in result.changes if c.code == "SR002")
    assert "3.5万 (news.zh.txt:3)" in change.message and "'3.5 million' instead" in change.message
    assert target[change.start : change.end] == "3.5 million"


def test_missing_date_and_year(small: Compiled) -> None:
    target = TARGET.replace(" on February 4", "").replace(" in 2024", "")
    found = source_findings(check(target, small))
    assert [(code, line) for code, line, _ in found] == [("SR002", 1), ("SR002", 5)]


def test_different_paragraph_counts_are_reported_once_and_nothing_else_compared(small: Compiled) -> None:
    merged = TARGET.replace("120 million.\n\nAccording", "120 million. According")
    merged = merged.replace("the Global Times", "a newspaper")  # would be SR001 if compared
    result = check(merged, small)
    ((code, line, _),) = source_findings(result)
    change = next(c for c in result.changes if c.code == "SR003")
    assert code == "SR003" and "the source has 3 paragraphs, the translation 2" in change.message
    assert "first pair that looks mismatched is paragraph 2" in change.message
    assert change.source == "news.zh.txt:3" and line == 3


def test_extra_paragraph_at_the_end(small: Compiled) -> None:
    result = check(TARGET + "\nAn editor's note.\n", small)
    change = next(c for c in result.changes if c.code == "SR003")
    assert "the pairs agree up to paragraph 3" in change.message
    assert change.before == "An editor's note."


def test_a_mismatched_pair_is_reported_and_not_compared(small: Compiled) -> None:
    paragraphs = TARGET.strip().split("\n\n")
    swapped = "\n\n".join([paragraphs[0], "The weather was fine and the parks were full of families.", paragraphs[2]])
    result = check(swapped + "\n", small)
    assert source_findings(result) == [
        ("SR003", 3, "The weather was fine and the parks were full of families.")
    ]


def test_usual_rules_still_run_on_the_english(small: Compiled) -> None:
    target = TARGET.replace("the Global Times", "the 环球时报")
    codes = [c.code for c in check(target, small).changes]
    assert codes == ["ZH001"]  # the Chinese left in is ZH001's, not also an SR001


def test_select_and_ignore_apply_to_source_rules(small: Compiled) -> None:
    target = TARGET.replace("the Global Times", "a newspaper").replace("35,000", "36,000")
    rules = select_rules(ignore=["SR001"], among=ALL)
    result = check_translation(("s", SOURCE), ("t", target), small, rules)
    assert [c.code for c in result.changes] == ["SR002"]
    assert select_rules(["SR"], among=RULES) == ()


def test_line_alignment_keeps_blank_lines_in_step(small: Compiled) -> None:
    source = "国务院发布通知。\n\n增长3.5%。\n"
    target = "The State Council issued a notice.\n\nGrowth was 3.6%.\n"
    result = check(target, small, source, align="line")
    assert source_findings(result) == [("SR002", 3, "3.6%")]
    shifted = "The State Council issued a notice.\nGrowth was 3.5%.\n\n"
    found = source_findings(check(shifted, small, source, align="line"))
    assert [code for code, _, _ in found] == ["SR003", "SR003"]


def test_units() -> None:
    text = "\n  one\ntwo  \n\n\n three\n"
    assert [text[u.start : u.end] for u in units(text)] == ["one\ntwo", "three"]
    assert [u.line for u in units(text)] == [2, 6]
    lines = "a\n\n b \n"
    assert [lines[u.start : u.end] for u in units(lines, "line")] == ["a", "", "b"]
    with pytest.raises(ValueError):
        units(text, "sentence")


# JSON Lines corpora --------------------------------------------------------------------------


def test_corpus_findings_point_into_the_file(small: Compiled) -> None:
    records = [
        {"id": 1, "source": "国内生产总值增长3.5%。", "target": "GDP grew 3.6 percent."},
        {"source": "据环球时报报道", "target": "According to \"a paper\", the 环球时报 said"},
        {"source": "人民日报说", "target": "The paper said\nso"},
    ]
    text = "\n".join(json.dumps(r, ensure_ascii=r is not records[1]) for r in records) + "\n"
    result = check_corpus("corpus.jsonl", text, small, ALL)
    by_code = {(c.code, c.line): c for c in result.changes}
    assert set(by_code) == {("SR002", 1), ("ZH001", 2), ("SR001", 3)}
    for c in result.changes:
        assert text[c.start : c.end] == c.before
        line_start = text.rfind("\n", 0, c.start) + 1
        assert c.col == c.start - line_start + 1
    assert by_code[("SR002", 1)].before == "3.6 percent"
    assert by_code[("ZH001", 2)].before == "环球时报" and by_code[("ZH001", 2)].after == "Global Times"
    assert by_code[("SR001", 3)].before == "The paper said\\nso"  # the raw JSON text


@pytest.mark.parametrize(
    ("line", "message"),
    [("not json", "corpus.jsonl:2: not a JSON object record"), ('{"source": "x"}', "corpus.jsonl:2: no string field 'target'")],
)
def test_corpus_errors_name_the_line(small: Compiled, line: str, message: str) -> None:
    text = '{"source": "a", "target": "b"}\n' + line + "\n"
    with pytest.raises(CleanupError, match=message):
        check_corpus("corpus.jsonl", text, small, ALL)


# numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("十二", 12), ("二十", 20), ("一百零五", 105), ("三千五百万", 35_000_000), ("一亿三千万", 130_000_000),
     ("两万亿", 2 * 10**12), ("十万", 100_000), ("三点五", Decimal("3.5")), ("十四五", None)],
)
def test_zh_numerals(numeral: str, value: object) -> None:
    assert zh_numeral(numeral) == value


@pytest.mark.parametrize(
    ("zh", "en"),
    [("3.5万", "35,000"), ("1.2亿", "120 million"), ("百分之三点五", "3.5 percent"), ("3.5%", "3.5 per cent"),
     ("2月4日", "February 4"), ("2月4日", "Feb. 4"), ("2月4日", "4 February"), ("二〇二四年", "2024"),
     ("三十多个", "more than 30"), ("0.5个百分点", "0.5 percentage points"), ("５０％", "50%"),
     ("两万亿元", "2 trillion"), ("3年", "three years"), ("第十九届", "19th"), ("十二月", "December")],
)
def test_quantities_match_across_languages(zh: str, en: str) -> None:
    (source,) = chinese_quantities(zh)
    assert any(source.matches(t) for t in english_quantities(en)), (source, english_quantities(en))


@pytest.mark.parametrize("zh", ["一些", "十分重要", "千万不要", "两国", "统一", "4日", "十四五规划", "一带一路"])
def test_words_that_are_not_quantities(zh: str) -> None:
    assert chinese_quantities(zh) == []


def test_quantity_offsets_point_at_the_text() -> None:
    text = "在2024年2月4日，增长３．５％，达1.2亿元"
    for q in chinese_quantities(text):
        assert text[q.start : q.end] == q.text
    english = "On Feb. 4, 2024, growth was 3.5 percent, or 120 million yuan."
    assert [english[q.start : q.end] for q in english_quantities(english)] == [
        "Feb. 4", "2024", "3.5 percent", "120 million"
    ]


# through the command line --------------------------------------------------------------------


def test_source_mode_on_the_command_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cleanup.cli import app

    from .conftest import FIXTURES

    small = ["--no-default-glossary", "-g", str(FIXTURES / "glossary")]
    source, target = tmp_path / "news.zh.txt", tmp_path / "news.en.txt"
    source.write_text(SOURCE, encoding="utf-8")
    target.write_text(TARGET.replace("35,000", "36,000"), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["check", "--source", str(source), str(target), *small])
    assert result.exit_code == 1, result.output
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{target}:3:") and "SR002" in line and "'36,000' instead" in line
    sarif_out = runner.invoke(app, ["check", "--source", str(source), str(target), "--format", "sarif", *small])
    assert json.loads(sarif_out.stdout)["runs"][0]["results"][0]["ruleId"] == "SR002"
    target.write_text(TARGET, encoding="utf-8")
    assert runner.invoke(app, ["check", "--source", str(source), str(target), *small]).exit_code == 0
    two = runner.invoke(app, ["check", "--source", str(source), str(target), str(target), *small])
    assert two.exit_code == 2 and "exactly one file" in two.stderr
    corpus = tmp_path / "pairs.jsonl"
    corpus.write_text(json.dumps({"source": "增长3.5%", "target": "grew 3.6%"}) + "\n", encoding="utf-8")
    pairs = runner.invoke(app, ["check", "--pairs", str(corpus), "--format", "json", *small])
    assert [(c["code"], c["line"], c["before"]) for c in json.loads(pairs.stdout)] == [("SR002", 1, "3.6%")]

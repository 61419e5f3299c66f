"""The command line through typer's runner: outputs, exit codes, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanup.cli import app

from .conftest import FIXTURES

runner = CliRunner()
SMALL = ["--no-default-glossary", "-g", str(FIXTURES / "glossary")]
TEXT = "By Guan察者网 Liu Bai，open and普惠 trade. Deputy Minion Houston spoke.\n"
CLEAN = "By Observer Network Liu Bai, open and universally beneficial trade. Deputy Mignon Houston spoke.\n"


def run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def with_punct(tmp_path: Path) -> list[str]:
    from cleanup.glossary.loader import bundled_dir

    return SMALL + ["-g", str(bundled_dir() / "punctuation.yaml")]


def test_fix_prints_cleaned_text_and_logs_changes(article: Path, tmp_path: Path) -> None:
    result = run("fix", str(article), *with_punct(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout == CLEAN
    assert "ZH002 observer-network: 'Guan察者网' → 'Observer Network'" in result.stderr


def test_fix_stdin_to_stdout(tmp_path: Path) -> None:
    result = run("fix", "-", "-q", *with_punct(tmp_path), stdin=TEXT)
    assert result.exit_code == 0 and result.stdout == CLEAN


def test_fix_out_dir_and_changelog(article: Path, tmp_path: Path) -> None:
    out, log = tmp_path / "out", tmp_path / "log.jsonl"
    result = run("fix", str(article), "--out-dir", str(out), "--changelog", str(log), *with_punct(tmp_path))
    assert result.exit_code == 0, result.output
    written = list(out.rglob("a.txt"))
    assert len(written) == 1 and written[0].read_text(encoding="utf-8") == CLEAN
    assert article.read_text(encoding="utf-8") == TEXT  # the original is untouched
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    applied = [r for r in records if r["status"] == "applied"]
    replay = TEXT
    for r in sorted(applied, key=lambda r: r["start"], reverse=True):
        assert TEXT[r["start"] : r["end"]] == r["before"]
        replay = replay[: r["start"]] + r["after"] + replay[r["end"] :]
    assert replay == CLEAN


def test_fix_in_place(article: Path, tmp_path: Path) -> None:
    result = run("fix", str(article), "--in-place", "-q", *with_punct(tmp_path))
    assert result.exit_code == 0
    assert article.read_text(encoding="utf-8") == CLEAN


def test_fix_diff_writes_nothing(article: Path, tmp_path: Path) -> None:
    result = run("fix", str(article), "--diff", "-q", *with_punct(tmp_path))
    assert result.exit_code == 0
    assert "-By Guan察者网" in result.stdout and "+By Observer Network" in result.stdout
    assert article.read_text(encoding="utf-8") == TEXT


def test_fix_select_and_ignore(article: Path, tmp_path: Path) -> None:
    only = run("fix", str(article), "-q", "--select", "EN", *with_punct(tmp_path))
    assert only.stdout == TEXT.replace("Minion", "Mignon")
    without = run("fix", str(article), "-q", "--ignore", "EN,PU", *with_punct(tmp_path))
    assert "Minion" in without.stdout and "Observer Network" in without.stdout


def test_fix_suggestions(tmp_path: Path) -> None:
    result = run("fix", "-", "-q", "--suggestions", *SMALL, stdin="the Millet phone")
    assert result.stdout == "the Xiaomi phone"


def test_check_text_and_exit_codes(article: Path, tmp_path: Path) -> None:
    result = run("check", str(article), *with_punct(tmp_path))
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{article}:1:4: ZH002 [*] mixed token 'Guan察者网'")
    lines = (Path(__file__).parent / "fixtures/glossary/terms.yaml").read_text(encoding="utf-8").splitlines()
    entry_line = lines.index("  - id: observer-network") + 1  # where the entry that fixed it starts
    assert first.endswith(f"(tests/fixtures/glossary/terms.yaml:{entry_line})")
    clean_file = tmp_path / "clean.txt"
    clean_file.write_text(CLEAN, encoding="utf-8")
    assert run("check", str(clean_file), *with_punct(tmp_path)).exit_code == 0


def test_check_json(article: Path) -> None:
    result = run("check", str(article), "--format", "json", *SMALL)
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    keys = {"path", "code", "start", "end", "line", "col", "before", "after", "safety", "entry"}
    assert all(keys <= set(d) for d in data)
    mixed = next(d for d in data if d["code"] == "ZH002")
    assert (mixed["start"], mixed["end"], mixed["before"]) == (3, 10, "Guan察者网")


def test_rules_list_and_doc() -> None:
    listing = run("rules")
    assert listing.exit_code == 0 and "ZH001" in listing.stdout and "DT001" in listing.stdout
    doc = run("rules", "en001")
    assert "Why is this bad?" in doc.stdout and "Fix safety" in doc.stdout
    assert run("rules", "XX999").exit_code == 2


def test_glossary_check_ok_and_broken(tmp_path: Path) -> None:
    assert run("glossary", "check", *SMALL).exit_code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: term\nentries:\n  - id: x\n    en: X\n    note: n\n    examples: [{in: a}]\n", encoding="utf-8")
    result = run("glossary", "check", "--no-default-glossary", "-g", str(bad))
    assert result.exit_code == 2
    assert "bad.yaml:3: x: a term needs at least one of zh, wrong, variants" in result.stdout
    positional = run("glossary", "check", "--no-default-glossary", str(bad))  # a path needs no -g
    assert positional.exit_code == 2 and positional.stdout == result.stdout


@pytest.mark.parametrize("kind", ["missing", "directory", "undecodable", "broken-glossary"])
def test_bad_input_is_one_line_exit_2_no_output(kind: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    target = tmp_path / "in.txt"
    extra: list[str] = []
    if kind == "missing":
        expect = "in.txt: no such file"
    elif kind == "directory":
        target = tmp_path
        expect = "is a directory"
    elif kind == "undecodable":
        target.write_bytes(b"good line\n\x81\x30 bad \xff\xfe")
        expect = "in.txt:2: cannot decode"
    else:
        target.write_text("fine", encoding="utf-8")
        broken = tmp_path / "g.yaml"
        broken.write_text("kind: term\nentries: [\n", encoding="utf-8")
        extra = ["-g", str(broken)]
        expect = "g.yaml:3: -: invalid YAML"
    result = run("fix", str(target), "--out-dir", str(out), *extra)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cleanup: error:") and expect in lines[0], result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.rglob("*.txt"))

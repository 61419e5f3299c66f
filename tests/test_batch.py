"""Batch runs through the command line: inputs, outputs, logs, summary, consistency, jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanup.cli import app

from .conftest import fixture_glossary_paths

runner = CliRunner()
GLOSSARY = ["--no-default-glossary"] + [arg for p in fixture_glossary_paths() for arg in ("-g", str(p))]
ARTICLE = "By Guan察者网 Liu Bai，open and普惠 trade. Deputy Minion Houston spoke.\n"
CLEANED = "By Observer Network Liu Bai, open and universally beneficial trade. Deputy Mignon Houston spoke.\n"


def run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [*args, *GLOSSARY], input=stdin)


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def listing(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tree(tmp_path / "in", {
        "a.txt": ARTICLE,
        "b.md": "Notes: `Minion Houston` stays; Minion Houston goes.\n",
        "sub/c.html": "<p title='Minion Houston'>Minion Houston</p>\n",
        "sub/deeper/d.txt": "nothing to do here\n",
        "sub/e.jsonl": json.dumps({"text": ARTICLE, "id": 7}) + "\n",
        "skip.dat": "Minion Houston",
    })


def test_directory_out_dir_mirrors_tree_and_logs_every_file(corpus: Path) -> None:
    result = run("fix", "in", "-o", "out", "--changelog", "log.jsonl", "-q")
    assert result.exit_code == 0, result.output
    assert listing(Path("out")) == ["in/a.txt", "in/b.md", "in/sub/c.html", "in/sub/deeper/d.txt", "in/sub/e.jsonl"]
    assert Path("out/in/a.txt").read_text(encoding="utf-8") == CLEANED
    assert Path("out/in/b.md").read_text(encoding="utf-8") == "Notes: `Minion Houston` stays; Mignon Houston goes.\n"
    assert Path("out/in/sub/c.html").read_text(encoding="utf-8") == "<p title='Minion Houston'>Mignon Houston</p>\n"
    assert json.loads(Path("out/in/sub/e.jsonl").read_text(encoding="utf-8")) == {"text": CLEANED, "id": 7}
    records = [json.loads(line) for line in Path("log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["path"] for r in records] == sorted((r["path"] for r in records), key=lambda p: ["in/a.txt", "in/b.md", "in/sub/c.html", "in/sub/e.jsonl"].index(p))
    assert {r["path"] for r in records} == {"in/a.txt", "in/b.md", "in/sub/c.html", "in/sub/e.jsonl"}
    assert all(r["field"] == "text" for r in records if r["path"].endswith(".jsonl"))
    assert Path("in/a.txt").read_text(encoding="utf-8") == ARTICLE  # inputs untouched


def test_summary_counts_and_throughput(corpus: Path) -> None:
    result = run("fix", "in", "-o", "out")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    summary = next(i for i, line in enumerate(lines) if "file(s)," in line)
    assert lines[summary] == "5 file(s), 4 changed, 0 need review"
    assert lines[summary + 1] == "by rule:  EN001 applied ×4, PU001 applied ×2, ZH001 applied ×2, ZH002 applied ×2"
    assert lines[summary + 2].startswith("by entry: mignon-houston applied ×4, ")
    assert lines[summary + 3].startswith("time: ") and "MB/s" in lines[summary + 3] and "files/s" in lines[summary + 3]


def test_in_place_rewrites_only_changed_files(corpus: Path) -> None:
    untouched = Path("in/sub/deeper/d.txt")
    before = untouched.stat().st_mtime_ns
    result = run("fix", "in", "--in-place", "-q")
    assert result.exit_code == 0, result.output
    assert Path("in/a.txt").read_text(encoding="utf-8") == CLEANED
    assert untouched.stat().st_mtime_ns == before


def test_globs_exclude_ignore_file_and_files_from(corpus: Path) -> None:
    Path("in/sub/.cleanupignore").write_text("deeper/\n*.html\n", encoding="utf-8")
    result = run("check", "in", "--exclude", "*.md", "-q", "--format", "json")
    assert {d["path"] for d in json.loads(result.stdout)} == {"in/a.txt", "in/sub/e.jsonl"}
    globbed = run("check", "in/**/*.html", "in/*.md", "-q", "--format", "json")
    assert {d["path"] for d in json.loads(globbed.stdout)} == {"in/sub/c.html", "in/b.md"}
    Path("list.txt").write_text("# files to check\nin/b.md\n\nin/sub/c.html\n", encoding="utf-8")
    listed = run("check", "--files-from", "list.txt", "-q", "--format", "json")
    assert {d["path"] for d in json.loads(listed.stdout)} == {"in/b.md", "in/sub/c.html"}
    piped = run("check", "--files-from", "-", "-q", "--format", "json", stdin="in/a.txt\n")
    assert {d["path"] for d in json.loads(piped.stdout)} == {"in/a.txt"}


def test_input_format_override_reads_every_file(corpus: Path) -> None:
    result = run("check", "in/skip.dat", "in", "--input-format", "txt", "-q", "--format", "json")
    paths = {d["path"] for d in json.loads(result.stdout)}
    assert "in/skip.dat" in paths and "in/b.md" in paths
    md_as_text = [d for d in json.loads(result.stdout) if d["path"] == "in/b.md"]
    assert len(md_as_text) == 2  # as plain text, the code span is prose too


def test_jobs_give_the_same_bytes_and_logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    tree(tmp_path / "in", {f"d{i % 3}/f{i:03d}.txt": ARTICLE * (1 + i % 4) + f"file {i}\n" for i in range(60)})
    one = run("fix", "in", "-o", "one", "--changelog", "one.jsonl", "-q", "--jobs", "1")
    two = run("fix", "in", "-o", "two", "--changelog", "two.jsonl", "-q", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert Path("one.jsonl").read_bytes() == Path("two.jsonl").read_bytes()
    assert listing(Path("one")) == listing(Path("two"))
    for name in listing(Path("one")):
        assert (Path("one") / name).read_bytes() == (Path("two") / name).read_bytes()


def test_failures_are_reported_in_order_and_the_rest_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    tree(tmp_path / "in", {"a.txt": ARTICLE, "c.txt": ARTICLE, "d.jsonl": '{"text": "Minion Houston"}\n{oops\n'})
    (tmp_path / "in" / "b.txt").write_bytes(b"nul \x00 byte")
    result = run("fix", "in", "missing.txt", "-o", "out", "-q")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("cleanup: error:")]
    assert errors[0].startswith("cleanup: error: in/b.txt: binary file")
    assert errors[1] == "cleanup: error: in/d.jsonl:2: not valid JSON (Expecting property name enclosed in double quotes); line kept"
    assert "missing.txt" in errors[2] and len(errors) == 3
    assert Path("out/in/c.txt").read_text(encoding="utf-8") == CLEANED
    assert Path("out/in/d.jsonl").read_text(encoding="utf-8") == '{"text": "Mignon Houston"}\n{oops\n'


def test_consistency_report_across_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    tree(tmp_path / "in", {
        "a.txt": "The critical minerals summit.\n",
        "b.txt": "A key mineral deal and key minerals.\n",
        "c.txt": "More critical minerals.\n",
    })
    result = run("check", "in", "--consistency-report", "consistency.json")
    assert "consistency: 1 term(s) rendered more than one way across the batch" in result.stderr
    line = next(line for line in result.stderr.splitlines() if line.startswith("  critical-minerals"))
    assert "'critical mineral' ×2 in 2 file(s) (in/a.txt, in/c.txt)" in line and "'key mineral' ×2 in 1 file(s) (in/b.txt)" in line
    records = json.loads(Path("consistency.json").read_text(encoding="utf-8"))
    assert records == [{"entry": "critical-minerals", "en": "critical mineral", "renderings": {
        "critical mineral": {"in/a.txt": 1, "in/c.txt": 1}, "key mineral": {"in/b.txt": 2}}}]


def test_single_file_keeps_stdout_and_one_line_errors(corpus: Path) -> None:
    result = run("fix", "in/a.txt")
    assert result.exit_code == 0 and result.stdout == CLEANED
    assert "file(s)," not in result.stderr  # no batch summary for one file
    several = run("fix", "in/a.txt", "in/b.md")
    assert several.exit_code == 2 and "several files need --out-dir" in several.stderr
    empty = Path("empty")
    empty.mkdir()
    nothing = run("fix", "empty", "-o", "out")
    assert nothing.exit_code == 2 and nothing.stderr.strip().splitlines() == [
        "cleanup: error: empty: is a directory with no files to clean (.txt, .md, .html, .jsonl)"]


def test_stdin_for_check_and_fix_with_a_format(corpus: Path) -> None:
    checked = run("check", "-", "--format", "json", stdin="Minion Houston said.\n")
    assert checked.exit_code == 1 and [d["path"] for d in json.loads(checked.stdout)] == ["-"]
    fixed = run("fix", "-", "-q", "--input-format", "jsonl", stdin='{"text": "Minion Houston", "n": 1}\n')
    assert fixed.exit_code == 0 and fixed.stdout == '{"text": "Mignon Houston", "n": 1}\n'


def test_progress_bar_only_on_a_terminal() -> None:
    import io

    from cleanup.batch import progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert progress.wanted(False, Terminal()) and not progress.wanted(True, Terminal())
    assert not progress.wanted(False, io.StringIO())

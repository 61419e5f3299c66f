"""``cleanup review`` in a real pseudo-terminal (pexpect), typing answers; and piped, for the details.

The expected texts are computed from the change log and the answers the test typed, never
copied from the program's output.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import sys
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from cleanup.cli import app
from cleanup.edits import apply_edits
from cleanup.engine import clean
from cleanup.model import Edit, Span
from cleanup.review import decisions as store

from .conftest import ROOT, fixture_glossary_paths

SEED = ROOT / "seeds" / "observer-critical-minerals.txt"
SMALL = ["--no-default-glossary", *[a for p in fixture_glossary_paths() for a in ("-g", str(p))]]
PROMPT = r"\((\d+)/(\d+)\) (Accept this change|Leave it, or write the English) \[[a-z,?]+\]\? "
HEAD = re.compile(r":(\d+):(\d+)  ([A-Z]{2}\d{3})  (?:safe|suggestion|report only)  ([a-z0-9-]+)")
runner = CliRunner()


pytestmark = pytest.mark.usefixtures("private_cache")


def spawn(args: list[str], cwd: Path) -> pexpect.spawn:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    return pexpect.spawn(sys.executable, ["-m", "cleanup", "review", *args], cwd=str(cwd), env=env,
                         encoding="utf-8", timeout=60, dimensions=(50, 250))


class Reviewer:
    """Answers by rule and remembers what it accepted, with the replacement it chose."""

    def __init__(self, changes) -> None:  # type: ignore[no-untyped-def]
        self.changes = {(c.line, c.col, c.code, c.entry): c for c in changes}
        self.accepted: dict[tuple[int, int, str, str], str] = {}
        self.entry_rules: dict[str, str] = {}
        self.asked: list[tuple[int, int, str, str]] = []
        self.seen_codes: set[str] = set()

    def answer(self, key: tuple[int, int, str, str]) -> tuple[str, str | None]:
        change = self.changes[key]
        self.asked.append(key)
        first_of_code = change.code not in self.seen_codes
        self.seen_codes.add(change.code)
        if change.after is None:
            return "n", None
        if change.entry == "observer-network":
            return "e", "Observer Network (Guancha)"
        if change.entry == "critical-mineral":
            self.entry_rules[change.entry] = "reject"
            return "d", None
        if change.code == "DT001" and first_of_code:
            self.entry_rules[change.entry] = "accept"
            return "a", None
        if change.code in ("EN002", "PU001") or change.entry.startswith("forum-"):
            return "n", None
        return "y", None


def expected_text(original: str, changes, accepted: dict) -> str:  # type: ignore[no-untyped-def]
    edits = [Edit(Span(c.start, c.end), accepted[k]) for k, c in changes.items() if k in accepted]
    return apply_edits(original, edits)


def test_seed_review_in_a_terminal_replays_with_apply(bundled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "article.txt"
    shutil.copy(SEED, article)
    result = clean(article.read_text(encoding="utf-8"), bundled, path="article.txt")
    reviewer = Reviewer(result.changes)
    child = spawn(["article.txt", "--decisions", "d.jsonl", "-o", "out", "--color", "never"], tmp_path)
    typed: set[str] = set()
    while child.expect([PROMPT, pexpect.EOF]) == 0:
        line, col, code, entry = HEAD.findall(child.before)[-1]
        key = (int(line), int(col), code, entry)
        key_typed, text = reviewer.answer(key)
        typed.add(key_typed)
        child.sendline(key_typed)
        if key_typed == "e":
            child.expect("new text> ")
            child.sendline(text)
            reviewer.accepted[key] = text
        elif key_typed in ("y", "a"):
            reviewer.accepted[key] = reviewer.changes[key].after
    child.close()
    assert child.exitstatus == 0, child.before
    assert typed == {"y", "n", "e", "a", "d"}
    # changes the reviewer never saw were decided by its entry-wide answers ('a' / 'd'), in order
    taken = [Span(reviewer.changes[k].start, reviewer.changes[k].end) for k in reviewer.accepted]
    for key, change in sorted(reviewer.changes.items(), key=lambda kv: (kv[1].start, kv[1].end)):
        rule = reviewer.entry_rules.get(change.entry)
        span = Span(change.start, change.end)
        if key not in reviewer.asked and rule == "accept" and not any(span.overlaps(t) for t in taken):
            reviewer.accepted[key] = change.after
            taken.append(span)
    decided = {"accept": 0, "reject": 0}
    for c in result.changes:
        decided["accept" if (c.line, c.col, c.code, c.entry) in reviewer.accepted else "reject"] += 1
    assert decided["accept"] > 5 and decided["reject"] > 5  # a real mix of answers
    expected = expected_text(result.original, reviewer.changes, reviewer.accepted)
    assert (tmp_path / "out" / "article.txt").read_text(encoding="utf-8") == expected
    assert "Observer Network (Guancha)" in expected
    records = store.load(tmp_path / "d.jsonl")
    assert {r.decision for r in records} == {"accept", "reject", "edit"}
    replayed = runner.invoke(app, ["apply", "--decisions", str(tmp_path / "d.jsonl"), str(article)])
    assert replayed.exit_code == 0, replayed.stderr
    assert replayed.stdout == expected


def test_terminal_review_is_coloured_and_quits_keeping_nothing_undecided(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Deputy Minion Houston spoke about key minerals and critical minerals.\n", encoding="utf-8")
    child = spawn(["a.txt", "--decisions", "d.jsonl", "--in-place", *SMALL], tmp_path)
    child.expect(PROMPT)
    assert "\x1b[31mMinion\x1b[0m\x1b[32mMignon\x1b[0m" in child.before  # a terminal gets colour
    child.sendline("y")
    child.expect(PROMPT)
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert article.read_text(encoding="utf-8") == "Deputy Mignon Houston spoke about key minerals and critical minerals.\n"
    [record] = store.load(tmp_path / "d.jsonl")
    assert (record.entry, record.decision) == ("mignon-houston", "accept")


def review(path: Path, answers: str, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["review", str(path), "--color", "never", *args, *SMALL], input=answers)


def test_edit_help_and_entry_wide_answers(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("key minerals, Minion Houston, key mineral and critical minerals.\n", encoding="utf-8")
    decisions = tmp_path / "d.jsonl"
    result = review(path, "x\n?\nd\ne\n\ne\nM.\\nHouston\n", "--decisions", str(decisions))
    assert result.exit_code == 0, result.output
    assert result.stderr.count("a - accept this change and every later one") == 2  # 'x' and '?' print help
    assert result.stdout == "key minerals, M.\nHouston, key mineral and critical minerals.\n"
    assert result.stderr.count("all from entry critical-minerals") == 1
    records = store.load(decisions)
    assert [r.decision for r in records] == ["reject", "edit", "reject"]
    assert records[1].text == "M.\nHouston"
    assert "decisions: 0 accepted, 1 edited, 2 rejected, 0 undecided" in result.stderr


def test_overlap_loser_is_offered_only_when_the_winner_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("【By Guan察者网 Liu Bai】 Text.\n", encoding="utf-8")
    first = review(path, "y\ny\ny\n", "--decisions", str(tmp_path / "1.jsonl"), "--fresh")
    assert "PU001" not in first.stderr.split("decisions:")[0]  # shadowed by the accepted BP001
    second = review(path, "n\ny\nn\nn\ny\n", "--decisions", str(tmp_path / "2.jsonl"))
    assert "offered because the overlapping change it lost to was rejected" in second.stderr
    assert second.stdout.startswith("[By ")


def test_skip_quit_and_resume(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Minion Houston and key minerals, critical minerals.\n", encoding="utf-8")
    two.write_text("More key minerals than critical minerals.\n", encoding="utf-8")
    decisions, out = tmp_path / "d.jsonl", tmp_path / "out"
    both = runner.invoke(app, ["review", str(one), str(two), "--decisions", str(decisions), "-o", str(out),
                               "--color", "never", *SMALL], input="y\ns\nq\n")
    assert both.exit_code == 0, both.output
    assert "quit before the end" in both.stderr
    assert [r.decision for r in store.load(decisions)] == ["accept"]
    resumed = runner.invoke(app, ["review", str(one), str(two), "--decisions", str(decisions), "-o", str(out),
                                  "--color", "never", *SMALL], input="n\ny\n")
    assert "decided earlier" in resumed.stderr
    assert [r.decision for r in store.load(decisions)] == ["accept", "reject", "accept"]
    assert next(out.rglob("one.txt")).read_text(encoding="utf-8") == "Mignon Houston and key minerals, critical minerals.\n"
    assert next(out.rglob("two.txt")).read_text(encoding="utf-8") == "More critical minerals than critical minerals.\n"


def test_review_refuses_stdin_and_several_files_to_stdout(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x\n", encoding="utf-8")
    assert "give the text as a file" in runner.invoke(app, ["review", "-"]).stderr
    many = runner.invoke(app, ["review", str(path), str(path)])
    assert many.exit_code == 2 and "several files need --out-dir or --in-place" in many.stderr


def test_review_sanitises_what_it_shows(tmp_path: Path) -> None:
    path = tmp_path / "x\x1b[2Jy.txt"
    path.write_text("\x1b]0;pwned\x07\u202eDeputy Minion Houston spoke of key minerals, critical minerals.\n",
                    encoding="utf-8")
    result = review(path, "a\n", "--decisions", str(tmp_path / "d.jsonl"))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr and "\x07" not in result.stderr
    assert "\\u001b]0;pwned\\u0007\\u202eDeputy [-Minion-]{+Mignon+} Houston" in result.stderr
    assert "x\\u001b[2Jy.txt" in result.stderr
    assert result.stdout.startswith("\x1b]0;pwned\x07\u202eDeputy Mignon Houston")  # the text itself is intact


def test_review_fails_before_asking_when_decisions_cannot_be_written(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Minion Houston\n", encoding="utf-8")
    result = review(path, "y\n", "--decisions", str(tmp_path / "missing" / "d.jsonl"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"cleanup: error: {tmp_path / 'missing'}: no such directory for the decisions file"


def test_an_accepted_proposal_that_changed_since_is_asked_again(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Deputy Minion Houston spoke.\n", encoding="utf-8")
    decisions = tmp_path / "d.jsonl"
    assert review(path, "y\n", "--decisions", str(decisions)).stdout == "Deputy Mignon Houston spoke.\n"
    [record] = store.load(decisions)
    store.write(decisions, [dataclasses.replace(record, after="Mignon Huston")])  # as from an older glossary
    again = review(path, "n\n", "--decisions", str(decisions))
    assert "decided earlier" not in again.stderr and "Accept this change" in again.stderr
    assert again.stdout == "Deputy Minion Houston spoke.\n"
    assert [r.decision for r in store.load(decisions)] == ["reject"]
    resumed = review(path, "", "--decisions", str(decisions))
    assert "reject (decided earlier)" in resumed.stderr

"""Decision ids, the decisions file, relocation after an edit, and ``cleanup apply``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanup.cli import app
from cleanup.edits import apply_edits
from cleanup.engine import clean
from cleanup.model import Edit, Span
from cleanup.review import decisions as store
from cleanup.review.relocate import Missed, Placed, locate
from cleanup.review.replay import replay

from .conftest import ROOT

SEED = ROOT / "seeds" / "observer-critical-minerals.txt"
runner = CliRunner()


pytestmark = pytest.mark.usefixtures("private_cache")


@pytest.fixture(scope="module")
def seed(bundled):  # type: ignore[no-untyped-def]
    return clean(SEED.read_text(encoding="utf-8"), bundled, path="seed.txt")


def records_of(result):  # type: ignore[no-untyped-def]
    sha = store.text_hash(result.original)
    return [store.record_for(c, result.original, sha) for c in result.changes]


def decide_some(records):  # type: ignore[no-untyped-def]
    """Accept every other change with a fix, reject the rest, edit one: a mixed review."""
    out, taken = [], []
    for n, r in enumerate(r for r in records if r.after is not None):
        span = Span(r.start, r.end)
        if n % 2 or any(span.overlaps(t) for t in taken):
            out.append(r.decided(store.REJECT))
        elif r.entry == "mignon-houston":
            out.append(r.decided(store.EDIT, "M. Houston"))
            taken.append(span)
        else:
            out.append(r.decided(store.ACCEPT))
            taken.append(span)
    return out


def implied(text: str, records) -> str:  # type: ignore[no-untyped-def]
    """The text the decisions imply, from their own offsets (no relocation involved)."""
    edits = [Edit(Span(r.start, r.end), r.replacement) for r in records if r.replacement is not None]
    return apply_edits(text, edits)


def test_ids_are_stable_across_runs_paths_and_processes(seed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = [r.id for r in records_of(seed)]
    assert len(set(ids)) == len(ids)
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    shutil.copy(SEED, moved)
    code = (
        "import sys; from cleanup.api import compile_loaded; from cleanup.engine import clean\n"
        "from cleanup.glossary.loader import load_glossary; from cleanup.review import decisions as d\n"
        "t = open(sys.argv[1], encoding='utf-8').read()\n"
        "r = clean(t, compile_loaded(load_glossary()), path=sys.argv[1])\n"
        "h = d.text_hash(t); print(' '.join(d.record_for(c, t, h).id for c in r.changes))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code, str(moved)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ids


def test_id_depends_on_text_offsets_code_and_entry() -> None:
    base = store.change_id("h", 1, 2, "EN001", "e")
    assert base == store.change_id("h", 1, 2, "EN001", "e")
    variants = {store.change_id(*args) for args in [("h2", 1, 2, "EN001", "e"), ("h", 0, 2, "EN001", "e"),
                                                     ("h", 1, 3, "EN001", "e"), ("h", 1, 2, "EN002", "e"),
                                                     ("h", 1, 2, "EN001", "f")]}
    assert base not in variants and len(variants) == 5


def test_decisions_file_round_trips(seed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    decided = decide_some(records_of(seed))
    path = tmp_path / "d.jsonl"
    store.write(path, decided)
    assert store.load(path) == decided
    assert all(json.loads(line)["decision"] in store.DECISIONS for line in path.read_text().splitlines())


def test_replay_on_the_reviewed_text_gives_what_the_decisions_imply(seed) -> None:  # type: ignore[no-untyped-def]
    decided = decide_some(records_of(seed))
    done = replay(seed.original, decided)
    assert done.text == implied(seed.original, decided)
    assert not done.missed and done.rejected == sum(1 for r in decided if r.decision == store.REJECT)
    assert "M. Houston" in done.text


def _edit_far_from_changes(text: str, decided) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """Insert a sentence where no change is within 200 code points, and where it went."""
    spans = [(r.start, r.end) for r in decided]
    for pos in range(len(text)):
        if text[pos] == "\n" and all(abs(pos - s) > 200 and abs(pos - e) > 200 for s, e in spans):
            return text[:pos] + " An editor added this sentence." + text[pos:], pos
    raise AssertionError("no quiet place in the seed")


def test_replay_after_an_unrelated_edit_still_applies_every_accepted_change(seed) -> None:  # type: ignore[no-untyped-def]
    decided = decide_some(records_of(seed))
    edited, pos = _edit_far_from_changes(seed.original, decided)
    done = replay(edited, decided)
    assert done.missed == []
    before = seed.original[:pos]
    expected = implied(seed.original, decided)
    # the decisions imply the same text, with the editor's sentence where the editor put it
    shift = len(implied(before, [r for r in decided if r.end <= pos]))
    assert done.text == expected[:shift] + " An editor added this sentence." + expected[shift:]
    accepted = [r for r in decided if r.replacement is not None]
    assert any(r.end <= pos for r in accepted) and any(r.start >= pos for r in accepted)  # offsets shifted


def test_an_edit_next_to_a_change_leaves_it_out_with_the_reason(small) -> None:  # type: ignore[no-untyped-def]
    text = "Deputy Minion Houston spoke on critical minerals and key minerals today, people said.\n"
    result = clean(text, small, path="a.txt")
    decided = [r.decided(store.ACCEPT) for r in records_of(result) if r.after is not None]
    assert {r.entry for r in decided} == {"mignon-houston", "critical-minerals"}
    edited = text.replace("Deputy Minion Houston", "Dpty. Minion Houstonn")
    done = replay(edited, decided)
    assert done.text == edited.replace("key minerals", "critical minerals")
    [missed] = done.missed
    assert missed.record.entry == "mignon-houston"
    assert missed.reason == "the text around it changed"
    gone = replay(text.replace("Minion Houston", "M. Houston"), decided)
    assert [m.reason for m in gone.missed] == ["'Minion Houston' is no longer in the text"]


def test_ambiguous_context_is_never_guessed(small) -> None:  # type: ignore[no-untyped-def]
    text = "x " * 40 + "Minion Houston" + " y" * 40
    [record] = [r.decided(store.ACCEPT) for r in records_of(clean(text, small)) if r.after is not None]
    twice = text + "\n" + text
    where = locate(twice, store.text_hash(twice), record)
    assert isinstance(where, Missed) and "matches 2 places" in where.reason
    shifted = "new first line\n" + text
    placed = locate(shifted, store.text_hash(shifted), record)
    assert isinstance(placed, Placed) and shifted[placed.start : placed.end] == "Minion Houston"


def test_context_at_the_start_of_the_text_is_anchored(small) -> None:  # type: ignore[no-untyped-def]
    text = "Minion Houston spoke.\n"
    [record] = [r.decided(store.ACCEPT) for r in records_of(clean(text, small)) if r.after is not None]
    elsewhere = "We quoted: Minion Houston spoke.\n"
    where = locate(elsewhere, store.text_hash(elsewhere), record)
    assert isinstance(where, Placed)  # the right side alone still identifies it
    applied = replay(text.replace("Minion", "Mignon"), [record])
    assert [m.reason for m in applied.missed] == ["already applied"]


def test_apply_command_replays_and_lists_what_it_could_not(seed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    decided = decide_some(records_of(seed))
    decisions = tmp_path / "d.jsonl"
    store.write(decisions, decided)
    copy = tmp_path / "seed.txt"
    shutil.copy(SEED, copy)
    ok = runner.invoke(app, ["apply", "--decisions", str(decisions), str(copy)])
    assert ok.exit_code == 0, ok.output
    assert ok.stdout == implied(seed.original, decided)
    accepted = [r for r in decided if r.replacement is not None]
    spoiled_record = next(r for r in accepted if r.code == "EN001" and _alone(r, accepted))
    cut = spoiled_record.context_before + spoiled_record.before
    assert seed.original.count(cut) == 1
    copy.write_text(seed.original.replace(cut, "[cut]"), encoding="utf-8")
    out = tmp_path / "out"
    partial = runner.invoke(app, ["apply", "--decisions", str(decisions), str(copy), "-o", str(out)])
    assert partial.exit_code == 1
    assert f"not applied: EN001 {spoiled_record.entry}" in partial.stderr
    assert "1 not applied" in partial.stderr
    others = [r for r in decided if r is not spoiled_record]
    expected = implied(seed.original, others)
    assert expected.count(cut) == 1
    assert next(out.rglob("seed.txt")).read_text(encoding="utf-8") == expected.replace(cut, "[cut]")


def _alone(record, accepted) -> bool:  # type: ignore[no-untyped-def]
    """No other accepted change within the record's recorded context."""
    lo, hi = record.start - store.CONTEXT, record.end + store.CONTEXT
    return all(r is record or r.end <= lo or r.start >= hi for r in accepted)


def test_apply_rejects_a_bad_decisions_file_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "d.jsonl"
    good = json.dumps({"id": "x", "path": "a", "sha256": "h", "code": "EN001", "entry": "e", "before": "ab",
                       "after": "c", "context_before": "", "context_after": "", "start": 0, "end": 2,
                       "line": 1, "col": 1, "decision": "accept"})
    bad.write_text(good + "\n" + good.replace('"accept"', '"maybe"') + "\n", encoding="utf-8")
    target = tmp_path / "a.txt"
    target.write_text("ab\n", encoding="utf-8")
    result = runner.invoke(app, ["apply", "--decisions", str(bad), str(target)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"cleanup: error: {bad}:2: 'decision' must be one of accept, reject, edit"
    bad.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["apply", "--decisions", str(bad), str(target)])
    assert result.exit_code == 2 and f"{bad}:1: not JSON" in result.stderr


def test_apply_to_a_file_without_decisions_says_so(tmp_path: Path) -> None:
    decisions = tmp_path / "d.jsonl"
    decisions.write_text("", encoding="utf-8")
    target = tmp_path / "a.txt"
    target.write_text("Minion Houston\n", encoding="utf-8")
    result = runner.invoke(app, ["apply", "--decisions", str(decisions), str(target)])
    assert result.exit_code == 1
    assert result.stdout == "Minion Houston\n"
    assert "no decisions for this file" in result.stderr


def test_records_are_found_by_text_then_path_then_name(seed) -> None:  # type: ignore[no-untyped-def]
    records = records_of(seed)
    sha = records[0].sha256
    assert store.for_file(records, "anything.txt", sha) == records
    assert store.for_file(records, "seed.txt", "other-hash") == records
    assert store.for_file(records, "dir/seed.txt", "other-hash") == records
    assert store.for_file(records, "other.txt", "other-hash") == []

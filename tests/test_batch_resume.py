"""Resuming: a killed or interrupted batch, rerun, does only what is left; changed inputs are redone.

These tests run the real command in a subprocess and kill it (SIGKILL) or interrupt it (SIGINT)
part way, so what is tested is what a user's Ctrl-C or a crash leaves behind.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleanup.batch import runner

from .conftest import ROOT, fixture_glossary_paths

GLOSSARY = ["--no-default-glossary"] + [arg for p in fixture_glossary_paths() for arg in ("-g", str(p))]
ARTICLE = "By Guan察者网 Liu Bai，open and普惠 trade. Deputy Minion Houston spoke on the 4th.\n"
FILES = 120


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleanup", *args, *GLOSSARY]


def env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), CLEANUP_NO_CACHE="1")


def make_corpus(root: Path) -> None:
    for i in range(FILES):
        path = root / "in" / f"d{i % 4}" / f"f{i:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"On February 4th, file {i}.\n\n" + ARTICLE * 200, encoding="utf-8")


def done_records(manifest: Path) -> int:
    if not manifest.exists():
        return 0
    return sum(1 for line in manifest.read_text(encoding="utf-8").splitlines() if '"file"' in line)


def outputs(out: Path) -> int:
    return sum(1 for _ in out.rglob("*.txt")) if out.exists() else 0


def start_and_stop(tmp_path: Path, sig: int, args: list[str], recorded: bool = True) -> subprocess.CompletedProcess[str]:
    """Start the batch, wait until a few files are recorded done (or, with ``recorded=False``,
    written: the manifest records ``--out-dir`` files a group at a time), then send ``sig``."""
    proc = subprocess.Popen(command(*args), cwd=tmp_path, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    manifest = tmp_path / "out" / ".cleanup-manifest.jsonl"

    def progress() -> int:
        return done_records(manifest) if recorded else outputs(tmp_path / "out")

    deadline = time.monotonic() + 120
    while progress() < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, "the batch finished before it could be stopped"
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_killed_run_resumes_with_only_what_is_left(tmp_path: Path) -> None:
    make_corpus(tmp_path)
    args = ["fix", "in", "-o", "out", "--changelog", "log.jsonl", "-q", "--jobs", "1"]
    killed = start_and_stop(tmp_path, signal.SIGKILL, args)
    assert killed.returncode == -signal.SIGKILL
    finished = done_records(tmp_path / "out" / ".cleanup-manifest.jsonl")
    assert 3 <= finished < FILES
    resumed = subprocess.run(command(*args[:-3], "--jobs", "2"), cwd=tmp_path, env=env(), capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"resuming: {finished} file(s) already done" in resumed.stderr
    assert f"{FILES} file(s), {FILES} changed, 0 need review ({finished} done by an earlier run)" in resumed.stderr
    assert not list((tmp_path / "out").rglob("*.tmp"))
    fresh = subprocess.run(command("fix", "in", "-o", "fresh", "--changelog", "fresh.jsonl", "-q"), cwd=tmp_path, env=env())
    assert fresh.returncode == 0
    for path in (tmp_path / "fresh").rglob("*.txt"):
        assert (tmp_path / "out" / path.relative_to(tmp_path / "fresh")).read_bytes() == path.read_bytes()
    # The log of the killed run was cut back to its last finished file: no record twice, none lost.
    assert (tmp_path / "log.jsonl").read_bytes() == (tmp_path / "fresh.jsonl").read_bytes()


def test_rerun_redoes_only_changed_inputs(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"f{i}.txt").write_text(ARTICLE, encoding="utf-8")
    args = ["fix", "in", "-o", "out", "--changelog", "log.jsonl"]
    assert subprocess.run(command(*args), cwd=tmp_path, env=env(), capture_output=True).returncode == 0
    (tmp_path / "in" / "f2.txt").write_text("Minion Houston again.\n", encoding="utf-8")
    (tmp_path / "out" / "in" / "f3.txt").unlink()  # an output that went missing is made again
    again = subprocess.run(command(*args), cwd=tmp_path, env=env(), capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "4 file(s), 4 changed, 0 need review (2 done by an earlier run)" in again.stderr
    assert (tmp_path / "out" / "in" / "f2.txt").read_text(encoding="utf-8") == "Mignon Houston again.\n"
    assert (tmp_path / "out" / "in" / "f3.txt").exists()
    paths = [json.loads(line)["path"] for line in (tmp_path / "log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert paths.count("in/f2.txt") == 1 and paths.count("in/f0.txt") == 4  # f0's records kept from the first run
    restart = subprocess.run(command(*args, "--restart"), cwd=tmp_path, env=env(), capture_output=True, text=True)
    assert "done by an earlier run" not in restart.stderr


def test_ctrl_c_stops_cleanly_with_the_summary_so_far(tmp_path: Path) -> None:
    make_corpus(tmp_path)
    stopped = start_and_stop(tmp_path, signal.SIGINT, ["fix", "in", "-o", "out", "--jobs", "2", "-q"], recorded=False)
    assert stopped.returncode == 130
    assert "cleanup: interrupted; the summary so far:" in stopped.stderr
    assert "Traceback" not in stopped.stderr
    assert not list((tmp_path / "out").rglob("*.tmp"))
    summary = next(line for line in stopped.stderr.splitlines() if " changed, " in line)
    assert int(summary.split()[0]) < FILES


def test_large_jsonl_in_parts_matches_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from cleanup.cli import app

    monkeypatch.chdir(tmp_path)
    lines = [json.dumps({"id": i, "text": ARTICLE if i % 3 else "plain", "other": "Minion Houston"}, ensure_ascii=i % 2 == 0) for i in range(300)]
    lines[17] = "{broken"
    original = "\n".join(lines) + "\n"
    Path("c.jsonl").write_text(original, encoding="utf-8")
    whole = CliRunner().invoke(app, ["fix", "c.jsonl", "-o", "whole", "--changelog", "whole.log", "-q", *GLOSSARY])
    monkeypatch.setattr(runner, "PART_BYTES", 2_000)
    parts = CliRunner().invoke(app, ["fix", "c.jsonl", "-o", "parts", "--changelog", "parts.log", "-q", "-j", "2", *GLOSSARY])
    assert whole.exit_code == parts.exit_code == 2  # the broken line
    assert "c.jsonl:18: not valid JSON" in parts.stderr
    assert Path("parts/c.jsonl").read_bytes() == Path("whole/c.jsonl").read_bytes()
    assert Path("parts.log").read_bytes() == Path("whole.log").read_bytes()
    out = original
    for record in sorted(map(json.loads, Path("parts.log").read_text(encoding="utf-8").splitlines()), key=lambda r: -r["start"]):
        if record["status"] == "applied":
            assert out[record["start"] : record["end"]] == record["before"]
            out = out[: record["start"]] + record["after"] + out[record["end"] :]
    assert out == Path("parts/c.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize("landed", [True, False])
def test_announced_in_place_write_is_settled_on_resume(tmp_path: Path, landed: bool) -> None:
    """A kill between announcing an in-place write and recording it: the file's content tells
    whether the write landed; the change log is kept or cut accordingly."""
    from cleanup.batch.manifest import Manifest, digest

    target = tmp_path / "a.txt"
    target.write_bytes(b"cleaned" if landed else b"original")
    path = tmp_path / "manifest.jsonl"
    manifest, _ = Manifest.open(path, "fp")
    manifest.record({"file": "b.txt", "sha256": "x", "out_sha256": "y", "log_end": 100})
    manifest.announce({"pending": "a.txt", "target": str(target), "sha256": digest(b"original"),
                       "out_sha256": digest(b"cleaned"), "log_start": 100, "log_end": 250})
    manifest.close()
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"file": "c.txt", "sha')  # a record cut off by the kill
    again, note = Manifest.open(path, "fp")
    again.close()
    assert again.log_end == (250 if landed else 100)
    assert ("a.txt" in again.done) == landed and "c.txt" not in again.done
    assert note == f"resuming: {2 if landed else 1} file(s) already done"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line) for line in lines)  # the cut line is gone, appends start clean
    assert sum('"file"' in line for line in lines) == (2 if landed else 1)  # one record a file


def test_a_file_with_a_bad_line_is_not_redone_nor_logged_twice(tmp_path: Path) -> None:
    """A JSONL file with a broken line is cleaned but for that line; rerun unchanged, it is skipped
    like any finished file (the same line would fail again), its records are not logged twice,
    and the bad line still makes the run exit 2."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.jsonl").write_text('{"text": "open and普惠 trade"}\n{"text": broken\n{"text": "the 4th"}\n', encoding="utf-8")
    (src / "b.txt").write_text(ARTICLE, encoding="utf-8")
    args = ["fix", "in", "-o", "out", "--changelog", "log.jsonl", "-j", "1", "-q"]
    first = subprocess.run(command(*args), cwd=tmp_path, env=env(), capture_output=True, text=True)
    assert first.returncode == 2, first.stderr
    logged = (tmp_path / "log.jsonl").read_text(encoding="utf-8")
    second = subprocess.run(command(*args), cwd=tmp_path, env=env(), capture_output=True, text=True)
    assert second.returncode == 2, second.stderr
    assert (tmp_path / "log.jsonl").read_text(encoding="utf-8") == logged
    assert done_records(tmp_path / "out" / ".cleanup-manifest.jsonl") == 2

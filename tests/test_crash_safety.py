"""Crash safety: ``fix --in-place`` on a batch, killed with SIGKILL at random moments, many times.

After every kill each file is exactly its original or exactly its cleaned text, never a mix; a
final run finishes the rest; across all the runs no file is done twice (the manifest holds one
record per file) and the change log is exactly that of one uninterrupted run. A batch that the
resumed runs bring to its end is checked the same way, and the next kills start a fresh one, so
that every kill lands on work still to do.

The real command runs in a subprocess with two worker processes; the whole process group is
killed. CI runs a small scale; ``CLEANUP_CRASH_KILLS=200 CLEANUP_CRASH_FILES=300`` runs a large
one on demand.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "observer-critical-minerals.txt").read_text(encoding="utf-8")
KILLS = int(os.environ.get("CLEANUP_CRASH_KILLS", "8"))
FILES = int(os.environ.get("CLEANUP_CRASH_FILES", "60"))
ARGS = ["in", "--in-place", "--manifest", "manifest.jsonl", "--changelog", "changes.jsonl", "-q", "-j", "2"]


def make_corpus(root: Path, count: int, rng: random.Random) -> None:
    paragraphs = [p for p in SEED.split("\n\n") if p.strip()]
    for i in range(count):
        body = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(1, 12)))
        if i % 10 == 3:
            body = body * 40  # a few large files: kills land during their writes too
        if i % 7 == 5:
            body = "Nothing to fix in this one.\n"
        path = root / "in" / f"d{i % 5}" / f"article-{i:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = body.encode("gb18030") if i % 9 == 4 else body.replace("\n", "\r\n" if i % 4 == 1 else "\n").encode("utf-8")
        path.write_bytes(data)


def start(work: Path, cache: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), CLEANUP_CACHE_DIR=str(cache))
    return subprocess.Popen(
        [sys.executable, "-m", "cleanup", "fix", *ARGS],
        cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "in").rglob("*.txt")) if p.is_file()}


def records(manifest: Path) -> Counter[str]:
    """Finished-file records, counting every whole line (a line cut by a kill is not a record)."""
    counts: Counter[str] = Counter()
    for line in manifest.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if "file" in record:
            counts[record["file"]] += 1
    return counts


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], dict[str, bytes], bytes, float]:
    base = tmp_path_factory.mktemp("crash")
    cache = base / "cache"
    original = base / "original"
    make_corpus(original, FILES, random.Random(7))
    ref = base / "reference"
    shutil.copytree(original, ref)
    done = start(ref, cache)  # fills the glossary cache, as every killed run will find it
    _, err = done.communicate(timeout=600)
    assert done.returncode == 0, err.decode()
    warm = base / "warm"  # the kills are timed against a run that finds the cache filled
    shutil.copytree(original, warm)
    started = time.perf_counter()
    again = start(warm, cache)
    _, err = again.communicate(timeout=600)
    elapsed = time.perf_counter() - started
    assert again.returncode == 0, err.decode()
    return cache, snapshot(original), snapshot(ref), (ref / "changes.jsonl").read_bytes(), elapsed


def finished_round(work: Path, returncode: int, stderr: str) -> dict:  # type: ignore[type-arg]
    """What a batch that ran to its end left: the files, the manifest's records, the change log."""
    log = work / "changes.jsonl"
    return {
        "returncode": returncode, "stderr": stderr, "files": snapshot(work),
        "records": records(work / "manifest.jsonl"), "log": log.read_bytes() if log.exists() else b"",
    }


def reset(work: Path, original: Path) -> None:
    """Start a fresh batch on the original files (so that every kill lands on work to do)."""
    shutil.rmtree(work)
    shutil.copytree(original, work)


@pytest.fixture(scope="module")
def killed(reference, tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """Run the batch, kill it at a random moment, check every file, again and again. A batch that
    reaches its end (resumed enough times) is one finished round; the next starts afresh."""
    cache, original, cleaned, _log, elapsed = reference
    work = tmp_path_factory.mktemp("killed") / "work"
    shutil.copytree(cache.parent / "original", work)
    rng = random.Random(int(os.environ.get("CLEANUP_CRASH_SEED", "1")))
    kills, mixed, missing, rounds = 0, [], [], []
    for _ in range(KILLS):
        proc = start(work, cache)
        time.sleep(rng.uniform(0.1, elapsed * 0.7))  # mostly before the (resumed) batch ends
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        _, err = proc.communicate(timeout=60)
        now = snapshot(work)
        mixed += [name for name, data in now.items() if data not in (original[name], cleaned[name])]
        missing += sorted(set(original) - set(now))
        if proc.returncode >= 0:  # not killed: the batch ran to its end (or failed)
            rounds.append(finished_round(work, proc.returncode, err.decode()))
            reset(work, cache.parent / "original")
    final = start(work, cache)
    _, err = final.communicate(timeout=600)
    rounds.append(finished_round(work, final.returncode, err.decode()))
    return {"kills": kills, "mixed": mixed, "missing": missing, "rounds": rounds}


def test_every_file_is_original_or_cleaned_after_every_kill(reference, killed) -> None:  # type: ignore[no-untyped-def]
    _cache, original, cleaned, _log, _elapsed = reference
    assert any(original[k] != cleaned[k] for k in original), "the corpus must need cleaning"
    assert killed["kills"] >= KILLS // 2, f"only {killed['kills']} of {KILLS} kills landed while the batch ran"
    assert not killed["mixed"], f"neither original nor cleaned after a kill: {killed['mixed'][:5]}"
    assert not killed["missing"], f"files gone after a kill: {killed['missing'][:5]}"


def test_the_next_run_finishes_the_rest(reference, killed) -> None:  # type: ignore[no-untyped-def]
    _cache, original, cleaned, _log, _elapsed = reference
    for finished in killed["rounds"]:
        assert finished["returncode"] == 0, finished["stderr"]
        assert finished["files"] == cleaned
        assert set(finished["records"]) == set(original)


def test_no_file_is_done_twice(reference, killed) -> None:  # type: ignore[no-untyped-def]
    _cache, _original, _cleaned, log, _elapsed = reference
    for finished in killed["rounds"]:
        twice = sorted(name for name, n in finished["records"].items() if n > 1)
        assert not twice, f"done more than once: {twice[:5]}"
        assert finished["log"] == log, "the change log differs from one uninterrupted run's"

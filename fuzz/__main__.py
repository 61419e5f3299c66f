"""The long fuzz run: ``python -m fuzz --docs 100000 [--jobs N] [--seed S]`` (``make fuzz``).

Document ``i`` is generated from ``random.Random(f"{seed}:{i}")``, so any failure is reproduced by
its number alone (``--only i``). Half the documents are cleaned with suggestions applied. A
failing document is shrunk piece by piece to a small one that still fails the same way, and
written with its problem to ``--findings`` (JSON Lines). Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .checks import check
from .docs import pieces
from .vocab import Vocabulary, vocabulary

_STATE: dict[str, Any] = {}


def _init(use_default: bool, glossaries: list[str]) -> None:
    from cleanup.api import load_glossary

    glossary = load_glossary(glossaries, use_default=use_default)
    _STATE["glossary"], _STATE["vocab"] = glossary, vocabulary(glossary)


def failure(doc: list[str], suggestions: bool) -> str | None:
    """What goes wrong with this document, or ``None``."""
    try:
        problems = check("".join(doc), _STATE["glossary"], suggestions)
    except Exception as exc:  # noqa: BLE001 - any exception is a finding
        return f"{type(exc).__name__}: {exc}"
    return "; ".join(problems) if problems else None


def shrink(doc: list[str], suggestions: bool, what: str) -> list[str]:
    """Drop pieces while the document still fails with the same kind of problem."""
    kind = what.split(":")[0]
    step = max(1, len(doc) // 2)
    while step >= 1:
        i, changed = 0, False
        while i < len(doc):
            trial = doc[:i] + doc[i + step :]
            got = failure(trial, suggestions)
            if got is not None and got.split(":")[0] == kind:
                doc, changed = trial, True
            else:
                i += step
        if not changed:
            step //= 2
    return doc


def run_one(job: tuple[str, int]) -> dict[str, Any] | None:
    seed, number = job
    rng = random.Random(f"{seed}:{number}")
    vocab: Vocabulary = _STATE["vocab"]
    doc = pieces(rng, vocab)
    suggestions = rng.random() < 0.5
    what = failure(doc, suggestions)
    if what is None:
        return None
    small = shrink(doc, suggestions, what)
    return {"doc": number, "suggestions": suggestions, "problem": failure(small, suggestions) or what, "text": "".join(small), "original": "".join(doc)}


def numbers(args: argparse.Namespace) -> Iterator[tuple[str, int]]:
    if args.only is not None:
        yield args.seed, args.only
        return
    for number in range(args.start, args.start + args.docs):
        yield args.seed, number


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--start", type=int, default=0, help="first document number")
    parser.add_argument("--only", type=int, default=None, help="run just this document number")
    parser.add_argument("--seed", default="cleanup-fuzz-1")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--findings", type=Path, default=Path("artifacts/fuzz-findings.jsonl"))
    parser.add_argument("--glossary", "-g", action="append", default=[], help="extra glossary (repeatable)")
    parser.add_argument("--no-default-glossary", action="store_true")
    args = parser.parse_args()
    init = (not args.no_default_glossary, args.glossary)
    started, done, failed = time.perf_counter(), 0, 0
    args.findings.parent.mkdir(parents=True, exist_ok=True)
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(args.jobs, initializer=_init, initargs=init) as pool, args.findings.open("w", encoding="utf-8") as out:
        for found in pool.imap(run_one, numbers(args), chunksize=64):
            done += 1
            if found is not None:
                failed += 1
                out.write(json.dumps(found, ensure_ascii=False) + "\n")
                out.flush()
                print(f"FAIL doc {found['doc']}: {found['problem'][:200]} <- {found['text'][:120]!r}", file=sys.stderr)
            if done % 10_000 == 0:
                rate = done / (time.perf_counter() - started)
                print(f"{done} documents, {failed} failing, {rate:.0f} docs/s", file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"fuzz: {done} documents, {failed} failing, {elapsed:.0f} s ({done / elapsed:.0f} docs/s), seed {args.seed!r}, jobs {args.jobs}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

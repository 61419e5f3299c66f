"""Build the fallback index: jieba's word list and CC-CEDICT, parsed once into SQLite.

Parsing the two text files costs about two seconds; the index they become answers a lookup in
microseconds and opens in a millisecond, so it is built once and cached (see ``index``).

Tables
    ``w(w, f, t)``        jieba's segmentation vocabulary: word, frequency, part-of-speech tag.
    ``d(w, n, py, defs)`` CC-CEDICT entries by simplified headword: line number in the CC-CEDICT
                          file, pinyin with tone numbers, definitions as ``/``-separated senses.
    ``t(t, s)``           traditional → simplified, per character, where that is unambiguous.
    ``e(c, s, p)``        jieba's POS HMM per character: the states it may take (``B.nr M.nr``)
                          and its emission log-probabilities (``B.nr:-8.1 ...``).
    ``meta(k, v)``        ``total`` (sum of jieba frequencies), the HMM's start and transition
                          log-probabilities (``hmm_start``, ``hmm_trans``), CC-CEDICT's header.
"""

from __future__ import annotations

import gzip
import importlib.util
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .sources import Source

SCHEMA = """
CREATE TABLE w (w TEXT PRIMARY KEY, f INTEGER NOT NULL, t TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE d (w TEXT NOT NULL, n INTEGER NOT NULL, py TEXT NOT NULL, defs TEXT NOT NULL,
                PRIMARY KEY (w, n)) WITHOUT ROWID;
CREATE TABLE t (t TEXT PRIMARY KEY, s TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE e (c TEXT PRIMARY KEY, s TEXT NOT NULL, p TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID;
"""


def build(sources: list[Source], con: sqlite3.Connection) -> None:
    """Fill an empty database from the sources that are installed."""
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    meta: dict[str, str] = {"total": "0"}
    hmm = {s.name.removeprefix("hmm-"): s.path for s in sources if s.name.startswith("hmm-")}
    for source in sources:
        if source.name == "jieba":
            meta["total"] = str(_load_jieba(source, con))
        elif source.name == "cedict":
            meta.update(_load_cedict(source, con))
    if len(hmm) == 4:
        meta.update(_load_hmm(hmm, con))
    con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    con.commit()


def _load_jieba(source: Source, con: sqlite3.Connection) -> int:
    """``word freq [tag]`` per line; a later duplicate wins, as in jieba itself."""
    words: dict[str, tuple[int, str]] = {}
    total = 0  # over every line, duplicates included, as jieba counts it
    with open(source.path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                words[parts[0]] = (int(parts[1]), parts[2] if len(parts) > 2 else "")
                total += int(parts[1])
    con.executemany("INSERT INTO w VALUES (?, ?, ?)", ((w, f, t) for w, (f, t) in words.items()))
    return total


def cedict_lines(source: Source) -> Iterator[tuple[int, str, str, str, str]]:
    """``(line number, traditional, simplified, pinyin, definitions)`` for every entry line."""
    with gzip.open(source.path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.startswith("#"):
                continue
            trad, simp, rest = (line.rstrip("\r\n").split(" ", 2) + ["", ""])[:3]
            close = rest.find("] /")
            if not rest.startswith("[") or close < 0:
                continue
            yield number, trad, simp, rest[1:close], rest[close + 3 :].rstrip("/")


def _load_cedict(source: Source, con: sqlite3.Connection) -> dict[str, str]:
    rows: list[tuple[str, int, str, str]] = []
    to_simple: dict[str, str] = {}
    simple_chars: set[str] = set()
    for number, trad, simp, pinyin, defs in cedict_lines(source):
        rows.append((simp, number, pinyin, defs))
        if len(simp) == 1:
            simple_chars.add(simp)
            if len(trad) == 1 and trad != simp:
                to_simple.setdefault(trad, simp)
    con.executemany("INSERT OR IGNORE INTO d VALUES (?, ?, ?, ?)", rows)
    # A character that is itself a simplified headword (乾 in 乾隆) is never converted.
    pairs = ((t, s) for t, s in to_simple.items() if t not in simple_chars)
    con.executemany("INSERT INTO t VALUES (?, ?)", pairs)
    return {"cedict_entries": str(len(rows)), **_cedict_header(source)}


def _cedict_header(source: Source) -> dict[str, str]:
    """The ``#! key=value`` lines at the top of the file: date, licence, publisher."""
    facts = {}
    with gzip.open(source.path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            if line.startswith("#! ") and "=" in line:
                key, _, value = line[3:].strip().partition("=")
                facts[f"cedict_{key}"] = value
    return facts


def _table(path: Path) -> Any:
    """``P`` from one of jieba's HMM modules (a file of literals), executed on its own."""
    spec = importlib.util.spec_from_file_location(f"_cleanup_jieba_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path}: cannot load")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.P


def _state(state: tuple[str, str]) -> str:
    return f"{state[0]}.{state[1]}"


def _load_hmm(paths: dict[str, Path], con: sqlite3.Connection) -> dict[str, str]:
    start, trans = _table(paths["prob_start"]), _table(paths["prob_trans"])
    emit, allowed = _table(paths["prob_emit"]), _table(paths["char_state_tab"])
    emissions: dict[str, list[str]] = {}
    for state, chars in emit.items():
        for ch, prob in chars.items():
            emissions.setdefault(ch, []).append(f"{_state(state)}:{prob!r}")
    rows = (
        (ch, " ".join(_state(st) for st in allowed.get(ch, ())), " ".join(emissions.get(ch, ())))
        for ch in sorted(set(emissions) | set(allowed))
    )
    con.executemany("INSERT INTO e VALUES (?, ?, ?)", rows)
    transitions = (f"{_state(a)}>{_state(b)}:{p!r}" for a, nxt in trans.items() for b, p in nxt.items())
    # States with no way out (jieba keeps them, with an empty row) are listed with ">" alone.
    dead_ends = (f"{_state(a)}>" for a, nxt in trans.items() if not nxt)
    return {
        "hmm_start": " ".join(f"{_state(st)}:{p!r}" for st, p in start.items()),
        "hmm_trans": " ".join([*transitions, *dead_ends]),
    }

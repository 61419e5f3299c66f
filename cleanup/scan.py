"""One document's shared analyses, computed once and read by several rules.

``Scan`` holds the text and the compiled glossary, and lazily computes what more than one rule
needs: the pieces of every Han run (known term, mixed token, unknown) and the English key hits.
Nothing here changes the text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .dates import ChineseDate, chinese_dates
from .english import at_word_bounds, lower_same_length, matches_case
from .glossary.compiled import Compiled
from .glossary.enindex import EnKey
from .han import TERM, HanPiece, analyse_han, dated_runs_whole

if TYPE_CHECKING:
    from .rules.zh004 import Judged


@dataclass(frozen=True)
class EnHit:
    start: int
    end: int
    key: EnKey


_RECENT: dict[tuple[int, str], Scan] = {}
RECENT = 2  # scans kept: the engine's last pass is what the consistency count reads next


def scan_of(text: str, glossary: Compiled) -> Scan:
    """The scan of ``text`` with ``glossary``, shared with whoever scanned the same text last.

    The engine's verification pass scans the text as it will be published; the batch's
    consistency count wants the English hits of that same text. Keeping the last scans saves a
    second walk of the automaton per document.
    """
    key = (id(glossary), text)
    found = _RECENT.get(key)
    if found is not None and found.glossary is glossary:
        return found
    scan = Scan(text, glossary)
    while len(_RECENT) >= RECENT:
        _RECENT.pop(next(iter(_RECENT)))
    _RECENT[key] = scan
    return scan


class Scan:
    def __init__(self, text: str, glossary: Compiled) -> None:
        self.text = text
        self.glossary = glossary

    @functools.cached_property
    def _pieces(self) -> list[HanPiece]:
        """The Han pieces as the glossary finds them, before the dates are read."""
        return analyse_han(self.text, self.glossary)

    @functools.cached_property
    def han(self) -> list[HanPiece]:
        pieces = self._pieces
        if any(p.partial for p in pieces):  # 2025年春节联欢晚会: a year before a term is no untranslated clause
            pieces = dated_runs_whole(pieces, self.chinese_dates)
        if any(p.partial for p in pieces):  # keys inside an untranslated clause: check their word boundaries
            from .fallback.boundaries import at_word_boundaries  # only documents with such clauses load it

            pieces = at_word_boundaries(self.text, pieces, self.glossary)
        return pieces

    @functools.cached_property
    def first_mentions(self) -> dict[int, int]:
        """Where each person (entry index) is first named, filled by ZH001 as it asks."""
        return {}

    @functools.cached_property
    def pieces_by_start(self) -> dict[int, HanPiece]:
        """The Han pieces by where they start (ZH001 looks at the piece after a term)."""
        return {p.start: p for p in self.han}

    @functools.cached_property
    def pieces_by_end(self) -> dict[int, HanPiece]:
        """The Han pieces by where they end (ZH001 looks at the place before a body's name)."""
        return {p.end: p for p in self.han}

    @functools.cached_property
    def term_ends(self) -> frozenset[int]:
        """Where a glossary term ends (ZH001 pads it toward Chinese that may stay)."""
        return frozenset(p.end for p in self.han if p.kind == TERM)

    @functools.cached_property
    def chinese_dates(self) -> list[ChineseDate]:
        """Dates, times, percentages and approximate numbers written the Chinese way (ZH005;
        ZH003 leaves them be)."""
        return chinese_dates(self.text, [(p.start, p.end) for p in self._pieces]) if self._pieces else []

    @functools.cached_property
    def judged_amounts(self) -> Judged | None:
        """ZH004's amounts with their safety, found once (ZH004 writes them, ZH003 leaves them be)."""
        from .rules.zh004 import judged  # a rule's analysis, shared; imported late (import cycle)

        return judged(self)

    @functools.cached_property
    def amounts(self) -> list[tuple[int, int]]:
        """Where ZH004 reads an amount or a Chinese number (3万, 三亿元)."""
        found = self.judged_amounts
        return [(a.start, a.end) for a, _ in found[1]] if found is not None else []

    @functools.cached_property
    def en_hits(self) -> list[EnHit]:
        """Every English key hit on word boundaries, with the case rule of its key applied."""
        index = self.glossary.en
        if index is None:
            return []
        text = self.text
        low = lower_same_length(text)
        hits = []
        for start, end, group in index.iter(low):
            if not at_word_bounds(text, start, end):
                continue
            for key in index.keys(group):
                if key.case_sensitive and not matches_case(text[start:end], key.text):
                    continue
                hits.append(EnHit(start, end, key))
        return hits

    @functools.cached_property
    def fix_hits(self) -> list[EnHit]:
        """Leftmost-longest, non-overlapping hits among the keys that propose a change."""
        wanted = [h for h in self.en_hits if h.key.role in ("wrong", "variant", "idiom")]
        wanted.sort(key=lambda h: (h.start, -(h.end - h.start), h.key.role))
        chosen: list[EnHit] = []
        pos = -1
        for hit in wanted:
            if hit.start >= pos:
                chosen.append(hit)
                pos = hit.end
        return chosen

    @functools.cached_property
    def allowed(self) -> list[tuple[int, int]]:
        return [(h.start, h.end) for h in self.en_hits if h.key.role == "allow"]

    @functools.cached_property
    def approved_entries(self) -> set[int]:
        """Entries whose approved English form appears in this document, or will once its
        Chinese form is translated (so that one pass already reaches the fixed point)."""
        present = {h.key.entry for h in self.en_hits if h.key.role == "approved"}
        present.update(p.entry for p in self.han if p.entry >= 0)
        return present

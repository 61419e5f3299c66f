"""One aligned pair: a unit of the Chinese source and the span of English translating it.

The source-aware rules read a ``Pair``; what several of them need (the glossary terms and the
quantities on each side) is computed once, lazily, as ``Scan`` does for one document.
Findings are located in the English (the file being checked), and name the source's
``FILE:LINE`` so that the reader can look at both.
"""

from __future__ import annotations

import functools

from ..glossary.compiled import Compiled
from ..model import Origin
from .numbers import Quantity, chinese_quantities, english_quantities
from .terms import TermHit, TermIndex, rendered


class Pair:
    def __init__(self, source: str, where: tuple[str, int], text: str, span: tuple[int, int], index: TermIndex) -> None:
        self.source = source
        self.source_file, self.source_line = where
        self.text = text
        self.start, self.end = span
        self.index = index
        self.glossary: Compiled = index.glossary

    @property
    def target(self) -> str:
        return self.text[self.start : self.end]

    def source_line_of(self, offset: int = 0) -> int:
        return self.source_line + self.source.count("\n", 0, offset)

    def source_where(self, offset: int = 0) -> str:
        """``FILE:LINE`` of an offset inside the source unit."""
        return f"{self.source_file}:{self.source_line_of(offset)}"

    def origin(self, what: str, offset: int = 0) -> Origin:
        """An origin naming the source's ``FILE:LINE`` (shown where glossary findings show theirs)."""
        return Origin(what, self.source_file, self.source_line_of(offset))

    @functools.cached_property
    def source_han(self) -> int:
        return sum(1 for c in self.source if "\u4e00" <= c <= "\u9fff")

    @functools.cached_property
    def terms(self) -> list[TermHit]:
        return self.index.find(self.source)

    @functools.cached_property
    def source_quantities(self) -> list[Quantity]:
        return chinese_quantities(self.source)

    @functools.cached_property
    def target_quantities(self) -> list[Quantity]:
        """Quantities of the English, in document coordinates."""
        return [
            Quantity(q.kind, q.value, q.start + self.start, q.end + self.start, q.text)
            for q in english_quantities(self.target)
        ]

    def term_rendered(self, hit: TermHit) -> bool:
        return rendered(self.glossary.entry(hit.entry), hit.key, self.target)

    def found_anchors(self) -> bool:
        """Whether any number or glossary term of the source shows up in the English."""
        if any(self.term_rendered(hit) for hit in self.terms):
            return True
        return any(q.matches(t) for q in self.source_quantities for t in self.target_quantities)

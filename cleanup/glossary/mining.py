"""Mine a corpus for Chinese the glossary does not cover, most frequent first.

The candidates are exactly what ZH003 (unknown Chinese) and ZH002 (unresolved mixed tokens)
report: the Han-run pieces of kind UNKNOWN and MIXED_UNKNOWN. Occurrences are counted after
script folding (繁 and 简 are one term); each candidate keeps a few context lines and, when the
fallback module is installed, its proposal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import read_document
from ..han import MIXED_UNKNOWN, UNKNOWN
from ..scan import Scan
from ..zh import HAN, simplify
from .compiled import Compiled

CORPUS_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
MAX_CONTEXTS = 3
CONTEXT_CHARS = 60
SENTENCE_ENDS = ".!?。！？"

_propose: Any
try:  # another part of the package, optional: without it candidates show pinyin only
    from ..fallback import propose as _propose
except ImportError:  # pragma: no cover - depends on the installation
    _propose = None


@dataclass(frozen=True)
class Context:
    path: str
    line: int
    text: str  # the line, cut to CONTEXT_CHARS either side of the token
    token: str


@dataclass
class Candidate:
    key: str  # simplified Han text, or the whole mixed token
    kind: str  # "unknown" or "mixed"
    count: int = 0
    files: set[str] = field(default_factory=set)
    forms: Counter[str] = field(default_factory=Counter)
    contexts: list[Context] = field(default_factory=list)
    proposal: Any = None  # cleanup.fallback Proposal(english, source, note), or None
    example: str | None = None  # a sentence holding the token, with no other Chinese if possible
    example_token: str = ""

    @property
    def han(self) -> str:
        return "".join(HAN.findall(self.key))


def corpus_files(paths: Iterable[str]) -> Iterator[Path]:
    """Files as given; directories walked (sorted) for text, Markdown and HTML files."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in CORPUS_SUFFIXES)
        else:
            yield path


def mine(paths: Iterable[Path], glossary: Compiled, encoding: str | None = None, max_length: int = 12) -> tuple[list[Candidate], int]:
    """Candidates ranked by frequency (then first appearance), and how many passages longer
    than ``max_length`` characters were left out as sentences rather than terms."""
    found: dict[str, Candidate] = {}
    long_passages = 0
    for path in paths:
        doc = read_document(path, encoding)
        for piece_kind, start, end in _pieces(doc.text, glossary):
            token = doc.text[start:end]
            if piece_kind == UNKNOWN and len(token) > max_length:
                long_passages += 1
                continue
            key = simplify(token) if piece_kind == UNKNOWN else token
            candidate = found.get(key)
            if candidate is None:
                kind = "unknown" if piece_kind == UNKNOWN else "mixed"
                candidate = found[key] = Candidate(key, kind, proposal=_proposal(token, doc.text, start, end))
            _count(candidate, str(path), doc.text, start, end)
    ranked = sorted(found.values(), key=lambda c: -c.count)  # stable: first appearance breaks ties
    return ranked, long_passages


def _pieces(text: str, glossary: Compiled) -> Iterator[tuple[str, int, int]]:
    for piece in Scan(text, glossary).han:
        if piece.kind in (UNKNOWN, MIXED_UNKNOWN):
            yield piece.kind, piece.start, piece.end


def _count(candidate: Candidate, path: str, text: str, start: int, end: int) -> None:
    candidate.count += 1
    candidate.files.add(path)
    token = text[start:end]
    candidate.forms[token] += 1
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if candidate.example is None or HAN.search(candidate.example.replace(candidate.example_token, "")):
        sentence = _sentence(text, start, end, line_start, line_end)
        if candidate.example is None or not HAN.search(sentence.replace(token, "")):
            candidate.example, candidate.example_token = sentence, token
    if len(candidate.contexts) >= MAX_CONTEXTS:
        return
    line = text.count("\n", 0, start) + 1
    if any(c.path == path and c.line == line for c in candidate.contexts):
        return
    left = max(line_start, start - CONTEXT_CHARS)
    right = min(line_end, end + CONTEXT_CHARS)
    snippet = ("…" if left > line_start else "") + text[left:right].strip("\r") + ("…" if right < line_end else "")
    candidate.contexts.append(Context(path, line, snippet, token))


def _sentence(text: str, start: int, end: int, line_start: int, line_end: int) -> str:
    """The sentence around ``text[start:end]``, within its line (for a curated example)."""
    left = max([text.rfind(c, line_start, start) for c in SENTENCE_ENDS] + [line_start - 1]) + 1
    ends = [i for i in (text.find(c, end, line_end) for c in SENTENCE_ENDS) if i >= 0]
    right = min(ends) + 1 if ends else line_end
    return text[left:right].strip()


def _proposal(token: str, text: str, start: int, end: int) -> Any:
    if _propose is None:
        return None
    han = "".join(HAN.findall(token))
    return _propose(han, text, start, end) if han else None


def fallback_available() -> bool:
    return _propose is not None

"""Source-aware checking of a JSON Lines corpus: one record, one aligned pair.

Each record holds its Chinese in ``source`` and its English in ``target`` (other names can be
given). The record is the unit of alignment: it is not cut into paragraphs, since a corpus is
already aligned by its producer. The usual rules run on the target; every finding is located
in the file itself (the line of the record, the column inside it, the raw JSON text), as
``cleanup.formats.jsonl`` does for cleaning, so every output format points at the right place.
A line that is not such a record is an error naming ``FILE:LINE``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

from ..document import LineIndex
from ..edits import resolve
from ..engine import changes_of, clean
from ..errors import CleanupError
from ..formats.jsonl import BadLine, escape, raw_offsets, string_fields
from ..glossary.compiled import Compiled
from ..model import Change, CleanResult
from ..rules.base import Rule
from .check import pair_findings, source_codes
from .pair import Pair
from .terms import TermIndex

FIELDS = ("source", "target")


def check_corpus(
    path: str, text: str, glossary: Compiled, rules: Sequence[Rule], fields: tuple[str, str] = FIELDS
) -> CleanResult:
    """Findings for every record of a corpus, in the file's own coordinates."""
    changes: list[Change] = []
    offset = 0
    terms = TermIndex(glossary)
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            changes.extend(_record(path, (number, line, offset), terms, rules, fields))
        offset += len(line) + 1
    index = LineIndex(text)
    placed = []
    for c in changes:
        row, col = index.line_col(c.start)
        placed.append(replace(c, line=row, col=col))
    return CleanResult(path, text, text, tuple(placed))


def _values(path: str, number: int, line: str, fields: tuple[str, str]) -> list[tuple[str, int, list[int]]]:
    """``(decoded value, raw start, offsets)`` of the source and target fields of one line."""
    try:
        json.loads(line)
        spans = string_fields(line)
    except (ValueError, BadLine) as exc:
        raise CleanupError(f"{path}:{number}: not a JSON object record ({exc})") from None
    out = []
    for name in fields:
        if name not in spans:
            raise CleanupError(f"{path}:{number}: no string field {name!r}")
        lo, hi = spans[name]
        value, offsets = raw_offsets(line[lo:hi])
        out.append((value, lo, offsets))
    return out


def _record(
    path: str, where: tuple[int, str, int], index: TermIndex, rules: Sequence[Rule], fields: tuple[str, str]
) -> list[Change]:
    """One record's findings; ``where`` is its line number, text and offset in the file."""
    number, line, offset = where
    glossary = index.glossary
    (source, _, _), (target, lo, offsets) = _values(path, number, line, fields)
    scan_rules = [r for r in rules if r.code not in source_codes(rules)]
    result = clean(target, glossary, scan_rules, False, path)
    pair = Pair(source, (path, number), target, (0, len(target)), index)
    found = changes_of(target, resolve(pair_findings([pair], source_codes(rules))), path)
    out = []
    for c in sorted([*result.changes, *found], key=lambda c: (c.start, c.end, c.code, c.entry)):
        start, end = offset + lo + offsets[c.start], offset + lo + offsets[c.end]
        raw = line[lo + offsets[c.start] : lo + offsets[c.end]]
        after = None if c.after is None else escape(c.after)
        out.append(replace(c, start=start, end=end, before=raw, after=after))
    return out

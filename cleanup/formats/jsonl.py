"""JSON Lines corpora: clean chosen string fields of every record, keep every other byte.

Each line is one record. The raw text of a chosen field's string value is mapped character by
character to its decoded value (escapes such as ``\\n`` or ``\\u4e2d`` are one character), the
value is cleaned as a document of its own, and each applied change is spliced back into the
line as JSON-escaped text over the raw span it replaces. Other fields, key order, spacing and
escapes elsewhere in the line are untouched, and the change log is in the line's (and so the
file's) own coordinates.

A line that is not a JSON object, or whose chosen field is not a string, is reported with its
line number and passed through unchanged; the rest of the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from json.decoder import scanstring  # type: ignore[attr-defined]

from ..edits import apply_edits
from ..engine import clean
from ..glossary.compiled import Compiled
from ..model import Change, Edit, Span, Status
from ..rules.base import Rule

_DECODER = json.JSONDecoder()
_WS = " \t\n\r"


class BadLine(ValueError):
    """A line that is not a JSON object, or whose chosen field is not a string."""


@dataclass(frozen=True)
class LineResult:
    text: str  # the line as written out (unchanged when nothing applied)
    changes: list[tuple[str, Change]]  # (field, change) in line coordinates


def _skip(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in _WS:
        pos += 1
    return pos


def string_fields(line: str) -> dict[str, tuple[int, int]]:
    """Raw spans (inside the quotes) of the top-level string values of a JSON object line."""
    pos = _skip(line, 0)
    if pos >= len(line) or line[pos] != "{":
        raise BadLine("not a JSON object")
    out: dict[str, tuple[int, int]] = {}
    pos = _skip(line, pos + 1)
    if pos < len(line) and line[pos] == "}":
        return out
    while True:
        if pos >= len(line) or line[pos] != '"':
            raise BadLine(f"expected a key at column {pos + 1}")
        key, pos = scanstring(line, pos + 1)
        pos = _skip(line, pos)
        if pos >= len(line) or line[pos] != ":":
            raise BadLine(f"expected ':' at column {pos + 1}")
        pos = _skip(line, pos + 1)
        if pos < len(line) and line[pos] == '"':
            _, end = scanstring(line, pos + 1)
            out[key] = (pos + 1, end - 1)
            pos = end
        else:
            _, pos = _DECODER.raw_decode(line, pos)
            out.pop(key, None)
        pos = _skip(line, pos)
        if pos < len(line) and line[pos] == ",":
            pos = _skip(line, pos + 1)
            continue
        if pos < len(line) and line[pos] == "}":
            return out
        raise BadLine(f"expected ',' or '}}' at column {pos + 1}")


def raw_offsets(raw: str) -> tuple[str, list[int]]:
    """Decode a JSON string body; ``offsets[i]`` is where decoded character ``i`` starts in
    ``raw`` (with one more entry for the end)."""
    value, offsets, i = [], [], 0
    while i < len(raw):
        offsets.append(i)
        if raw[i] != "\\":
            value.append(raw[i])
            i += 1
            continue
        if raw[i + 1] != "u":
            value.append(json.loads(f'"{raw[i:i + 2]}"'))
            i += 2
            continue
        unit = int(raw[i + 2 : i + 6], 16)
        if 0xD800 <= unit < 0xDC00 and raw[i + 6 : i + 8] == "\\u":
            low = int(raw[i + 8 : i + 12], 16)
            if 0xDC00 <= low < 0xE000:
                value.append(chr(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)))
                i += 12
                continue
        value.append(chr(unit))
        i += 6
    offsets.append(len(raw))
    return "".join(value), offsets


def escape(text: str) -> str:
    """``text`` as the body of a JSON string."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


def clean_line(
    line: str, fields: Sequence[str], glossary: Compiled, rules: Sequence[Rule], suggestions: bool,
    *, converge: bool = True,
) -> LineResult:
    """Clean ``fields`` of one record; raise ``BadLine`` when the line cannot be read."""
    try:
        json.loads(line)
    except ValueError as exc:
        raise BadLine(f"not valid JSON ({exc.args[0].split(':')[0]})") from None
    spans = string_fields(line)
    edits: list[Edit] = []
    changes: list[tuple[str, Change]] = []
    for name in fields:
        if name not in spans:
            if json.loads(line).get(name) is not None:  # null counts as absent
                raise BadLine(f"field {name!r} is not a string")
            continue
        lo, hi = spans[name]
        value, offsets = raw_offsets(line[lo:hi])
        result = clean(value, glossary, rules, suggestions, converge=converge)
        for c in result.changes:
            start, end = lo + offsets[c.start], lo + offsets[c.end]
            after = None if c.after is None else escape(c.after)
            moved = replace(c, start=start, end=end, col=start + 1, before=line[start:end], after=after)
            changes.append((name, moved))
            if c.status is Status.APPLIED:
                edits.append(Edit(Span(start, end), after or ""))
    return LineResult(apply_edits(line, edits) if edits else line, changes)

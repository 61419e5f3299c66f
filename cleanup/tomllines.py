"""Line numbers for TOML keys, which ``tomllib`` does not give.

Configuration errors must name ``FILE:LINE``. ``tomllib`` parses the file; this module reads
the same text line by line, tracking the current ``[table]`` header, and finds the line that
defines a key path such as ``("tool", "cleanup", "select")``, whether written under its table
header or as a dotted key. It reads only keys at the start of a line (the TOML most config
files use); a key it cannot place gets line 0 and the caller falls back to its table's line.
"""

from __future__ import annotations

import json
import re

_BARE = r"[A-Za-z0-9_-]+"
_BASIC = r'"(?:[^"\\]|\\.)*"'
_LITERAL = r"'[^']*'"
_PART = rf"(?:{_BARE}|{_BASIC}|{_LITERAL})"
_DOTTED = rf"{_PART}(?:\s*\.\s*{_PART})*"
_HEADER = re.compile(rf"^\[\[?\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_KEYVAL = re.compile(rf"^({_DOTTED})\s*=")
_PARTS = re.compile(rf"\s*({_PART})\s*(?:\.|$)")


def split_key(dotted: str) -> tuple[str, ...]:
    """``a."b.c".d`` → ``("a", "b.c", "d")``."""
    parts = []
    for m in _PARTS.finditer(dotted.strip()):
        part = m.group(1)
        if part.startswith('"'):
            try:
                part = json.loads(part)
            except ValueError:
                part = part[1:-1]
        elif part.startswith("'"):
            part = part[1:-1]
        parts.append(part)
    return tuple(parts)


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Every key path defined at the start of a line (and every table header), with its line."""
    found: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    in_multiline = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = ""
            continue
        header = _HEADER.match(line)
        if header:
            table = split_key(header.group(1))
            found.setdefault(table, number)
            continue
        keyval = _KEYVAL.match(line)
        if keyval:
            found.setdefault(table + split_key(keyval.group(1)), number)
        for quote in ('"""', "'''"):
            if line.count(quote) % 2 == 1:
                in_multiline = quote
    return found


def line_of(lines: dict[tuple[str, ...], int], path: tuple[str, ...]) -> int:
    """The line of ``path``, else of its nearest enclosing table, else 1."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1


def value_line(text: str, start: int, value: str) -> int:
    """The line, at or after ``start``, where the string ``value`` is written; else ``start``."""
    quoted = (json.dumps(value, ensure_ascii=False), f"'{value}'")
    for number, raw in enumerate(text.splitlines()[start - 1 :], start):
        if any(q in raw for q in quoted):
            return number
    return start

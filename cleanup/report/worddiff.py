"""Word-level differences, marked inside the line: ``[-old-]{+new+}`` as plain text, or in colour.

A change replaces ``before`` with ``after``; most of the time only a word or two differ
(``Minion Houston`` → ``Mignon Houston``). Comparing them word by word (a Han character is a
word of its own) shows the reviewer exactly what moves. Everything that comes from the input
or the glossary is passed through ``text.sanitise`` before any colour code is added, so a
document cannot drive the terminal.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TextIO

import regex

from .text import sanitise

_TOKEN = regex.compile(r"\p{Han}|[\p{L}\p{M}\p{N}_]+|\s+|.", regex.S)
EQUAL, DELETE, INSERT = "=", "-", "+"
Segment = tuple[str, str]


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def diff_words(before: str, after: str) -> list[Segment]:
    """``(op, text)`` segments: the ``=`` and ``-`` ones spell ``before``, ``=`` and ``+`` ``after``."""
    a, b = tokens(before), tokens(after)
    raw: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            raw.append((EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            raw.append((DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            raw.append((INSERT, "".join(b[j1:j2])))
    return _join_changes(raw)


def _join_changes(raw: Sequence[Segment]) -> list[Segment]:
    """Fold runs of changes and the bare spaces between them into one deletion and one insertion."""
    groups: list[list[Segment]] = []
    for op, text in raw:
        changed = op != EQUAL
        glue = op == EQUAL and text.isspace() and groups and groups[-1][0][0] != EQUAL
        if (changed or glue) and groups and groups[-1][0][0] != EQUAL:
            groups[-1].append((op, text))
        else:
            groups.append([(op, text)])
    out: list[Segment] = []
    for group in groups:
        if group[0][0] == EQUAL:
            out.append(group[0])
            continue
        trailing: list[Segment] = []
        while group and group[-1][0] == EQUAL:  # glue at the end belongs to the text after it
            trailing.insert(0, group.pop())
        old = "".join(t for op, t in group if op != INSERT)
        new = "".join(t for op, t in group if op != DELETE)
        out.extend(s for s in ((DELETE, old), (INSERT, new)) if s[1])
        out.extend(trailing)
    return out


@dataclass(frozen=True)
class Marks:
    """How to show deleted and inserted text: ANSI colours, or git's plain ``[-…-]{+…+}``."""

    colour: bool

    def plain(self, text: str) -> str:
        """Input text made safe for a terminal; CRLF line ends stay line ends."""
        return "\r\n".join(sanitise(part) for part in text.split("\r\n"))

    def deleted(self, text: str) -> str:
        return f"\x1b[31m{self.plain(text)}\x1b[0m" if self.colour else f"[-{self.plain(text)}-]"

    def inserted(self, text: str) -> str:
        return f"\x1b[32m{self.plain(text)}\x1b[0m" if self.colour else f"{{+{self.plain(text)}+}}"

    def paint(self, code: str, text: str) -> str:
        """Already sanitised text in an ANSI colour (``1`` bold, ``2`` dim, ``36`` cyan ...)."""
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text

    def segments(self, segments: Iterable[Segment]) -> str:
        show = {EQUAL: self.plain, DELETE: self.deleted, INSERT: self.inserted}
        return "".join(show[op](text) for op, text in segments)

    def change(self, before: str, after: str) -> str:
        return self.segments(diff_words(before, after))


def use_colour(choice: str, stream: TextIO | None = None) -> bool:
    """``always`` / ``never`` / ``auto`` (a terminal, and no ``NO_COLOR`` or ``TERM=dumb``)."""
    if choice not in ("auto", "always", "never"):
        raise ValueError(f"--color must be auto, always or never, not {choice!r}")
    if choice != "auto":
        return choice == "always"
    stream = stream if stream is not None else sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())

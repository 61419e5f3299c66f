"""Where a change ends, and columns counted the way each output format wants them.

A ``Change`` records its start as line and column (1-based, in code points) and the text it
covers (``before``); the end position follows from those alone. Reviewdog counts columns in
UTF-8 bytes, which needs the text of the line, so that conversion takes the document.
"""

from __future__ import annotations

from ..model import Change


def end_line_col(change: Change) -> tuple[int, int]:
    """The 1-based line and column just after ``change.before`` (exclusive end)."""
    before = change.before
    newlines = before.count("\n")
    if not newlines:
        return change.line, change.col + len(before)
    return change.line + newlines, len(before) - before.rfind("\n")


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts (line 1 first)."""
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def byte_column(text: str, starts: list[int], line: int, col: int) -> int:
    """Turn a code-point column of ``line`` into a 1-based UTF-8 byte column."""
    if line - 1 >= len(starts):
        return col
    begin = starts[line - 1]
    prefix = text[begin : begin + col - 1]
    return len(prefix.encode("utf-8", "surrogatepass")) + 1

"""Diffs of what ``fix`` would change, each hunk naming the rule codes and glossary entries behind it.

Hunks come from a line diff of the original against the cleaned text (the same grouping as
``difflib.unified_diff``, so a unified diff here is a valid patch); each hunk is then matched to
the applied changes of the change log whose original lines it covers. The label goes after the
second ``@@``, where patch tools expect free text (git puts the function name there).

The word diff shows the hunk's original lines with each change marked inside the line; its
text comes from the change log itself, so what is marked is exactly what a rule changed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..document import LineIndex
from ..model import Change, CleanResult
from ..report.worddiff import Marks

Opcode = tuple[str, int, int, int, int]


@dataclass(frozen=True)
class Hunk:
    """Lines ``[a0, a1)`` of the original and ``[b0, b1)`` of the cleaned text (0-based)."""

    a0: int
    a1: int
    b0: int
    b1: int
    opcodes: tuple[Opcode, ...]
    changes: tuple[Change, ...]

    def header(self) -> str:
        return f"@@ -{_range(self.a0, self.a1)} +{_range(self.b0, self.b1)} @@"

    def label(self) -> str:
        """``CODE entry (glossary/FILE.yaml:LINE)`` for each distinct rule and entry, in order."""
        seen: dict[tuple[str, str, str], None] = {}
        for c in self.changes:
            seen.setdefault((c.code, c.entry, c.source), None)
        return "; ".join(f"{code} {entry}" + (f" ({src})" if src and src != entry else "") for code, entry, src in seen)


def _range(start: int, stop: int) -> str:
    """A unified-diff line range, exactly as ``difflib`` writes it."""
    first, length = start + 1, stop - start
    if length == 1:
        return f"{first}"
    if not length:
        first -= 1
    return f"{first},{length}"


def hunks(result: CleanResult, context: int = 3) -> list[Hunk]:
    before = result.original.splitlines(keepends=True)
    after = result.cleaned.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, before, after)  # as difflib.unified_diff builds it
    index = LineIndex(result.original)
    spans = [(c, *_lines(index, c)) for c in result.applied]
    out = []
    for group in matcher.get_grouped_opcodes(context):
        a0, a1, b0, b1 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        top = max(a1, a0 + 1)  # a pure insertion still sits at a line
        mine = tuple(c for c, first, last in spans if first < top and last >= a0)
        out.append(Hunk(a0, a1, b0, b1, tuple(group), mine))
    return out


def _lines(index: LineIndex, change: Change) -> tuple[int, int]:
    """The 0-based original lines a change touches (its first and last)."""
    last = index.line_col(max(change.start, change.end - 1))[0]
    return change.line - 1, last - 1


def unified(result: CleanResult, marks: Marks, context: int = 3) -> str:
    """A unified diff; hunk headers carry the rules and entries behind each hunk."""
    found = hunks(result, context)
    if not found:
        return ""
    before = result.original.splitlines(keepends=True)
    after = result.cleaned.splitlines(keepends=True)
    out = [marks.paint("1", f"--- a/{marks.plain(result.path)}") + "\n"]
    out.append(marks.paint("1", f"+++ b/{marks.plain(result.path)}") + "\n")
    for hunk in found:
        out.append(_header(hunk, marks))
        for tag, i1, i2, j1, j2 in hunk.opcodes:
            if tag == "equal":
                out.extend(_line(" ", line, marks) for line in before[i1:i2])
                continue
            out.extend(_line("-", line, marks) for line in before[i1:i2])
            out.extend(_line("+", line, marks) for line in after[j1:j2])
    return "".join(out)


def _header(hunk: Hunk, marks: Marks) -> str:
    label = marks.plain(hunk.label())
    return marks.paint("36", hunk.header()) + (f" {label}" if label else "") + "\n"


def _line(prefix: str, line: str, marks: Marks) -> str:
    """One diff line; its own line end is kept (CRLF too), so the diff still applies as a patch."""
    end = "\r\n" if line.endswith("\r\n") else "\n" if line.endswith("\n") else ""
    body = line[: len(line) - len(end)]
    end = end or "\n\\ No newline at end of file\n"
    text = marks.plain(prefix + body)
    if prefix != " ":
        text = marks.paint("31" if prefix == "-" else "32", text)
    return text + end


def word_diff(result: CleanResult, marks: Marks, context: int = 3) -> str:
    """The original lines of each hunk, with every change marked inside its line."""
    found = hunks(result, context)
    if not found:
        return ""
    index = LineIndex(result.original)
    starts = [index.offset(n + 1, 1) for n in range(result.original.count("\n") + 1)]
    starts.append(len(result.original))
    out = [marks.paint("1", f"--- a/{marks.plain(result.path)}") + "\n"]
    out.append(marks.paint("1", f"+++ b/{marks.plain(result.path)}") + "\n")
    for hunk in found:
        first = min([hunk.a0] + [c.line - 1 for c in hunk.changes])
        last = max([hunk.a1] + [_lines(index, c)[1] + 1 for c in hunk.changes])
        lo, hi = starts[first], starts[min(last, len(starts) - 1)]
        body = mark_changes(result.original, lo, hi, hunk.changes, marks)
        out.append(_header(hunk, marks))
        out.append(body if body.endswith("\n") else body + "\n")
    return "".join(out)


def mark_changes(text: str, lo: int, hi: int, changes: tuple[Change, ...], marks: Marks) -> str:
    """``text[lo:hi]`` for display, each change in it shown as its word diff."""
    out, pos = [], lo
    for c in sorted(changes, key=lambda c: (c.start, c.end)):
        if c.start < pos or c.end > hi:
            continue
        out.append(marks.plain(text[pos : c.start]))
        out.append(marks.change(c.before, c.after or ""))
        pos = c.end
    out.append(marks.plain(text[pos:hi]))
    return "".join(out)

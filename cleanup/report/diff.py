"""Unified diffs of what ``fix`` would change."""

from __future__ import annotations

import difflib

from ..model import CleanResult


def unified(result: CleanResult, context: int = 3) -> str:
    before = result.original.splitlines(keepends=True)
    after = result.cleaned.splitlines(keepends=True)
    lines = difflib.unified_diff(
        before, after, f"a/{result.path}", f"b/{result.path}", n=context
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)

"""Reviewdog Diagnostic Format (rdjson): findings with suggestions for code-review comments.

``reviewdog -f=rdjson`` posts each diagnostic on the pull request and turns its suggestions
into "apply suggestion" blocks. Positions are 1-based lines and columns counted in UTF-8 bytes
(reviewdog's ``Position``), ranges end-exclusive. A finding whose fix is not applied yet
carries it as a suggestion; after ``fix``, applied changes are INFO diagnostics without one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..model import Change, CleanResult, Status
from .regions import byte_column, end_line_col, line_starts
from .text import visible

SOURCE = {"name": "cleanup"}


def render(results: Sequence[CleanResult], fixed: bool = False) -> str:
    diagnostics = [d for r in results for d in _diagnostics(r, fixed)]
    document = {"source": SOURCE, "severity": "WARNING", "diagnostics": diagnostics}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _diagnostics(result: CleanResult, fixed: bool) -> list[dict[str, Any]]:
    starts = line_starts(result.original)
    return [_diagnostic(c, result.original, starts, fixed) for c in visible(result.changes)]


def _range(change: Change, text: str, starts: list[int]) -> dict[str, Any]:
    end_line, end_col = end_line_col(change)
    return {
        "start": {"line": change.line, "column": byte_column(text, starts, change.line, change.col)},
        "end": {"line": end_line, "column": byte_column(text, starts, end_line, end_col)},
    }


def _diagnostic(change: Change, text: str, starts: list[int], fixed: bool) -> dict[str, Any]:
    span = _range(change, text, starts)
    done = fixed and change.status is Status.APPLIED
    diagnostic: dict[str, Any] = {
        "message": f"fixed: {change.message}" if done else change.message,
        "location": {"path": change.path, "range": span},
        "severity": "INFO" if done else "WARNING",
        "source": SOURCE,
        "code": {"value": change.code},
    }
    if change.after is not None and not done:
        diagnostic["suggestions"] = [{"range": span, "text": change.after}]
    if change.source:
        diagnostic["original_output"] = f"{change.code} {change.entry} ({change.source})"
    return diagnostic

"""GitHub Actions workflow commands: one annotation per finding on the pull request's files.

``::warning file=PATH,line=L,col=C,endLine=L,endColumn=C,title=CODE::MESSAGE``, escaped as the
Actions runner expects (actions/toolkit ``command.ts``): in the message ``%``, CR and LF become
``%25``, ``%0D`` and ``%0A``; in property values ``:`` and ``,`` become ``%3A`` and ``%2C`` too.
After ``fix``, applied changes are ``::notice`` annotations saying what was changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Change, CleanResult, Status
from .regions import end_line_col
from .text import finding_line, sanitise, visible


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(change: Change, fixed: bool = False) -> str:
    """One workflow command for one change."""
    done = fixed and change.status is Status.APPLIED
    level = "notice" if done else "warning"
    end_line, end_col = end_line_col(change)
    props = {
        "file": change.path,
        "line": str(change.line),
        "col": str(change.col),
        "endLine": str(end_line),
        "endColumn": str(end_col),
        "title": f"cleanup {change.code}",
    }
    head = ",".join(f"{key}={escape_property(sanitise(value))}" for key, value in props.items())
    return f"::{level} {head}::{escape_data(sanitise(_message(change, done)))}"


def _message(change: Change, done: bool) -> str:
    if done:
        return f"{change.code} fixed: {change.message} ({change.before!r} → {change.after!r})"
    prefix = sanitise(f"{change.path}:{change.line}:{change.col}: ")
    return finding_line(change).removeprefix(prefix)  # the text format's line without its location


def render(results: Sequence[CleanResult], fixed: bool = False) -> str:
    lines = [annotation(c, fixed) for r in results for c in visible(r.changes)]
    return "".join(line + "\n" for line in lines)

"""SARIF 2.1.0: findings for code-scanning viewers (GitHub code scanning, IDE SARIF viewers).

One run; the driver lists every rule with its documentation (``cleanup rules CODE``) as help
text; each visible change is a result with a region (1-based lines and columns counted in code
points, as ``columnKind`` says, plus ``charOffset``/``charLength``) and, when it carries a fix
that was not applied yet, a ``fixes`` entry with the replacement. After ``fix``, applied
changes are reported as passed results without a fix, so a viewer shows what changed.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from .._version import VERSION
from ..model import Change, CleanResult, Status
from ..rules import BY_CODE
from ..rules.base import Rule
from .regions import end_line_col
from .text import visible

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_HEADING = re.compile(r"^(What it does|Why is this bad\?|Example|Fix safety)$", re.MULTILINE)


def render(results: Sequence[CleanResult], fixed: bool = False) -> str:
    """The SARIF log for ``results``; ``fixed`` marks applied changes as already fixed."""
    rules = list(BY_CODE.values())
    index = {rule.code: i for i, rule in enumerate(rules)}
    out = [_result(c, index, fixed) for r in results for c in visible(r.changes)]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": _driver(rules)},
                "columnKind": "unicodeCodePoints",
                "results": out,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _driver(rules: list[Rule]) -> dict[str, Any]:
    return {
        "name": "cleanup",
        "version": VERSION,
        "rules": [_descriptor(rule) for rule in rules],
    }


def _descriptor(rule: Rule) -> dict[str, Any]:
    doc = inspect.cleandoc(rule.doc)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _section(doc, "What it does") or rule.summary},
        "help": {"text": doc, "markdown": _markdown(doc)},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"fixSafety": rule.default},
    }


def _section(doc: str, heading: str) -> str:
    """The body of one docstring section, joined into one paragraph."""
    parts = _HEADING.split(doc)
    for name, body in zip(parts[1::2], parts[2::2]):
        if name == heading:
            return " ".join(body.split())
    return ""


def _markdown(doc: str) -> str:
    """Rule docs in Markdown: section names bold, ``code`` as `code`."""
    body = _HEADING.sub(lambda m: f"**{m.group(1)}**\n", doc)
    body = re.sub(r"^    ", "", body, flags=re.MULTILINE)
    return body.replace("``", "`")


def uri(path: str) -> str:
    """A relative path as a URI reference; an absolute one as a ``file:`` URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix())


def _region(change: Change) -> dict[str, Any]:
    end_line, end_col = end_line_col(change)
    region: dict[str, Any] = {
        "startLine": change.line,
        "startColumn": change.col,
        "endLine": end_line,
        "endColumn": end_col,
        "charOffset": change.start,
        "charLength": change.end - change.start,
    }
    if change.before:
        region["snippet"] = {"text": change.before}
    return region


def _result(change: Change, index: dict[str, int], fixed: bool) -> dict[str, Any]:
    location = {"uri": uri(change.path)}
    result: dict[str, Any] = {
        "ruleId": change.code,
        "message": {"text": _message(change, fixed)},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": _region(change)}}],
        "properties": _properties(change),
    }
    if change.code in index:
        result["ruleIndex"] = index[change.code]
    done = fixed and change.status is Status.APPLIED
    if done:
        result["kind"], result["level"] = "pass", "none"
    else:
        result["level"] = "warning"
    if change.after is not None and not done:
        replacement = {
            "deletedRegion": {"charOffset": change.start, "charLength": change.end - change.start},
            "insertedContent": {"text": change.after},
        }
        result["fixes"] = [
            {
                "description": {"text": f"Replace with {change.after!r}"},
                "artifactChanges": [{"artifactLocation": location, "replacements": [replacement]}],
            }
        ]
    return result


def _message(change: Change, fixed: bool) -> str:
    if fixed and change.status is Status.APPLIED:
        return f"fixed: {change.message}"
    return change.message


def _properties(change: Change) -> dict[str, Any]:
    props: dict[str, Any] = {"entry": change.entry, "status": change.status.value}
    if change.safety is not None:
        props["safety"] = change.safety.value
    if change.source:
        props["glossarySource"] = change.source
    if change.reason:
        props["reason"] = change.reason
    return props

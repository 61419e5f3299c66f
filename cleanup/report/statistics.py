"""``--statistics``: how many findings each rule and each glossary entry produced.

Instead of one line per finding, a table per rule (with how many were fixed or fixable, only
suggested, or report-only) and per entry, most frequent first: the view that tells an editor
which rule or term to look at first. ``as_json`` gives the same numbers for scripts.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Change, CleanResult, Status
from ..rules import BY_CODE
from .text import visible

STATUSES = (Status.APPLIED, Status.SUGGESTED, Status.REPORT_ONLY)


@dataclass(frozen=True)
class Row:
    key: str
    name: str
    count: int
    by_status: dict[str, int]
    codes: tuple[str, ...] = ()


def _changes(results: Sequence[CleanResult]) -> list[Change]:
    return [c for r in results for c in visible(r.changes)]


def _rows(changes: Iterable[Change], by: str) -> list[Row]:
    counts: Counter[str] = Counter()
    statuses: dict[str, Counter[str]] = {}
    codes: dict[str, set[str]] = {}
    for c in changes:
        key = c.code if by == "rule" else c.entry
        counts[key] += 1
        statuses.setdefault(key, Counter())[c.status.value] += 1
        codes.setdefault(key, set()).add(c.code)
    rows = []
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = BY_CODE.get(key) if by == "rule" else None
        name = rule.name if rule else ""
        rows.append(Row(key, name, n, dict(statuses[key]), tuple(sorted(codes[key]))))
    return rows


def rule_rows(results: Sequence[CleanResult]) -> list[Row]:
    return _rows(_changes(results), "rule")


def entry_rows(results: Sequence[CleanResult]) -> list[Row]:
    return _rows(_changes(results), "entry")


def _status_cells(row: Row, fixed: bool) -> str:
    applied = "fixed" if fixed else "fixable"
    labels = {Status.APPLIED: applied, Status.SUGGESTED: "suggested", Status.REPORT_ONLY: "report-only"}
    cells = [f"{row.by_status[s.value]} {labels[s]}" for s in STATUSES if row.by_status.get(s.value)]
    return ", ".join(cells)


def as_text(results: Sequence[CleanResult], fixed: bool = False) -> str:
    """Two aligned tables: per rule, then per entry (with the rules that reported it)."""
    rules, entries = rule_rows(results), entry_rows(results)
    if not rules:
        return "no findings\n"
    lines = ["by rule:"]
    lines += [f"{r.count:>7}  {r.key:<6} {r.name:<20} {_status_cells(r, fixed)}" for r in rules]
    lines.append("by entry:")
    width = max(len(r.key) for r in entries)
    lines += [f"{r.count:>7}  {r.key:<{width}}  {','.join(r.codes)}" for r in entries]
    total = sum(r.count for r in rules)
    lines.append(f"{total:>7}  total")
    return "\n".join(lines) + "\n"


def as_json(results: Sequence[CleanResult]) -> str:
    def row(r: Row, field: str) -> dict[str, object]:
        out: dict[str, object] = {field: r.key, "count": r.count, "statuses": r.by_status}
        if field == "code":
            out["name"] = r.name
        else:
            out["codes"] = list(r.codes)
        return out

    data = {
        "rules": [row(r, "code") for r in rule_rows(results)],
        "entries": [row(r, "entry") for r in entry_rows(results)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

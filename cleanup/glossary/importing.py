"""Bring records read from TBX or CSV into a glossary directory, skipping what cannot go in.

A record is skipped, with its reason, when it is malformed for its kind, duplicates an id or
key already present (or earlier in the same import), or would break the glossary (its example
fails, its output is another entry's key). The rest is validated together with the glossary
and written, one atomic write per file; if a problem cannot be traced to an imported entry,
nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import CleanupError, GlossaryError
from .edit import Checked, DuplicateIndex, Plan, Written, check_plan, commit, problem_id
from .loader import load_text
from .place import Layers, Target, choose_file
from .records import Imported, Record
from .render import render_file

MAX_ROUNDS = 5


@dataclass
class ImportResult:
    written: Written | None
    added: list[Record] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    files: dict[str, int] = field(default_factory=dict)  # file name -> entries added


def import_records(layers: Layers, found: Imported, override: bool, dry_run: bool) -> ImportResult:
    result = ImportResult(None, skipped=list(found.skipped))
    glossary = layers.load()
    index = DuplicateIndex(glossary, layers.layer)
    plan: Plan = {}
    single = layers.root.suffix in (".yaml", ".yml") or layers.root.is_file()
    for record in found.records:
        reason = _schema_problem(record) or _duplicate(index, record, override)
        target = None
        if not reason:
            try:
                target = choose_file(layers, glossary, record, None if single else record.file or None, record.kind)
            except CleanupError as exc:
                reason = str(exc)
        if reason or target is None:
            result.skipped.append((record.source, reason))
            continue
        index.add(record)
        plan.setdefault(target, []).append(record)
    plan, checked = _drop_failing(layers, plan, result)
    if plan and checked is not None:
        result.written = commit(plan, checked, dry_run)
    for target, records in plan.items():
        result.added += records
        result.files[target.name] = len(records)
    return result


def _schema_problem(record: Record) -> str:
    """The first schema problem of the record on its own, without its location prefix."""
    _, problems = load_text(render_file(record.kind, [record]), "import")
    return problems[0].split(": ", 2)[-1] if problems else ""


def _duplicate(index: DuplicateIndex, record: Record, override: bool) -> str:
    for duplicate in index.find(record):
        if duplicate.same_layer or not override:
            return duplicate.message(record)
    return ""


def _drop_failing(layers: Layers, plan: Plan, result: ImportResult) -> tuple[Plan, Checked | None]:
    """Validate; drop the imported entries that problems name, and try again."""
    for _ in range(MAX_ROUNDS):
        if not plan:
            return plan, None
        checked = check_plan(layers, plan)
        problems = checked[2]
        if not problems:
            return plan, checked
        by_id = {r.id: r for records in plan.values() for r in records}
        failing = {problem_id(p): p for p in reversed(problems) if problem_id(p) in by_id}
        if not failing:
            raise GlossaryError(problems)
        for entry_id, problem in failing.items():
            result.skipped.append((by_id[entry_id].source, problem))
        plan = _without(plan, set(failing))
    raise GlossaryError(["import: the glossary still has problems after dropping the failing entries"])


def _without(plan: Plan, ids: set[str]) -> dict[Target, list[Record]]:
    out: dict[Target, list[Record]] = {}
    for target, records in plan.items():
        kept = [r for r in records if r.id not in ids]
        if kept:
            out[target] = kept
    return out

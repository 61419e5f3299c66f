"""Write new entries into a glossary file: refuse duplicates, validate, then write atomically.

Nothing is written unless the glossary with the new entries passes the same checks as
``cleanup glossary check`` (schema, invariants, every example). Problems the glossary already had
before the edit are not blamed on it; they are counted so the caller can say so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CleanupError, GlossaryError
from ..io import write_atomic
from ..zh import script_forms, simplify
from .insert import insert_records
from .loader import Glossary, load_sources
from .place import Layers, Target
from .records import Record, comparable, record_of
from .render import render_file
from .validate import check_glossary

HEADER = ("Glossary entries written by `cleanup glossary`. Keep the file sorted by id.",)


@dataclass(frozen=True)
class Duplicate:
    other: str  # the id that already has the key
    where: str  # its file:line (or, within one import, where it came from)
    what: str  # "id 'x'", "Chinese key '普惠'", "English key 'key minerals'"
    same_layer: bool

    def message(self, record: Record) -> str:
        return f"{record.id}: {self.what} is already in {self.other} ({self.where})"


class DuplicateIndex:
    """Ids, Chinese keys (folded across scripts) and English keys (case-folded) of a glossary,
    plus those of the records accepted so far in one batch."""

    def __init__(self, glossary: Glossary, layer: int) -> None:
        self.ids: dict[str, tuple[str, str, bool]] = {}
        self.zh: dict[tuple[str, str], tuple[str, str, bool]] = {}
        self.en: dict[str, tuple[str, str, bool]] = {}
        for entry in glossary.entries:
            owner = (entry.id, f"{entry.file}:{entry.line}", glossary.layers.get(entry.id) == layer)
            self.ids[entry.id] = owner
            self._keys(owner, entry.kind, entry.zh, entry.wrong + entry.variants)

    def _keys(self, owner: tuple[str, str, bool], kind: str, zh: Sequence[str], english: Sequence[str]) -> None:
        for key in zh:
            self.zh.setdefault((_key_space(kind), simplify(key)), owner)
        for key in english:
            self.en.setdefault(key.lower(), owner)

    def find(self, record: Record) -> list[Duplicate]:
        found: list[tuple[tuple[str, str, bool], str]] = []
        if record.id in self.ids:
            found.append((self.ids[record.id], f"id {record.id!r}"))
        space = _key_space(record.kind)
        for key in record.strings("zh"):
            forms = sorted({simplify(x) for x in script_forms(key)})
            hit = next((self.zh[(space, f)] for f in forms if (space, f) in self.zh), None)
            if hit is not None:
                found.append((hit, f"Chinese key {key!r}"))
        for key in record.strings("wrong") + record.strings("variants"):
            if key.lower() in self.en:
                found.append((self.en[key.lower()], f"English key {key!r}"))
        return [Duplicate(other, where, what, same) for (other, where, same), what in found]

    def add(self, record: Record) -> None:
        """Count an accepted record, so that one batch cannot bring the same key twice."""
        owner = (record.id, record.source, True)
        self.ids[record.id] = owner
        self._keys(owner, record.kind, record.strings("zh"), record.strings("wrong") + record.strings("variants"))


def _key_space(kind: str) -> str:
    """Terms and idioms share one Chinese matcher (a key may belong to one of them only); every
    other kind matches its Chinese on its own (a currency's 人民币 is also the term 人民币)."""
    return "text" if kind in ("term", "idiom") else kind


Plan = dict[Target, list[Record]]  # the records to insert into each target file
# check_plan's answer: new text per file, the glossary loaded with them, new problems, old count
Checked = tuple[dict[Path, str], Glossary, list[str], int]


@dataclass
class Written:
    lines: dict[str, str] = field(default_factory=dict)  # id -> file:line of the new entry
    old_problems: int = 0  # problems the glossary had before the edit


def candidate(layers: Layers, plan: Plan) -> tuple[dict[Path, str], Glossary]:
    """Each target file's new text, and the whole glossary loaded with those texts."""
    texts: dict[Path, str] = {}
    listed = layers.listed()
    for target, records in plan.items():
        if target.path.exists():
            text = target.path.read_bytes().decode("utf-8")
            texts[target.path] = insert_records(text, records, target.name)
        else:
            texts[target.path] = render_file(target.kind, records, HEADER)
            listed.append((layers.layer, target.name, target.path))
    return texts, load_sources(listed, texts)


def new_problems(after: list[str], before: list[str]) -> list[str]:
    """Problems in ``after`` that ``before`` did not have (line numbers moved by the edit are ignored)."""
    seen = {_unlined(p) for p in before}
    return [p for p in after if _unlined(p) not in seen]


def _unlined(problem: str) -> str:
    return re.sub(r"(\.ya?ml):\d+", r"\1", problem)


def problem_id(problem: str) -> str:
    """The entry id a ``FILE:LINE: ID: message`` problem names."""
    found = re.match(r"^.*?:\d+: ([^:\s]+): ", problem)
    return found.group(1) if found else ""


def check_plan(layers: Layers, plan: Plan) -> Checked:
    """New texts, the glossary with them, the problems the plan brings, and how many the
    glossary had before (counted only when there are problems after)."""
    texts, loaded = candidate(layers, plan)
    problems = check_glossary(loaded)
    before: list[str] = []
    if problems:
        before = check_glossary(layers.load())
        problems = new_problems(problems, before)
    return texts, loaded, problems, len(before)


def write(layers: Layers, plan: Plan, dry_run: bool = False) -> Written:
    """Validate the glossary with the plan applied, then write each file (unless ``dry_run``)."""
    return commit(plan, check_plan(layers, plan), dry_run)


def commit(plan: Plan, checked: Checked, dry_run: bool) -> Written:
    """Write the texts ``check_plan`` made, if it found no problem; each file atomically."""
    texts, loaded, problems, old = checked
    if problems:
        raise GlossaryError(problems)
    written = Written(old_problems=old)
    for target, records in plan.items():
        _confirm(loaded, target, records, written)
    if not dry_run:
        for path, text in texts.items():
            _write_file(path, text)
    return written


def _confirm(loaded: Glossary, target: Target, records: Sequence[Record], written: Written) -> None:
    """Each record reads back from the new text exactly as it was meant (guards the writer)."""
    mine = {e.id: e for e in loaded.entries if e.file == target.name}
    for record in records:
        entry = mine.get(record.id)
        if entry is None or comparable(record_of(entry))[2] != comparable(record)[2]:
            raise CleanupError(f"{target.name}: {record.id}: the entry did not read back as written; nothing written")
        written.lines[record.id] = f"{entry.file}:{entry.line}"


def _write_file(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CleanupError(f"{path.parent}: cannot create directory ({exc.strerror})") from None
    write_atomic(path, text.encode("utf-8"))

"""Glossary entries as plain records: the fields a file gave, in the order files write them.

``add``, ``import``, ``export`` and the ``suggest`` stub all exchange ``Record``s. A record holds
only the fields its source gave, so writing one out and reading it back gives the same record:
that is what makes export → import lossless.

What type a field holds is read from ``entries`` itself, by asking its field checker which probe
values it accepts, so a kind or field added there (``currency``) needs no change here.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Safety
from . import entries as schema
from .entries import Entry, SchemaProblem
from .yamlnodes import Located

# Where a field goes in an entry when a tool writes it; fields not listed (a new kind's) come
# after these, in name order, and ``note`` / ``examples`` always come last.
ORDER = (
    "id", "zh", "en", "wrong", "variants", "phrases", "pattern", "keep", "lead", "trail", "scope",
    "space", "map", "safety", "inflect", "series", "adjective", "office", "short", "tags",
)  # fmt: skip
LAST = ("note", "examples")


@dataclass
class Record:
    """One entry as data: ``kind``, the glossary file (stem, e.g. ``places``) it belongs in, and
    its fields; ``source`` says where it came from, for messages."""

    kind: str
    file: str
    fields: dict[str, Any] = field(default_factory=dict)
    source: str = ""

    @property
    def id(self) -> str:
        return str(self.fields.get("id", ""))

    def strings(self, name: str) -> list[str]:
        value = self.fields.get(name) or []
        return [value] if isinstance(value, str) else list(value)


def field_order(kind: str) -> list[str]:
    names = schema.FIELDS[kind]
    known = [n for n in ORDER if n in names]
    rest = sorted(names - set(ORDER) - set(LAST))
    return known + rest + [n for n in LAST if n in names]


def all_fields() -> list[str]:
    """Every field of every kind, in writing order (the CSV columns)."""
    out: list[str] = []
    for kind in schema.KINDS:
        out += [n for n in field_order(kind) if n not in out]
    return [n for n in out if n not in LAST] + list(LAST)


def file_stem(display_name: str) -> str:
    return Path(display_name).stem


def record_of(entry: Entry) -> Record:
    """The record of a loaded entry: exactly the fields its file gave (``field_lines``)."""
    fields = {}
    for name in field_order(entry.kind):
        value = plain_value(getattr(entry, name))
        if name in entry.field_lines and value != []:  # an empty list says nothing
            fields[name] = value
    return Record(entry.kind, file_stem(entry.file), fields, f"{entry.file}:{entry.line}")


def plain_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return [plain_value(v) for v in value]
    if isinstance(value, schema.Example):
        return {"in": value.text} if value.out is None else {"in": value.text, "out": value.out}
    if isinstance(value, Safety):
        return value.value
    return value


def comparable(record: Record) -> tuple[str, str, str]:
    """A canonical form for comparing records (a single ``zh`` string equals a one-item list)."""
    fields = {k: ([v] if isinstance(v, str) and field_type(k) == "strings" else v) for k, v in record.fields.items()}
    return record.kind, record.file, json.dumps(fields, ensure_ascii=False, sort_keys=True)


@functools.cache
def field_type(name: str) -> str:
    """``strings``, ``bool``, ``int``, ``string``, ``choice`` or ``examples``, as ``entries`` checks it."""
    if name == "examples":
        return "examples"
    if _accepts(name, [Located("x", 1)]):
        return "strings"
    if _accepts(name, True):
        return "bool"
    if _accepts(name, 1):
        return "int"
    if _accepts(name, "x"):
        return "string"
    return "choice" if choices(name) else "string"


@functools.cache
def choices(name: str) -> tuple[str, ...]:
    """The values a choice field allows, from the message ``entries`` gives for a bad one."""
    try:
        schema._field(name, Located("\x00", 1), "probe")
    except SchemaProblem as exc:
        found = re.search(r"must be one of (.+)$", exc.message)
        return tuple(v.strip() for v in found.group(1).split(",")) if found else ()
    except Exception:  # noqa: BLE001 - a field the checker does not know: no choices
        return ()
    return ()


def _accepts(name: str, value: Any) -> bool:
    try:
        schema._field(name, Located(value, 1), "probe")
    except Exception:  # noqa: BLE001 - SchemaProblem, or a checker that cannot handle the probe
        return False
    return True


def parse_value(name: str, text: str) -> Any:
    """A field's value from its text in a CSV cell or TBX element; raise ``ValueError``."""
    kind = field_type(name)
    if kind == "bool":
        low = text.strip().lower()
        if low not in ("true", "false"):
            raise ValueError(f"{name!r} must be true or false, not {text!r}")
        return low == "true"
    if kind == "int":
        try:
            return int(text.strip())
        except ValueError:
            raise ValueError(f"{name!r} must be a whole number, not {text!r}") from None
    return text


def value_text(value: Any) -> str:
    """The inverse of ``parse_value`` for one scalar."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass
class Imported:
    """What a reader found: records to add, what it skipped and why, and notes for the user."""

    records: list[Record] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (where, why)
    notes: list[str] = field(default_factory=list)

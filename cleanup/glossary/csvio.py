"""CSV in and out: one entry per row, one column per field, with a header.

Columns are ``id, kind, file`` and then every field of every kind (from ``entries``), so a
spreadsheet can hold the whole glossary. A list (``zh``, ``wrong``…) holds one value per line
inside its cell; ``examples`` is a JSON list of ``{"in": …, "out": …}``; an empty cell means the
field is absent. Importing a sheet from elsewhere needs at least ``en`` and one of ``zh``,
``wrong``, ``variants``; missing ids, notes and examples are made as ``add`` makes them.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..errors import CleanupError
from .entries import KINDS
from .newentry import NewEntry, build_record
from .records import Imported, Record, all_fields, field_order, field_type, parse_value, value_text

MAX_BYTES = 50 * 1024 * 1024


def columns() -> list[str]:
    return ["id", "kind", "file"] + [n for n in all_fields() if n != "id"]


def write_csv(records: list[Record]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = columns()
    writer.writerow(names)
    for record in records:
        writer.writerow([_cell(record, name) for name in names])
    return out.getvalue()


def _cell(record: Record, name: str) -> str:
    if name == "kind":
        return record.kind
    if name == "file":
        return record.file
    value = record.fields.get(name)
    if value is None:
        return ""
    if name == "examples":
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        if any(_awkward(v) for v in value):  # cannot be one per line: a JSON list says it exactly
            return json.dumps(value, ensure_ascii=False)
        return "\n".join(value)
    return value_text(value)


def _awkward(value: str) -> bool:
    return not value.strip() or value != value.strip() or len(value.splitlines()) != 1 or value.startswith("[")


def _strings(text: str) -> list[str]:
    """One value per line, or a JSON list of strings (what ``_cell`` writes for awkward values)."""
    if text.startswith("[") and text.endswith("]"):
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            value = None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
    return text.splitlines()


def read_csv(path: Path, name: str, file: str, safety: str) -> Imported:
    reader = csv.reader(io.StringIO(_read_text(path, name), newline=""))
    header = [h.strip() for h in next(reader, [])]
    if not header:
        raise CleanupError(f"{name}:1: empty file; expected a header row")
    known = set(columns())
    if "en" not in header or not {"zh", "wrong", "variants"} & set(header):
        raise CleanupError(f"{name}:1: missing columns: a CSV glossary needs 'en' and one of 'zh', 'wrong', 'variants'")
    found = Imported()
    unknown = [h for h in header if h not in known]
    if unknown:
        found.notes.append(f"{name}:1: ignored columns: {', '.join(unknown)}")
    line = reader.line_num + 1  # where the next row starts (a quoted cell may span lines)
    for row in reader:
        where, line = f"{name}:{line}", reader.line_num + 1
        cells = {h: c for h, c in zip(header, row) if h in known and c != ""}
        if not cells:
            continue
        try:
            record = _row(cells, file, safety)
        except ValueError as exc:
            found.skipped.append((where, str(exc)))
            continue
        record.source = where
        found.records.append(record)
    return found


def _read_text(path: Path, name: str) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise CleanupError(f"{name}: file is over the {MAX_BYTES} byte limit")
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise CleanupError(f"{name}: no such file") from None
    except UnicodeDecodeError as exc:
        raise CleanupError(f"{name}: not valid UTF-8 at byte {exc.start}") from None
    except OSError as exc:
        raise CleanupError(f"{name}: cannot read ({exc.strerror})") from None


def _row(cells: dict[str, str], file: str, safety: str) -> Record:
    kind = cells.get("kind", "term")
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if "note" in cells and "examples" in cells and "id" in cells:
        return Record(kind, cells.get("file", file), _fields(kind, cells))
    if kind != "term":
        raise ValueError(f"a {kind} row needs id, note and examples")
    if "en" not in cells:
        raise ValueError("no English ('en' is empty)")
    lines = {n: _strings(cells[n]) for n in ("zh", "wrong", "variants") if n in cells}
    if not lines:
        raise ValueError("no Chinese term and no other English form: nothing to match")
    new = NewEntry(cells["en"], lines.get("zh", ()), lines.get("wrong", ()), lines.get("variants", ()),
                   cells.get("id", ""), cells.get("note", ""), (), cells.get("safety", safety))  # fmt: skip
    record = build_record(new, kind, cells.get("file", file), "Imported from a CSV glossary.")
    if "examples" in cells:
        record.fields["examples"] = _examples(cells["examples"])
    return record


def _fields(kind: str, cells: dict[str, str]) -> dict[str, object]:
    fields: dict[str, object] = {}
    for name in field_order(kind):
        if name not in cells:
            continue
        text = cells[name]
        if name == "examples":
            fields[name] = _examples(text)
        elif field_type(name) == "strings":
            fields[name] = _strings(text)
        else:
            fields[name] = parse_value(name, text)
    extra = sorted(n for n in cells if n not in ("kind", "file") and n not in fields)
    if extra:
        raise ValueError(f"{', '.join(extra)}: not a field of a {kind} entry")
    return fields


def _examples(text: str) -> list[dict[str, str]]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"examples: not JSON ({exc.msg})") from None
    ok = isinstance(value, list) and all(
        isinstance(x, dict) and set(x) <= {"in", "out"} and isinstance(x.get("in"), str)
        and isinstance(x.get("out", ""), str) for x in value
    )  # fmt: skip
    if not ok or not value:
        raise ValueError('examples: expected a JSON list of {"in": TEXT, "out": TEXT}')
    return [{str(k): str(v) for k, v in x.items()} for x in value]

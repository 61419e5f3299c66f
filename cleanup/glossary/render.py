"""Write glossary records as YAML text in the layout of the file they go into.

We write text ourselves instead of dumping a YAML tree: a new entry is inserted into a curated
file whose comments, quoting and line breaks must not move (see ``insert``). The layout of the
file (indentation, whether it quotes every value, its line ending) is read from the file, and a
value is written plain only when YAML reads it back as the same string.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from .records import Record, field_order, field_type

ALWAYS_QUOTED = ("note",)  # prose: quoted, so that a colon or a leading quote never breaks it


@dataclass(frozen=True)
class Style:
    """How a glossary file lays out its entries."""

    dash: int = 2  # column of the "- " that starts an entry
    quote_all: bool = False  # the file quotes every string (``en: "a disorganized rabble"``)
    newline: str = "\n"

    @property
    def key(self) -> int:
        return self.dash + 2


_ENTRY_LINE = re.compile(r"^( *)- +id:", re.MULTILINE)
_EN_LINE = re.compile(r"^ +en: *(\S)", re.MULTILINE)


def detect_style(text: str) -> Style:
    first = _ENTRY_LINE.search(text)
    dash = len(first.group(1)) if first else Style.dash
    starts = [m.group(1) for m in _EN_LINE.finditer(text)]
    quote_all = bool(starts) and sum(s in "\"'" for s in starts) * 2 > len(starts)
    newline = "\r\n" if "\r\n" in text else "\n"
    return Style(dash, quote_all, newline)


def render_entry(record: Record, style: Style = Style()) -> str:
    """The lines of one entry, each ending with the file's newline."""
    pad, lines = " " * style.key, []
    for name in field_order(record.kind):
        if name not in record.fields:
            continue
        value = record.fields[name]
        if name == "examples":
            lines.append(f"{pad}examples:")
            lines += _examples(value, style)
        else:
            lines.append(f"{pad}{name}: {_value(name, value, style)}")
    lines[0] = " " * style.dash + "- " + lines[0][style.key :]
    return "".join(line + style.newline for line in lines)


def _examples(examples: list[dict[str, str]], style: Style) -> list[str]:
    dash, key = " " * (style.key + 2), " " * (style.key + 4)
    out = []
    for example in examples:
        out.append(f"{dash}- in: {quoted(example['in'])}")
        if example.get("out") is not None:
            out.append(f"{key}out: {quoted(example['out'])}")
    return out


def _value(name: str, value: Any, style: Style) -> str:
    kind = field_type(name)
    if kind == "bool":
        return "true" if value else "false"
    if kind == "int":
        return str(value)
    if kind == "strings":
        items = [value] if isinstance(value, str) else list(value)
        if name == "zh" and len(items) == 1:
            return scalar(items[0], style.quote_all)
        return "[" + ", ".join(scalar(v, style.quote_all, in_flow=True) for v in items) + "]"
    return scalar(str(value), style.quote_all or name in ALWAYS_QUOTED)


def scalar(value: str, quote: bool = False, in_flow: bool = False) -> str:
    if not quote and _plain_ok(value, in_flow):
        return value
    return quoted(value)


@functools.lru_cache(maxsize=4096)
def _plain_ok(value: str, in_flow: bool) -> bool:
    if not value or value != value.strip() or not value.isprintable() or "#" in value:
        return False
    if in_flow and any(c in value for c in ",[]{}"):
        return False
    doc = f"k: [{value}]" if in_flow else f"k: {value}"
    try:
        loaded = yaml.load(doc, Loader=yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader)
    except yaml.YAMLError:
        return False
    return bool(loaded == {"k": [value] if in_flow else value})


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def quoted(value: str) -> str:
    """A YAML double-quoted scalar; invisible characters are written as escapes, never raw."""
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char == " " or (char.isprintable() and not char.isspace()):
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def render_file(kind: str, records: Sequence[Record], header: Sequence[str] = ()) -> str:
    """A new glossary file: comment header, kind, and the entries sorted by id."""
    lines = [f"# {line}".rstrip() for line in header]
    lines += [f"kind: {kind}", "entries:" if records else "entries: []"]
    body = "".join(render_entry(r) for r in sorted(records, key=lambda r: r.id))
    return "\n".join(lines) + "\n" + body

"""Glossary entries and the schema each kind of entry must follow.

A glossary file is ``{kind: KIND, entries: [...]}``. The kinds and their fields:

* ``term``        zh / en / wrong / variants / safety / inflect / series / adjective / office / short
                  (ZH001, ZH002, EN001, EN003)
  A place's ``adjective`` is how English names it before an office or a body (法国: French);
  an ``office`` is the English such a key takes after that adjective (总统: president, so
  法国总统 is ``French president``, ``French President`` before a name). ``tags``: ``person``
  marks a person and ``title`` an office a person holds; a title after its holder's name goes
  before it, as English writes it (马克龙总统 → President Emmanuel Macron); ``outlet`` marks a
  newspaper, agency or broadcaster, whose name loses the title marks around it (《人民日报》 →
  People's Daily, unquoted: PU001). A person's
  ``short`` is the name news uses once the full name has been given (Donald Trump → Trump).
* ``idiom``       zh / en / wrong                                 (EN002, always a suggestion)
* ``punctuation`` zh (the characters) / en / space               (PU001)
* ``boilerplate`` pattern / scope / keep / lead / trail          (BP001)
* ``allow``       phrases: text that is never touched
* ``currency``    zh / bound / en / symbol / unit / latin        (ZH004)
  A currency has ``symbol`` (written before the number: ``$11 billion``) or ``unit``
  (written after it: ``3.6 billion euros``), never both; ``en`` is its name for a word with no
  amount. ``bound`` keys are a currency only right after a number (元 is also in 单元, 元旦), so
  they are not known words on their own. An entry with neither ``symbol`` nor ``unit`` is a word
  that stands before an amount (约合 → about).

Every entry has ``id``, ``note`` and ``examples`` (``allow`` entries need no examples).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Origin, Safety
from .guards import pattern_problem, recreation_problem

if TYPE_CHECKING:  # a type only: a cached glossary is used without the YAML parser (start-up)
    from .yamlnodes import Located

KINDS = ("term", "idiom", "punctuation", "boilerplate", "allow", "currency")
COMMON = {"id", "note", "examples"}
FIELDS: dict[str, set[str]] = {
    "term": COMMON | {"zh", "en", "wrong", "variants", "safety", "inflect", "series", "adjective", "office", "short", "tags"},
    "idiom": COMMON | {"zh", "en", "wrong", "tags"},
    "punctuation": COMMON | {"zh", "en", "space", "map"},
    "boilerplate": COMMON | {"pattern", "scope", "keep", "lead", "trail", "tags"},
    "allow": {"id", "note", "phrases", "examples"},
    "currency": COMMON | {"zh", "bound", "en", "symbol", "unit", "latin"},
}
REQUIRED: dict[str, set[str]] = {
    "term": {"id", "en", "note", "examples"},
    "idiom": {"id", "en", "wrong", "note", "examples"},
    "punctuation": {"id", "zh", "note", "examples"},
    "boilerplate": {"id", "pattern", "note", "examples"},
    "allow": {"id", "phrases", "note"},
    "currency": {"id", "en", "note", "examples"},
}
SPACES = ("none", "after", "before", "around")
SCOPES = ("paragraph", "inline")


@dataclass(frozen=True)
class Example:
    text: str
    out: str | None
    line: int


@dataclass(frozen=True)
class Entry:
    """One curated piece of knowledge; which fields matter depends on ``kind``."""

    id: str
    kind: str
    file: str
    line: int
    note: str
    en: str = ""
    zh: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    safety: Safety = Safety.SAFE
    inflect: bool = False
    series: bool = False  # the key names numbered members: 神舟十八号 → Shenzhou-18
    adjective: str = ""  # a place's adjective before an office: 法国 → French
    office: str = ""  # the English after a place's adjective: 外交部 → Foreign Ministry
    short: str = ""  # a person's name after the first mention: Donald Trump → Trump
    space: str = "after"
    map: str = ""
    pattern: str = ""
    scope: str = "paragraph"
    keep: int = 0
    lead: str = ""
    trail: str = ""
    phrases: tuple[str, ...] = ()
    bound: tuple[str, ...] = ()
    symbol: str = ""
    unit: str = ""
    latin: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    @property
    def origin(self) -> Origin:
        return Origin(self.id, self.file, self.line)

    def where(self, name: str = "") -> str:
        return f"{self.file}:{self.field_lines.get(name, self.line)}"


class SchemaProblem(Exception):
    def __init__(self, line: int, entry_id: str, message: str) -> None:
        super().__init__(message)
        self.line, self.entry_id, self.message = line, entry_id, message


def build_entry(kind: str, raw: Located, file: str) -> Entry:
    """Check one entry's shape against its kind's schema and build it; raise ``SchemaProblem``."""
    if not isinstance(raw.value, dict):
        raise SchemaProblem(raw.line, "?", "an entry must be a mapping")
    data: dict[str, Located] = raw.value
    entry_id = data["id"].value if "id" in data and isinstance(data["id"].value, str) else "?"
    unknown = sorted(set(data) - FIELDS[kind])
    if unknown:
        key = unknown[0]
        raise SchemaProblem(data[key].line, entry_id, f"unknown field {key!r} for a {kind} entry")
    missing = sorted(REQUIRED[kind] - set(data))
    if missing:
        raise SchemaProblem(raw.line, entry_id, f"missing field {missing[0]!r}")
    values: dict[str, Any] = {}
    for name, located in data.items():
        values[name] = _field(name, located, entry_id)
    if kind in ("term",) and not (values.get("zh") or values.get("wrong") or values.get("variants")):
        raise SchemaProblem(raw.line, entry_id, "a term needs at least one of zh, wrong, variants")
    if values.get("short") and not _whole_words_of(values["short"], values.get("en", "")):
        raise SchemaProblem(data["short"].line, entry_id, "'short' must be whole words of 'en' (Donald Trump: Trump)")
    if kind == "punctuation" and ("en" in values) == ("map" in values):
        raise SchemaProblem(raw.line, entry_id, "a punctuation entry needs exactly one of en, map")
    if kind == "idiom":
        values["safety"] = Safety.SUGGESTION
    if kind == "currency" and not (values.get("zh") or values.get("bound")):
        raise SchemaProblem(raw.line, entry_id, "a currency entry needs zh or bound")
    if kind == "currency" and values.get("symbol") and values.get("unit"):
        raise SchemaProblem(raw.line, entry_id, "a currency entry has a symbol or a unit, not both")
    recreated = recreation_problem(kind, values)
    if recreated is not None:
        raise SchemaProblem(data[recreated[0]].line, entry_id, recreated[1])
    lines = {name: located.line for name, located in data.items()}
    return Entry(kind=kind, file=file, line=raw.line, field_lines=lines, **values)


def _whole_words_of(part: str, whole: str) -> bool:
    """``Trump`` in ``Donald Trump``, ``von der Leyen`` in ``Ursula von der Leyen``; not ``Trum``."""
    return f" {part} " in f" {whole} "


def _field(name: str, located: Located, entry_id: str) -> Any:
    value = located.value
    line = located.line
    if name in ("id", "en", "note", "pattern", "lead", "trail", "symbol", "unit", "adjective", "office", "short"):
        required = name in ("id", "note", "pattern", "symbol", "unit", "adjective", "office", "short")
        if not isinstance(value, str) or (required and not value.strip()):
            raise SchemaProblem(line, entry_id, f"{name!r} must be a non-empty string")
        if name == "id" and not _is_id(value):
            raise SchemaProblem(line, entry_id, "id must be lowercase letters, digits and '-'")
        if name == "pattern" and (problem := pattern_problem(value)) is not None:
            raise SchemaProblem(line, entry_id, problem)
        return value
    if name in ("zh", "wrong", "variants", "phrases", "tags", "bound", "latin"):
        return _strings(name, located, entry_id)
    if name in ("inflect", "series"):
        if not isinstance(value, bool):
            raise SchemaProblem(line, entry_id, f"{name!r} must be true or false")
        return value
    if name == "keep":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise SchemaProblem(line, entry_id, "'keep' must be a group number")
        return value
    if name == "examples":
        return _examples(located, entry_id)
    return _choice(name, value, line, entry_id)


def _choice(name: str, value: Any, line: int, entry_id: str) -> Any:
    options = {"safety": ("safe", "suggestion"), "space": SPACES, "scope": SCOPES, "map": ("nfkc",)}[name]
    if value not in options:
        raise SchemaProblem(line, entry_id, f"{name!r} must be one of {', '.join(options)}")
    return Safety(value) if name == "safety" else value


def _is_id(value: str) -> bool:
    return bool(value) and all(c.islower() or c.isdigit() or c == "-" for c in value) and value.isascii()


def _strings(name: str, located: Located, entry_id: str) -> tuple[str, ...]:
    items = located.value if isinstance(located.value, list) else [located]
    out = []
    for item in items:
        if not isinstance(item.value, str) or not item.value:
            raise SchemaProblem(item.line, entry_id, f"{name!r} must hold non-empty strings")
        if item.value.strip() and item.value != item.value.strip():
            raise SchemaProblem(item.line, entry_id, f"{name!r} value has leading/trailing space")
        out.append(item.value)
    if len(set(out)) != len(out):
        raise SchemaProblem(located.line, entry_id, f"{name!r} lists a value twice")
    return tuple(out)


def _examples(located: Located, entry_id: str) -> tuple[Example, ...]:
    if not isinstance(located.value, list) or not located.value:
        raise SchemaProblem(located.line, entry_id, "'examples' must be a non-empty list")
    out = []
    for item in located.value:
        data = item.value
        if not isinstance(data, dict) or "in" not in data or set(data) - {"in", "out"}:
            raise SchemaProblem(item.line, entry_id, "an example is {in: TEXT} or {in: TEXT, out: TEXT}")
        text, expected = data["in"].value, data.get("out")
        if not isinstance(text, str) or (expected is not None and not isinstance(expected.value, str)):
            raise SchemaProblem(item.line, entry_id, "example 'in' and 'out' must be strings")
        out.append(Example(text, expected.value if expected else None, item.line))
    return tuple(out)

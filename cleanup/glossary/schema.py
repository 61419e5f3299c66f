"""A JSON Schema (draft 2020-12) for glossary files, generated from ``entries``.

Kinds, fields and required fields come from ``entries.KINDS`` / ``FIELDS`` / ``REQUIRED``; each
field's type and allowed values from the field checker itself (``records.field_type`` /
``choices``), so the schema follows the loader when a kind or field is added. Editors with a
YAML language server use it to validate and complete entries; ``cleanup glossary check`` stays
the authority (it also runs the invariants and the examples).
"""

from __future__ import annotations

from typing import Any

from . import entries as schema
from .records import _accepts, choices, field_order, field_type

DRAFT = "https://json-schema.org/draft/2020-12/schema"
# Text with no leading or trailing whitespace, or whitespace only (an ideographic space).
TRIMMED = r"^(?:\s*|\S(?:[\s\S]*\S)?)$"
# Cross-field rules ``build_entry`` enforces in code, by kind.
EXTRA: dict[str, dict[str, Any]] = {
    "term": {"anyOf": [{"required": ["zh"]}, {"required": ["wrong"]}, {"required": ["variants"]}]},
    "punctuation": {"oneOf": [{"required": ["en"]}, {"required": ["map"]}]},
    "currency": {"anyOf": [{"required": ["zh"]}, {"required": ["bound"]}], "not": {"required": ["symbol", "unit"]}},
}
DESCRIPTIONS = {
    "id": "Unique id: lowercase letters, digits and '-'.",
    "zh": "Chinese keys (any script variant is matched).",
    "en": "The approved English.",
    "wrong": "Wrong English renderings, replaced by `en`.",
    "variants": "Other renderings of this entry, unified to `en` where a document also uses `en`.",
    "note": "Where the rendering comes from (official name, style guide) and any caveat.",
    "examples": "Texts run through the whole tool when the glossary is checked.",
    "safety": "`safe` fixes apply automatically; `suggestion` fixes apply on request.",
    "adjective": "A place's adjective before an office or a body (法国: French; 美国: US).",
    "office": "The English this key takes after a place with an `adjective` (外交部: Foreign Ministry, so 法国外交部 is French Foreign Ministry); capitalised before a name (French President Emmanuel Macron). Composed, the place's safety applies.",
    "short": "A person's name once the full name has been given, as news writes it (Donald Trump: Trump; Ursula von der Leyen: von der Leyen). ZH001 writes `en` at the first mention and `short` after it.",
    "tags": "Labels. `person`: a person, whose title after the name goes before it (马克龙总统 → President Emmanuel Macron); `title`: an office a person holds (总统, 外长).",
    "series": "The key names a numbered series: key + Chinese numeral + 号 is `en`-N (神舟十八号 → Shenzhou-18).",
}


def glossary_schema() -> dict[str, Any]:
    kinds = list(schema.KINDS)
    return {
        "$schema": DRAFT,
        "title": "cleanup glossary file",
        "description": "A glossary file: one kind of entry, sorted by id. Checked fully by `cleanup glossary check`.",
        "type": "object",
        "required": ["kind", "entries"],
        "additionalProperties": False,
        "properties": {"kind": {"enum": kinds}, "entries": {"type": "array"}},
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {"properties": {"entries": {"items": {"$ref": f"#/$defs/{kind}"}}}},
            }
            for kind in kinds
        ],
        "$defs": {**{kind: _entry(kind) for kind in kinds}, "example": _example()},
    }


def _entry(kind: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "required": sorted(schema.REQUIRED[kind]),
        "additionalProperties": False,
        "properties": {name: _field(name) for name in field_order(kind)},
    }
    out.update(EXTRA.get(kind, {}))
    return out


def _field(name: str) -> dict[str, Any]:
    kind = field_type(name)
    if kind == "examples":
        out: dict[str, Any] = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/example"}}
    elif kind == "strings":
        item = {"type": "string", "minLength": 1, "pattern": TRIMMED}
        out = {"oneOf": [item, {"type": "array", "items": item, "uniqueItems": True}]}
    elif kind == "bool":
        out = {"type": "boolean"}
    elif kind == "int":
        out = {"type": "integer", "minimum": 0}
    elif kind == "choice":
        out = {"enum": list(choices(name))}
    elif name == "id":
        out = {"type": "string", "pattern": "^[a-z0-9-]+$"}
    elif _needs_text(name):
        out = {"type": "string", "pattern": r"\S"}
    else:
        out = {"type": "string"}
    if name in DESCRIPTIONS:
        out["description"] = DESCRIPTIONS[name]
    return out


def _needs_text(name: str) -> bool:
    """Whether the checker refuses a blank string for this field."""
    return not _accepts(name, " ")


def _example() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["in"],
        "additionalProperties": False,
        "properties": {
            "in": {"type": "string", "description": "Input text."},
            "out": {"type": "string", "description": "Expected output; absent: the input must stay unchanged."},
        },
    }

"""``cleanup --show-settings``: the settings in force, as TOML, each with where it came from."""

from __future__ import annotations

import json
from pathlib import Path

from ..config import KEYS, Settings, display


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, Path):
        return json.dumps(display(value), ensure_ascii=False)
    if value is None:
        return '""'
    return json.dumps(value, ensure_ascii=False)


def _values(settings: Settings) -> dict[str, object]:
    return {
        "glossary": list(settings.glossary),
        "default-glossary": settings.default_glossary,
        "select": list(settings.select),
        "ignore": list(settings.ignore),
        "suggestions": settings.suggestions,
        "exclude": list(settings.exclude),
        "encoding": settings.encoding,
        "format": settings.format,
        "allow": [a.phrase for a in settings.allow],
    }


def render(settings: Settings) -> str:
    """Valid TOML: every key, a comment with its origin (``FILE:LINE``, command line, default)."""
    source = display(settings.config) if settings.config else "none (defaults)"
    lines = [f"# configuration: {source}", f"# root: {display(settings.root)}"]
    values = _values(settings)
    width = max(len(f"{k} = {_toml(v)}") for k, v in values.items())
    for key in KEYS:
        if key in values:
            unset = values[key] is None  # TOML has no null: shown as a comment
            assignment = f"{'# ' if unset else ''}{key} = {_toml(values[key])}"
            note = " (not set: detected per file)" if unset else ""
            lines.append(f"{assignment:<{width}}  # {settings.origin(key)}{note}")
    lines.append("")
    lines.append(f"[per-file-ignores]  # {settings.origin('per-file-ignores')}")
    for rule in settings.per_file_ignores:
        lines.append(f"{json.dumps(rule.pattern, ensure_ascii=False)} = {_toml(list(rule.codes))}  # {rule.origin}")
    return "\n".join(lines) + "\n"

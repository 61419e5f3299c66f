"""JSON and JSON Lines renderings of changes.

Chinese stays readable (no ``\\u`` escapes for it), but C1 controls and bidirectional
overrides from the input are written as ``\\uXXXX`` escapes: the data is exact, and a terminal
or a code-review page that shows the JSON cannot be made to reorder or hide text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from ..model import Change

_UNSAFE = re.compile("[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def dumps(value: Any, indent: int | None = None) -> str:
    """``json.dumps`` that keeps non-ASCII text but escapes characters unsafe to display."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def as_json(changes: Iterable[Change]) -> str:
    return dumps([c.as_dict() for c in changes], indent=2)


def as_jsonl(changes: Iterable[Change]) -> str:
    return "".join(dumps(c.as_dict()) + "\n" for c in changes)

"""JSON and JSON Lines renderings of changes."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..model import Change


def as_json(changes: Iterable[Change]) -> str:
    return json.dumps([c.as_dict() for c in changes], ensure_ascii=False, indent=2)


def as_jsonl(changes: Iterable[Change]) -> str:
    return "".join(json.dumps(c.as_dict(), ensure_ascii=False) + "\n" for c in changes)

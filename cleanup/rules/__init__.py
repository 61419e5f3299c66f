"""The rules, in one explicit tuple. Codes are stable and never reused."""

from __future__ import annotations

from collections.abc import Iterable

from . import bp001, dt001, en001, en002, en003, pu001, zh001, zh002, zh003
from .base import Rule

RULES: tuple[Rule, ...] = tuple(
    Rule.from_module(m) for m in (zh001, zh002, zh003, en001, en002, en003, pu001, bp001, dt001)
)
BY_CODE = {rule.code: rule for rule in RULES}


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple[Rule, ...]:
    """Rules whose code starts with a ``select`` prefix (all when empty) and no ``ignore`` prefix."""
    chosen = [p.strip().upper() for p in select if p.strip()]
    dropped = [p.strip().upper() for p in ignore if p.strip()]
    for prefix in chosen + dropped:
        if not any(code.startswith(prefix) for code in BY_CODE):
            raise ValueError(f"unknown rule code or prefix {prefix!r}")
    return tuple(
        rule
        for rule in RULES
        if (not chosen or any(rule.code.startswith(p) for p in chosen))
        and not any(rule.code.startswith(p) for p in dropped)
    )

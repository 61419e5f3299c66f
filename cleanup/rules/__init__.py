"""The rules, in one explicit tuple. Codes are stable and never reused."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from types import ModuleType

from ..model import Finding
from ..scan import Scan
from . import (
    bp001,
    dt001,
    en001,
    en002,
    en003,
    pu001,
    sr001,
    sr002,
    sr003,
    zh001,
    zh002,
    zh003,
    zh004,
    zh005,
)
from .base import Rule

RULES: tuple[Rule, ...] = tuple(
    Rule.from_module(m) for m in (zh001, zh002, zh003, zh004, zh005, en001, en002, en003, pu001, bp001, dt001)
)


def _needs_source(scan: Scan) -> Iterator[Finding]:
    """A source-aware rule finds nothing in one document alone; ``cleanup.source`` runs it."""
    return iter(())


def _source_rule(module: ModuleType) -> Rule:
    return Rule(module.CODE, module.NAME, _needs_source, module.__doc__ or "", module.DEFAULT)


# Rules that compare the English with its Chinese source (``cleanup check --source``).
SOURCE_RULES: tuple[Rule, ...] = tuple(_source_rule(m) for m in (sr001, sr002, sr003))
BY_CODE = {rule.code: rule for rule in RULES + SOURCE_RULES}


def select_rules(
    select: Iterable[str] = (), ignore: Iterable[str] = (), among: Sequence[Rule] = RULES
) -> tuple[Rule, ...]:
    """Rules of ``among`` whose code starts with a ``select`` prefix (all when empty) and no
    ``ignore`` prefix; prefixes are checked against every rule, source-aware ones included."""
    chosen = [p.strip().upper() for p in select if p.strip()]
    dropped = [p.strip().upper() for p in ignore if p.strip()]
    for prefix in chosen + dropped:
        if not any(code.startswith(prefix) for code in BY_CODE):
            raise ValueError(f"unknown rule code or prefix {prefix!r}")
    return tuple(
        rule
        for rule in among
        if (not chosen or any(rule.code.startswith(p) for p in chosen))
        and not any(rule.code.startswith(p) for p in dropped)
    )

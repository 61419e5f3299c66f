"""Word-for-word rendering of a Chinese idiom or set phrase.

What it does
    Finds literal English that machine translation makes of chengyu and set phrases
    (``as clear as the sun in the sky`` for 昭然若揭) and proposes the idiomatic English.

Why is this bad?
    A literal idiom reads as translationese; the meaning survives but the register does not.

Example
    ``the purpose is as clear as the sun in the sky`` → ``the purpose is plain for all to see``.

Fix safety
    Always a suggestion: whether the idiomatic phrase fits the sentence is an editor's call.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding, Safety
from ..scan import Scan
from .en001 import hit_finding

CODE = "EN002"
NAME = "literal-idiom"
DEFAULT = "suggestion"


def _a_side(text: str, start: int, end: int) -> bool:
    """A side as English says it: of something (the US side of the border), or the side one is on
    (negotiators on the EU side)."""
    return text.startswith(" of ", end) or text[max(0, start - 7) : start].lower().endswith("on the ")


def check(scan: Scan) -> Iterator[Finding]:
    for hit in scan.fix_hits:
        if hit.key.role != "idiom":
            continue
        if hit.key.text.lower().endswith(" side") and _a_side(scan.text, hit.start, hit.end):
            continue  # the US side of the border is a place, not MT's 美方 (the US side = the US)
        entry = scan.glossary.entry(hit.key.entry)
        before = scan.text[hit.start : hit.end]
        source = f" ({entry.zh[0]})" if entry.zh else ""
        message = f"'{before}' is a literal rendering{source}; idiomatic: '{entry.en}'"
        yield hit_finding(scan, hit, CODE, message, Safety.SUGGESTION)

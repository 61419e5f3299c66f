"""One term rendered more than one way in a document.

What it does
    A glossary entry may list ``variants``: renderings that are not wrong in themselves
    (``key minerals``) but mean the entry's term (``critical minerals``). When a document also
    uses the approved form, every variant is unified to it, case and number kept. When it uses
    two different variants and never the approved form, a change to the approved form is
    proposed.

Why is this bad?
    A reader meeting ``key minerals`` beside ``critical minerals`` wonders whether they are two
    things; style guides require one term for one concept.

Example
    In an article about ``critical minerals``, ``a key mineral summit`` becomes ``a critical
    mineral summit``.

Fix safety
    Safe when the document itself uses the approved form (it has chosen the term); a
    suggestion otherwise, or when the entry says ``safety: suggestion``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding, Safety
from ..scan import Scan
from .en001 import hit_finding, mentioned

CODE = "EN003"
NAME = "inconsistent-term"
DEFAULT = "safe when the approved form is present, else suggestion"


def check(scan: Scan) -> Iterator[Finding]:
    variants = [h for h in scan.fix_hits if h.key.role == "variant"]
    used: dict[int, set[str]] = {}
    for hit in variants:
        used.setdefault(hit.key.entry, set()).add(hit.key.text.lower())
    for hit in variants:
        if mentioned(scan.text, hit.start, aliases=True):
            continue  # Peking Opera, also known as Beijing Opera: the second name is given on purpose
        entry = scan.glossary.entry(hit.key.entry)
        before = scan.text[hit.start : hit.end]
        if hit.key.entry in scan.approved_entries:
            safety = entry.safety
            message = f"'{before}' and '{entry.en}' both used; use '{hit.key.replacement}'"
        elif len(used[hit.key.entry]) > 1:
            safety = Safety.SUGGESTION
            message = f"'{before}' is one of several renderings of '{entry.en}' here"
        else:
            continue
        yield hit_finding(scan, hit, CODE, message, safety)

"""DT001 reads explicit dates only up to its last relative date. The findings must be those of
a scan of the whole text, whatever the text: checked against that simple form on random texts
built from the pieces that matter (months, days, ordinals, prepositions, glue)."""

from __future__ import annotations

import random

import pytest

from cleanup.api import default_glossary
from cleanup.rules import dt001
from cleanup.rules.dt001 import EXPLICIT, MONTHS
from cleanup.scan import Scan

PIECES = [
    "February", "Feb.", "March", "Sept", "May", "4", "4th", "21st", "12", "31", "the", "on", "On", "of",
    "since", "by", "on the 4th", "on the 5th,", "by the 31st said", "since the 2nd", "February 4", "3 March",
    "May 21st", " ", "  \n", ",", ".", "x", "said", "floor", "local", "century", "4thx", "3May", ", 2015", "2024",
    "the 4th of May", "July",
]  # fmt: skip


def whole_text_before(text: str, pos: int) -> list[dt001.Explicit]:
    """The reference: every explicit date of the whole text that ends by ``pos``."""
    found = [
        (
            m.end(),
            MONTHS[(m.group("month") or m.group("month2")).lower()],
            int(m.group("day") or m.group("day2")),
            dt001.background(text, m),
        )
        for m in EXPLICIT.finditer(text)
    ]
    return [f for f in found if f[0] <= pos]


@pytest.mark.parametrize("seed", range(10))
def test_same_findings_as_a_whole_text_scan(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    glossary = default_glossary()
    texts = ["".join(rng.choice(PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    fast = [[(f.span, f.fix) for f in dt001.check(Scan(t, glossary))] for t in texts]
    reference = []
    for t in texts:
        monkeypatch.setattr(dt001, "_before", lambda explicit, pos, t=t: whole_text_before(t, pos))
        reference.append([(f.span, f.fix) for f in dt001.check(Scan(t, glossary))])
    assert fast == reference
    assert sum(map(len, fast)) > 20  # the texts do hold relative dates that resolve

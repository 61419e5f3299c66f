"""The binary search that finds which earlier changes a later edit touches must find exactly
what a scan of every change with ``_touches`` finds (``cleanup.compose``)."""

from __future__ import annotations

import random

import pytest

from cleanup.compose import _hits, _touches


@pytest.mark.parametrize("seed", range(20))
def test_hits_match_a_scan_of_every_span(seed: int) -> None:
    rng = random.Random(seed)
    starts, ends, pos = [], [], 0
    for _ in range(rng.randint(0, 12)):  # spans in order, not overlapping; some empty (a deletion)
        pos += rng.randint(0, 3)
        starts.append(pos)
        pos += rng.choice((0, 0, 1, 2, 5))
        ends.append(pos)
    for _ in range(200):
        a = rng.randint(0, pos + 3)
        b = a + rng.choice((0, 0, 1, 2, 4))
        expected = {i for i, (s, e) in enumerate(zip(starts, ends)) if _touches(s, e, a, b)}
        assert _hits(starts, ends, a, b) == expected, (starts, ends, a, b)

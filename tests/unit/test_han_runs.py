"""``han_runs`` looks for Han runs only inside non-ASCII stretches (for speed); it must find
exactly what the ``HAN`` pattern finds over the whole text."""

from __future__ import annotations

import random

import pytest

from cleanup.zh import HAN, han_runs

ALPHABET = "ab 1,.\n" + "中国人民日报〇" + "·•・‧" + "，。【】é—" + "\U00020000\U0002a700"


@pytest.mark.parametrize("seed", range(20))
def test_same_runs_as_the_pattern_over_the_whole_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
        assert list(han_runs(text)) == [m.span() for m in HAN.finditer(text)], repr(text)


def test_examples() -> None:
    assert list(han_runs("open, inclusive, and普惠 trade")) == [(20, 22)]
    assert list(han_runs("弗拉基米尔·普京 said，then")) == [(0, 8)]
    assert list(han_runs("plain English")) == []

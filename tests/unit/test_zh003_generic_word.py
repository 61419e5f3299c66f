"""ZH003: a place proposed from CC-CEDICT does not repeat the generic word of the glossary term
after it (泸定 "Luding county" + 县委 "county Party committee")."""

from __future__ import annotations

import pytest

from cleanup.engine import clean
from cleanup.glossary.compiled import Compiled


@pytest.mark.parametrize(("text", "out"), [
    ("the 泸定县委 said", "the Luding county Party committee said"),
    ("the 朝阳区委 met", "the Chaoyang district Party committee met"),
])  # fmt: skip
def test_the_generic_word_is_written_once(text: str, out: str, bundled: Compiled) -> None:
    assert clean(text, bundled, suggestions=True).cleaned == out

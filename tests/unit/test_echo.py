"""Chinese that repeats the English beside it is deleted, not translated twice (``rules.echo``)."""

from __future__ import annotations

import pytest

from cleanup.edits import apply_edits
from cleanup.rules.echo import echo_edits, glued_word_edits


def _cleaned(text: str, han: str, english: tuple[str, ...]) -> str | None:
    start = text.index(han)
    edits = echo_edits(text, start, start + len(han), english)
    return None if edits is None else apply_edits(text, sorted(edits))


@pytest.mark.parametrize(("text", "han", "english", "out"), [
    ("The People’s Daily (人民日报) said", "人民日报", ("People's Daily",), "The People’s Daily said"),
    ("the Global  Times 环球时报", "环球时报", ("Global Times",), "the Global  Times"),
    ("环球时报", "环球时报", ("Global Times",), None),  # nothing beside it
    ("(环球时报)", "环球时报", ("Global Times",), None),
    ("Global Times (环球时报", "环球时报", ("Global Times",), None),  # an unclosed bracket: left alone
    ("the Global Times（ 环球时报 ）said", "环球时报", ("the Global Times",), "the Global Times said"),
    ("环球时报 (Global Times)", "环球时报", ("Global Times",), "Global Times"),
    ("环球时报 (Global Times", "环球时报", ("Global Times",), None),
    ("ZGlobal Times 环球时报", "环球时报", ("Global Times",), None),  # not whole words
    ("环球时报 Global Timesx", "环球时报", ("Global Times",), None),
    ("Global Times 环球时报", "环球时报", ("",), None),
])  # fmt: skip
def test_echo(text: str, han: str, english: tuple[str, ...], out: str | None) -> None:
    assert _cleaned(text, han, english) == out


@pytest.mark.parametrize(("text", "word", "out"), [
    ("fearful懼, kind", "fear", "fearful, kind"),
    ("fearful懼kind", "fear", "fearful kind"),
    ("area贏.", "beat", None),
    ("fear懼", "fear", None),  # the whole word is echo_edits' case
    ("an懼", "an", None),  # too short to tell
    ("懼", "fear", None),
    ("fearful 懼", "fear", None),  # only glued
])  # fmt: skip
def test_glued_word(text: str, word: str, out: str | None) -> None:
    start = text.index("懼") if "懼" in text else text.index("贏")
    edits = glued_word_edits(text, start, start + 1, word)
    assert (None if edits is None else apply_edits(text, sorted(edits))) == out

"""``english.transfer_case``: a replacement takes the case of the text it replaces."""

from __future__ import annotations

import pytest

from cleanup.english import transfer_case


@pytest.mark.parametrize(("matched", "replacement", "out"), [
    ("add bricks and tiles to", "contribute to", "contribute to"),
    ("Add bricks and tiles to", "contribute to", "Contribute to"),
    ("ADD BRICKS AND TILES TO", "contribute to", "CONTRIBUTE TO"),
    ("Add Bricks And Tiles To", "contribute to", "Contribute to"),
    # A replacement with a name in it keeps the name, and starts with a capital where the text did.
    ("robbing the east wall to mend the west wall", "robbing Peter to pay Paul", "robbing Peter to pay Paul"),
    ("Robbing the east wall to mend the west wall", "robbing Peter to pay Paul", "Robbing Peter to pay Paul"),
    ("Minion Houston", "Mignon Houston", "Mignon Houston"),
    ("Iphone", "iPhone", "iPhone"),  # a word with its own capitals keeps them
])  # fmt: skip
def test_transfer_case(matched: str, replacement: str, out: str) -> None:
    assert transfer_case(matched, replacement) == out


def test_a_transcript_speaker_s_colon_starts_a_sentence() -> None:
    from cleanup.english import sentence_start

    text = "Phoenix TV: 据\nCCTV: 据\nMargin: 据"
    first, second, third = (i for i, ch in enumerate(text) if ch == "据")
    assert sentence_start(text, first) and sentence_start(text, second)
    assert not sentence_start(text, third)

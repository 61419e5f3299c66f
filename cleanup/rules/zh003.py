"""Chinese text that no glossary entry covers.

What it does
    Reports every run of Han characters that no glossary key covers, with its pinyin and the
    ``cleanup glossary add`` command that would cover it.

Why is this bad?
    Untranslated Chinese in English text; the tool cannot know the right English without a
    curated entry, so a human must decide.

Example
    ``the affected area贏.`` is reported: ``'贏' (yíng) has no glossary entry``.

Fix safety
    Report only.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..han import UNKNOWN
from ..model import Finding, Origin
from ..scan import Scan
from ..zh import pinyin_of
from .base import report

CODE = "ZH003"
NAME = "unknown-chinese"
DEFAULT = "report"


def check(scan: Scan) -> Iterator[Finding]:
    for piece in scan.han:
        if piece.kind != UNKNOWN:
            continue
        han = scan.text[piece.start : piece.end]
        message = (
            f"'{han}' ({pinyin_of(han)}) has no glossary entry; "
            f"cover it with: cleanup glossary add --zh {han} --en ENGLISH"
        )
        yield report(CODE, piece.start, piece.end, message, Origin("unknown-chinese"))

"""Cut both sides into units (paragraphs or lines) and tell when a pair is obviously wrong.

Paragraphs are blocks separated by blank lines; lines are every line, empty ones included (a
line-aligned file keeps its blank lines in step). A pair is *mismatched* when one side is
empty, when the English is far too short or too long for the Chinese (counted in letters per
Han character), or when the source has several anchors (numbers, glossary terms) and the
English has none of them. These are the cheap signs of a shifted pair that Xbench-style
checkers use; anything subtler is left to the per-pair rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from .pair import Pair

MODES = ("paragraph", "line")
MIN_HAN = 12  # shorter source paragraphs (headlines, bylines) vary too much to judge by length
RATIO = (0.5, 12.0)  # letters of English per Han character, outside which a pair is suspect
MIN_ANCHORS = 3


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    line: int


def units(text: str, mode: str = "paragraph") -> list[Unit]:
    """The paragraphs (or lines) of ``text`` as spans without their surrounding blank space."""
    if mode not in MODES:
        raise ValueError(f"unknown alignment {mode!r}; use {' or '.join(MODES)}")
    out: list[Unit] = []
    pos, line = 0, 1
    block: Unit | None = None
    for raw in _lines(text):
        body = raw.rstrip("\r\n")
        if mode == "line":
            out.append(_trimmed(text, pos, pos + len(body), line))
        elif body.strip():
            block = Unit(block.start, pos + len(body), block.line) if block else Unit(pos, pos + len(body), line)
        elif block is not None:
            out.append(_trimmed(text, block.start, block.end, block.line))
            block = None
        pos += len(raw)
        line += 1
    if block is not None:
        out.append(_trimmed(text, block.start, block.end, block.line))
    return out


def _lines(text: str) -> list[str]:
    """Lines split at ``\n`` only (as line numbers are counted), each with its newline."""
    pieces = text.split("\n")
    lines = [p + "\n" for p in pieces[:-1]]
    return lines + [pieces[-1]] if pieces[-1] else lines


def _trimmed(text: str, start: int, end: int, line: int) -> Unit:
    body = text[start:end]
    lead = len(body) - len(body.lstrip())
    if lead == len(body):
        return Unit(start, start, line)
    return Unit(start + lead, end - (len(body) - len(body.rstrip())), line)


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isascii() and c.isalpha())


def mismatch(pair: Pair) -> str:
    """Why ``pair`` is obviously not source and translation, or "" when it may well be."""
    source, target = pair.source.strip(), pair.target.strip()
    if not source and not target:
        return ""
    if not source or not target:
        return "one side is empty"
    han = pair.source_han
    weight = _letters(target) + 3 * sum(1 for c in target if "\u4e00" <= c <= "\u9fff")
    if han >= MIN_HAN and not RATIO[0] <= weight / han <= RATIO[1]:
        return f"the English has {weight / han:.1f} letters per Chinese character"
    anchors = len(pair.source_quantities) + len(pair.terms)
    if anchors >= MIN_ANCHORS and not pair.found_anchors():
        return f"none of the {anchors} numbers and glossary terms of the source is in the English"
    return ""

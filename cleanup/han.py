"""Split every Han run of a document into pieces the Chinese-residue rules act on.

A run like ``Guan察者网`` is a *mixed token*: machine translation started a transliteration and
gave up. We resolve it through the glossary when the Latin fragment is the pinyin of the
characters the token is missing (``guan`` = 观 → 观察者网 → Observer Network). A glued fragment
that does not resolve is reported as a whole token rather than half fixed. Everything else in
the run is covered with glossary keys, as much of it as they can cover (see ``_match_terms``);
what no key covers is *unknown*.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from .glossary.compiled import Compiled
from .numbers import SMALL_UNITS, chinese_number
from .zh import can_begin, char_table, han_runs, pinyin_matches, strip_tones

if TYPE_CHECKING:
    from .dates import ChineseDate

TERM, MIXED, MIXED_UNKNOWN, UNKNOWN = "term", "mixed", "mixed-unknown", "unknown"
# The number of a member of a numbered series after its key: 十八号 in 神舟十八号 (Shenzhou-18).
SERIES_NUMBER = regex.compile(r"[〇零一二两三四五六七八九十百]{1,4}号[甲乙丙丁]?")
# A model's letter after the number: 长征三号乙 is the Long March-3B.
_MODEL_LETTERS = {"甲": "A", "乙": "B", "丙": "C", "丁": "D"}


@dataclass(frozen=True)
class HanPiece:
    kind: str
    start: int
    end: int
    entry: int = -1  # index into Compiled.entries, for TERM and MIXED
    key: str = ""  # the glossary key (canonical form) that matched
    partial: bool = False  # matched inside a run that also holds unknown Chinese
    number: int = 0  # a member of a numbered series: 18 in 神舟十八号 (the piece covers 十八号 too)
    place: int = -1  # the place entry whose adjective this office takes: 法国 in 法国总统 (covered too)
    person: int = -1  # the person holding this title, named before it: 马克龙 in 马克龙总统 (covered too)
    chain: tuple[int, ...] = ()  # places from the largest, 广东省深圳市: written smallest first (ZH001)


def analyse_han(text: str, glossary: Compiled) -> list[HanPiece]:
    pieces: list[HanPiece] = []
    for start, end in han_runs(text):
        for sub_start, sub_end in _split_at_punctuation(text, start, end, glossary.punct):
            floor = pieces[-1].end if pieces else 0  # Latin already taken by the previous run
            pieces.extend(_mark_partial(_run_pieces(text, sub_start, sub_end, glossary, floor)))
    return pieces


def _mark_partial(pieces: list[HanPiece]) -> list[HanPiece]:
    """Keys found inside a longer untranslated passage are only proposals.

    In ``李强调`` (Li stressed) the name key 李强 matches, but the passage is a clause that a
    human must translate; greedy matching cannot know where the words end.
    """
    if not any(p.kind == UNKNOWN for p in pieces):
        return pieces
    return [replace(p, partial=True) if p.kind in (TERM, MIXED) else p for p in pieces]


def touching_runs(pieces: Sequence[HanPiece]) -> list[list[HanPiece]]:
    """The pieces grouped by the Han run they cover: a run's pieces touch one another."""
    runs: list[list[HanPiece]] = []
    for p in pieces:
        if runs and runs[-1][-1].end == p.start:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def inside(spans: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether ``[start, end)`` lies within one of ``spans`` (merged where they overlap,
    looked up by bisection): the Chinese a date, a quantity or an amount reads."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    starts = [s for s, _ in merged]

    def test(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start) - 1
        return i >= 0 and end <= merged[i][1]

    return test


def dated_runs_whole(pieces: list[HanPiece], dates: Sequence[ChineseDate]) -> list[HanPiece]:
    """The pieces, with keys no longer partial where the only unknown Chinese of their run is
    part of a date or quantity read in English (年 in 2025年春节联欢晚会): such a run is no
    untranslated clause."""
    dated = inside([(d.start, d.end) for d in dates])
    out: list[HanPiece] = []
    for run in touching_runs(pieces):
        if any(p.partial for p in run) and all(dated(p.start, p.end) for p in run if p.kind == UNKNOWN):
            run = [replace(p, partial=False) for p in run]
        out.extend(run)
    return out


def _split_at_punctuation(text: str, start: int, end: int, punct: dict[str, int]) -> list[tuple[int, int]]:
    """Han characters used as punctuation (丨 as a title bar) belong to PU001, not to a word."""
    spans, i = [], start
    for j in range(start, end):
        if text[j] in punct:
            if i < j:
                spans.append((i, j))
            i = j + 1
    if i < end:
        spans.append((i, end))
    return spans


def _latin_before(text: str, pos: int, floor: int) -> int:
    while pos > floor and text[pos - 1].isascii() and text[pos - 1].isalpha():
        pos -= 1
    return pos


def _latin_after(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isascii() and text[pos].isalpha():
        pos += 1
    return pos


def _run_pieces(text: str, start: int, end: int, g: Compiled, floor: int) -> list[HanPiece]:
    pieces: list[HanPiece] = []
    left, right = _latin_before(text, start, floor), _latin_after(text, end)
    if left < start:  # a glued Latin prefix: only this side can be a broken transliteration
        piece = _resolve_left(text[left:start], text[start:end], left, start, g)
        if piece is None:
            piece = _series_in_english(text[left:start], text[start:end], left, start, g)
        if piece is None and looks_transliterated(text[left:start]) and not _all_known(text, start, end, g):
            return [HanPiece(MIXED_UNKNOWN, left, right)]
        if piece is not None:
            pieces.append(piece)
            start = piece.end
    tail: HanPiece | None = None
    if right > end and start < end:
        tail = _resolve_right(text[end:right], text[start:end], end, right, g)
        if tail is not None:
            end = tail.start
    pieces.extend(_place_chain(_with_places(_match_terms(text, start, end, g), g), g))
    if tail is not None:
        pieces.append(tail)
    return pieces


def _all_known(text: str, start: int, end: int, g: Compiled) -> bool:
    """Keys cover the whole run: a capitalised word glued before it is English (``Biden总统``,
    a name before a title), not the first half of a broken transliteration (``Guan察者网``)."""
    return all(p.kind == TERM for p in _match_terms(text, start, end, g))


def _match_terms(text: str, start: int, end: int, g: Compiled) -> list[HanPiece]:
    """Glossary keys covering ``text[start:end]``; gaps become unknown pieces.

    The keys chosen leave the fewest characters uncovered, then are the fewest (the longest),
    then the leftmost longest: ``广东省委书记`` is 广东 + 省委书记 (Guangdong provincial Party
    secretary), not 广东省 (Guangdong Province) + an unknown 委书记, as greedy longest-first
    matching would have it. A run with no key at all costs one lookup per length and position,
    as greedy matching does.
    """
    n = end - start
    # cost[i]: (uncovered characters, keys) of the best cover of text[start + i : end]
    cost: list[tuple[int, int]] = [(0, 0)] * (n + 1)
    step: list[int] = [0] * n  # length of the piece chosen at i; 0 when the character is left uncovered
    key_length: list[int] = [0] * n  # of its key: less than the piece's for a series member (神舟|十八号)
    for i in range(n - 1, -1, -1):
        uncovered, keys = cost[i + 1]
        best, best_step, best_key = (uncovered + 1, keys), 0, 0
        for length in range(min(g.zh_max, n - i), 0, -1):
            key = g.zh.get(text[start + i : start + i + length])
            if key is not None:
                whole = length + _series_number(text, start + i + length, end, g.zh_entry[key] in g.series)
                uncovered, keys = cost[i + whole]
                option = (uncovered, keys + 1)
                if option < best or (option == best and best_step == 0):  # a tie: the key here
                    best, best_step, best_key = option, whole, length
        cost[i], step[i], key_length[i] = best, best_step, best_key
    pieces: list[HanPiece] = []
    i, unknown_from = 0, -1
    while i < n:
        length = step[i]
        if length == 0:
            if unknown_from < 0:
                unknown_from = i
            i += 1
            continue
        if unknown_from >= 0:
            pieces.append(HanPiece(UNKNOWN, start + unknown_from, start + i))
            unknown_from = -1
        key = g.zh[text[start + i : start + i + key_length[i]]]
        number = _member(text[start + i + key_length[i] : start + i + length])
        pieces.append(HanPiece(TERM, start + i, start + i + length, g.zh_entry[key], key, number=number))
        i += length
    if unknown_from >= 0:
        pieces.append(HanPiece(UNKNOWN, start + unknown_from, end))
    return pieces


def _with_places(pieces: list[HanPiece], g: Compiled) -> list[HanPiece]:
    """A place with an adjective right before an office joins it: 法国 + 总统 is one piece, the
    office's, rendered ``French president`` (ZH001). Several places in a row (中美外长) stay apart.
    A person right before a title joins it too, the Chinese order: 马克龙 + 总统 is rendered
    ``President Emmanuel Macron``."""
    if not g.offices or len(pieces) < 2:
        return pieces
    out: list[HanPiece] = []
    for piece in pieces:
        last = out[-1] if out else None
        if last is None or not _adjacent_terms(last, piece) or piece.entry not in g.offices:
            out.append(piece)
        elif last.entry in g.adjectives:
            out[-1] = HanPiece(TERM, last.start, piece.end, piece.entry, piece.key, place=last.entry)
        elif last.entry in g.persons and piece.entry in g.titles:
            out[-1] = HanPiece(TERM, last.start, piece.end, piece.entry, piece.key, person=last.entry)
        else:
            out.append(piece)
    return out


def _place_chain(pieces: list[HanPiece], g: Compiled) -> list[HanPiece]:
    """A run that is nothing but named places from the largest down (广东省深圳市, 上海市浦东新区)
    becomes one piece, written as English writes an address: Shenzhen, Guangdong. A run with
    anything else in it (广东省深圳市人民医院, a name) is left as it is."""
    if len(pieces) < 2 or not g.levels:
        return pieces
    levels = [g.levels.get(p.entry, 0) if p.kind == TERM else 0 for p in pieces]
    ordered = all(a > b > 0 for a, b in zip(levels, levels[1:]))
    if not ordered or not all(_adjacent_terms(a, b) for a, b in zip(pieces, pieces[1:])):
        return pieces
    last = pieces[-1]
    return [HanPiece(TERM, pieces[0].start, last.end, last.entry, last.key, chain=tuple(p.entry for p in pieces))]


def _adjacent_terms(last: HanPiece, piece: HanPiece) -> bool:
    """Two plain terms side by side, neither composed already nor a series member."""
    plain = last.place < 0 and last.person < 0 and last.number == 0 and piece.number == 0 and not last.chain
    return plain and last.kind == TERM and piece.kind == TERM and last.end == piece.start


def _series_number(text: str, pos: int, end: int, series: bool) -> int:
    """The length of a series member's number at ``pos`` (十八号), or 0."""
    if not series:
        return 0
    m = SERIES_NUMBER.match(text, pos, end)
    return len(m.group()) if m and _member(m.group()) else 0


def _member(number: str) -> int:
    """十八号 → 18, 三号乙 → 3; 0 for no number."""
    number = number.rstrip("甲乙丙丁")
    return (chinese_number(number[:-1], SMALL_UNITS) or 0) if number.endswith("号") else 0


def member(piece: HanPiece, text: str) -> str:
    """A series member's designation as English writes it: 18 (神舟十八号), 3B (长征三号乙)."""
    return f"{piece.number}{_MODEL_LETTERS.get(text[piece.end - 1], '')}"


def _resolve_left(latin: str, run: str, left: int, start: int, g: Compiled) -> HanPiece | None:
    """``Guan`` + ``察者网…``: a key = (chars spelled by the Latin) + a prefix of the run; a
    series member's number after it goes with it (``Shen舟二十号``: Shenzhou-20)."""
    first = functools.partial(can_begin, latin)
    for j in range(len(run), 0, -1):
        for form in g.zh_affixes.with_suffix(run[:j], first):
            missing = form[: len(form) - j]
            if pinyin_matches(latin, missing):
                key = g.zh[form]
                entry = g.zh_entry[key]
                extra = _series_number(run, j, len(run), entry in g.series)
                number = _member(run[j : j + extra]) if extra else 0
                return HanPiece(MIXED, left, start + j + extra, entry, key, number=number)
    return None


def _series_in_english(latin: str, run: str, left: int, start: int, g: Compiled) -> HanPiece | None:
    """``Shenzhou`` + ``二十号``: a series named in English, its member's number left in Chinese."""
    entry = g.series_by_english.get(latin.lower()) if g.series else None
    if entry is None or _series_number(run, 0, len(run), True) != len(run):
        return None
    key = next(iter(g.entry(entry).zh), "")
    return HanPiece(MIXED, left, start + len(run), entry, key, number=_member(run))


def _resolve_right(latin: str, run: str, end: int, right: int, g: Compiled) -> HanPiece | None:
    """``…人民`` + ``Ribao``: a key = a suffix of the run + (chars spelled by the Latin)."""
    first = functools.partial(can_begin, latin)
    for j in range(len(run), 0, -1):
        for form in g.zh_affixes.with_prefix(run[-j:], first):
            missing = form[j:]
            if pinyin_matches(latin, missing):
                key = g.zh[form]
                return HanPiece(MIXED, end - j, right, g.zh_entry[key], key)
    return None


def looks_transliterated(latin: str) -> bool:
    """A capitalised fragment that spells pinyin syllables (``Guan``, ``Renmin``), not ``US``."""
    if len(latin) < 2 or not latin[0].isupper() or not latin[1:].islower():
        return False
    return _segments(latin.lower())


@functools.lru_cache(maxsize=4096)
def _segments(word: str) -> bool:
    syllables = _syllables()
    ok = [True] + [False] * len(word)
    for i in range(1, len(word) + 1):
        ok[i] = any(ok[k] and word[k:i] in syllables for k in range(max(0, i - 6), i))
    return ok[-1]


@functools.lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    out = {strip_tones(r) for readings in char_table().values() for r in readings.split(",")}
    interjections = {"n", "m", "ng", "hm", "hng", "r"}
    return frozenset(s for s in out if s.isascii() and s.isalpha() and s not in interjections)

"""CJK punctuation in English text.

What it does
    Replaces Chinese and full-width punctuation (``，。：；！？（）【】《》、``, the doubled
    ellipsis ``……`` and dash ``——``, full-width Latin letters and digits) with English
    punctuation, adding the space English puts after a comma or before an opening bracket, and
    dropping a space that English does not put before a comma or full stop. No space goes
    before a closing quote (``"Really？" she asked`` → ``"Really?" she asked``) or inside a
    time (``10：30`` → ``10:30``).

Why is this bad?
    CJK punctuation is full-width: it breaks the rhythm of English text, and many fonts and
    search tools treat it as foreign.

Example
    ``【By Liu Bai】`` becomes ``[By Liu Bai]``; ``growth，however`` becomes ``growth, however``.

Fix safety
    Safe.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from ..han import TERM, HanPiece
from ..model import Finding
from ..scan import Scan
from ..zh import HAN_CHAR, NON_ASCII
from .base import replace

CODE = "PU001"
NAME = "cjk-punctuation"
DEFAULT = "safe"
OPENERS = "([{\"'“‘«（【《「『〈〖〔［｛"  # an opening mark after a colon or comma takes a space
CURRENCY_SIGNS = "$¥￥€£￡＄"  # so does a price: 价格：￥199 is "price: ¥199"


def _english(scan: Scan, pos: int, entry_index: int, length: int = 1) -> tuple[int, int, str]:
    """The edit for the punctuation mark at ``pos``: span (maybe taking a space) and text."""
    text = scan.text
    entry = scan.glossary.entry(entry_index)
    en = entry.en if not entry.map else unicodedata.normalize("NFKC", text[pos])
    start, end = pos, pos + length
    before = text[pos - 1] if pos else ""
    after = text[end] if end < len(text) else ""
    if entry.space == "around":  # a separator: one space each side, whatever its neighbours
        lead = " " if before and not before.isspace() else ""
        trail = " " if after and not after.isspace() else ""
        return start, end, lead + en + trail
    if entry.space == "after":
        if before == " ":
            start -= 1
        clock = en == ":" and before.isdigit() and after.isdigit()  # 10：30 is 10:30
        if after and not clock and ((after.isalnum() and after not in scan.glossary.punct) or _opens(text, end)):
            en += " "  # not before 丨, itself a mark that brings its own spaces
        elif after in "”’" and text[end + 1 : end + 2].isalpha():
            en, end = f"{en}{after} ", end + 1  # “Yes，”he said: “Yes,” he said
    if entry.space == "before" and before and (before.isalnum() or before in ",.;:”’%"):
        en = " " + en
    return start, end, en


def _opens(text: str, pos: int) -> bool:
    """An opening mark is at ``pos``. A straight quote opens only when a word follows it:
    ``Really？" she asked`` closes the quotation, ``said："No`` opens one."""
    ch = text[pos]
    if ch in "\"'":
        nxt = text[pos + 1 : pos + 2]
        return nxt.isalnum() or nxt in OPENERS
    return ch in OPENERS or ch in CURRENCY_SIGNS


def _non_ascii(text: str) -> Iterator[int]:
    """Offsets of the non-ASCII characters (CJK punctuation is never ASCII); skips English fast."""
    for m in NON_ASCII.finditer(text):
        yield from range(m.start(), m.end())


def _joins(text: str, start: int, end: int) -> bool:
    """A range mark joins two things (5～10, 3%～5%, 北京～上海, 5 ～ 10): a letter, digit or Han
    character on each side (a percent sign on the left), with a space on both sides or on neither
    (day～ See joins nothing)."""
    spaced_left, spaced_right = text[start - 1 : start] == " ", text[end : end + 1] == " "
    left, right = text[:start].rstrip(" "), text[end:].lstrip(" ")
    return spaced_left == spaced_right and (left[-1:].isalnum() or left[-1:] == "%") and right[:1].isalnum()


def _decoration(text: str, start: int, end: int) -> tuple[int, int, str]:
    """A wave dash that joins nothing is decoration (Have a nice day～): deleted with the
    spaces before it. Where it ends a sentence (a capital or the line's end after it, a word
    before it) it is the sentence's full stop: ``a happy life～ Please`` → ``a happy life. Please``."""
    while start > 0 and text[start - 1] == " ":
        start -= 1
    nxt = text[end:].lstrip(" ")[:1]
    ends = nxt == "" or nxt in "\r\n" or nxt.isupper()
    return start, end, "." if ends and text[start - 1 : start].isalnum() else ""


TITLE_MARKS = {"《": 1, "〈": 1, "》": -1, "〉": -1}  # opening marks look right, closing ones left


def _around_outlet(scan: Scan, pos: int) -> bool:
    """Whether the title mark at ``pos`` wraps glossary terms that English writes without quotation
    marks: an outlet (tagged ``outlet``: a newspaper, an agency, a broadcaster) or a law
    (《中华人民共和国刑法》: the Criminal Law of the People's Republic of China)."""
    text = scan.text
    pieces: list[HanPiece] = []
    if TITLE_MARKS[text[pos]] > 0:
        piece = scan.pieces_by_start.get(pos + 1)
        while piece is not None and piece.kind == TERM and len(pieces) < 3:
            pieces.append(piece)
            if text[piece.end : piece.end + 1] in "》〉":
                break
            piece = scan.pieces_by_start.get(piece.end)
        closed = bool(pieces) and text[pieces[-1].end : pieces[-1].end + 1] in "》〉"
    else:
        piece = scan.pieces_by_end.get(pos)
        while piece is not None and piece.kind == TERM and len(pieces) < 3:
            pieces.insert(0, piece)
            if text[piece.start - 1 : piece.start] in "《〈":
                break
            piece = scan.pieces_by_end.get(piece.start)
        closed = bool(pieces) and text[pieces[0].start - 1 : pieces[0].start] in "《〈"
    if not closed:
        return False
    last = scan.glossary.entry(pieces[-1].entry)
    return "outlet" in last.tags or (text[pieces[-1].end - 1] in "法典" and last.en.endswith(("Law", "Code")))


def _apart(text: str, pos: int) -> str:
    """A dropped title mark leaves a space where a word or Chinese would otherwise touch the name."""
    neighbour = text[pos - 1 : pos] if TITLE_MARKS[text[pos]] > 0 else text[pos + 1 : pos + 2]
    return " " if neighbour.isalnum() else ""




def _in_chinese(text: str, start: int, end: int, line_start: int, latin_lines: dict[int, bool], paired: bool) -> bool:
    """Whether a mark belongs to Chinese that stays Chinese: its line has no Latin letter, its
    sentence is all Chinese, or Han is on both sides of it (我们，你们; Han, not another mark, so
    that a run of marks converts in one pass). Its punctuation is left with it, so that Chinese
    left in place is not half English; when the rules put English on either side, the next pass
    writes the mark in English (中国，美国 → China, the United States). A bracket or title mark
    keeps to its line's rule only, so both of a pair change together. ``latin_lines`` keeps
    whether each line (by its start) has a Latin letter: a long line is read once."""
    latin = latin_lines.get(line_start)
    if latin is None:
        line_end = text.find("\n", line_start)
        latin = latin_lines[line_start] = _LATIN.search(text, line_start, line_end if line_end >= 0 else len(text)) is not None
    if not latin:
        return True
    if paired:
        return False  # 《刑法》第…条: both marks of a pair are written in the same pass
    label = text[start] == "：" and _LATIN.match(text[end : end + 4].lstrip(" ")[:1] or " ")  # 第二段：The State …
    if text[start] in "。！？，；：" and not label:  # a mark ending or inside a sentence that is all Chinese: 投资需谨慎。
        sentence = _SENTENCE_START.split(text[max(line_start, start - 300) : start])[-1]
        if sentence and not _LATIN.search(sentence) and HAN_CHAR.search(sentence):
            return True
    before = text[max(line_start, start - 8) : start].rstrip(" ")[-1:]
    after = text[end : end + 8].split("\n", 1)[0].lstrip(" ")[:1]
    return bool(before and after and HAN_CHAR.match(before) and HAN_CHAR.match(after))


_LATIN = regex.compile(r"[A-Za-z]")
_SENTENCE_START = regex.compile(r"[.!?。！？:：]\s*")
_PAIRED = frozenset("《》〈〉（）【】「」『』〖〗〔〕［］｛｝“”‘’")  # both of a pair are written in the same pass


_LIST_MARKER = regex.compile(
    r"(?:(?:^|(?<=\n))[ \t]*(?:#{1,6}[ ]+|[-*+>][ ]+)?|(?<=[:;：；][ ]?))([一二三四五六七八九十]{1,3}|\d{1,2})$"
)  # at a line's start (a heading's #), or after a colon or semicolon: Tips: 1、Bring …; 2、Arrive …
_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}
_CLAUSE_END = regex.compile(r"[,.;:!?，。；：！？\n]|$")
_ABOUT_FIGURES = regex.compile(
    r"(?<!\d)\d、\d(?!\d)[ ]?(?:people|persons|times|days|hours|years|months|weeks|minutes|cases|kilometers|meters"
    r"|percent|children|students|workers|members|rounds|games|visits|households|families)\b"
)
_LIST_GOES_ON = regex.compile(r"[,，][ ]?(?:and|or|etc|等)\b|[,，][ ]?(?:and|or)[ ]")
_ORDINAL_WORD = regex.compile(r"(?i:^|[ ])(?:first|second|third|fourth|fifth|firstly|secondly|thirdly|finally|lastly)[ ]?$")
_AND_BEFORE = regex.compile(r"\b(?:and|or)\b|和|及|与")
_GOES_ON = regex.compile(r"、|\b(?:and|or|etc)\b|等|之类|和|及|与|或")  # 河南、山东和河北: the 和 is the "and"


# A title before 、 and the name after it: one person (spokesperson、Senior Colonel Zhang Xiaogang).
_TITLE_BEFORE = regex.compile(
    r"(?<![\w'’])(?i:spokesperson|spokeswoman|spokesman|director|chairman|chairwoman|president|minister|secretary"
    r"|deputy|head|chief|commander|member|professor|researcher|reporter|correspondent)$"
)
_ENDED = regex.compile(r"[.?!…][\"'”’)]?$")  # a sentence's own end mark, maybe inside its closing quote
_ORDINAL_BEFORE = regex.compile(
    r"(?:第[一二三四五六七八九十]{1,3}|(?<![\w'’])(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|firstly|secondly|thirdly|finally|lastly))$"
)


def _enumeration(text: str, pos: int, start: int, end: int, en: str) -> tuple[int, int, str]:
    """A list's last 、 is " and " (safety、health、jobs: safety, health and jobs, AP's series
    without the last comma); one after a heading's number is the number's full stop (1、 → 1.,
    一、 → 1.). Not when the list goes on with "and", "or" or 等 (etc.)."""
    marker = _LIST_MARKER.search(text, max(0, pos - 8), pos)
    if marker is not None and not text[pos + 1 : pos + 2].isdigit():  # 2、3 people: two or three, no heading
        number = marker.group(1)
        figure = number if number.isdigit() else str(_chinese_small(number))
        return marker.start(1), pos + 1, f"{figure}. "
    if _ORDINAL_BEFORE.search(text, max(0, pos - 10), pos) or _TITLE_BEFORE.search(text, max(0, pos - 16), pos):
        return start, end, "," + ("" if text[end : end + 1] == " " else " ")  # 第一、Strengthen: First, Strengthen
    if pos > 0 and _ABOUT_FIGURES.match(text, pos - 1):
        return start, end, " or "  # 2、3 people: two or three, as Chinese writes a rough count
    rest = text[pos + 1 : pos + 200]
    stop = _CLAUSE_END.search(rest)
    clause = rest[: stop.start()] if stop is not None else rest
    head = text[max(0, pos - 200) : pos]
    earlier = head[max((head.rfind(c) for c in ",.;:!?，。；：！？\n"), default=-1) + 1 :]
    after_clause = rest[stop.start() : stop.start() + 8] if stop is not None else ""
    if _GOES_ON.search(clause) or _AND_BEFORE.search(earlier) or _LIST_GOES_ON.match(after_clause):
        return start, end, en  # Guizhou and Gansu、Qinghai; income、housing、education, and health care
    if _ORDINAL_WORD.search(earlier):
        return start, end, en  # first、cost: a point of a list, not its last item
    return start, end, " and" + ("" if text[end : end + 1] == " " else " ")


def _chinese_small(number: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20: a heading's number."""
    if len(number) == 1:
        return _NUMERALS[number]
    tens, _, ones = number.partition("十")
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0)


def check(scan: Scan) -> Iterator[Finding]:
    table = scan.glossary.punct
    text = scan.text
    if not table or text.isascii():
        return
    runs = scan.glossary.punct_runs
    taken = 0
    latin_lines: dict[int, bool] = {}
    line_start = seen = 0
    for pos in _non_ascii(text):
        if pos < taken:
            continue  # inside a mark of several characters
        ch = text[pos]
        longer = runs.get(ch)  # most marks are one character: no search for those
        mark = next((key for key in longer if text.startswith(key, pos)), ch) if longer else ch
        index = table.get(mark)
        if index is None:
            continue
        taken = pos + len(mark)
        entry = scan.glossary.entry(index)
        newline = text.rfind("\n", seen, pos)  # marks come in order: each stretch of text is searched once
        line_start, seen = (newline + 1 if newline >= 0 else line_start), pos
        if not entry.map and _in_chinese(text, pos, pos + len(mark), line_start, latin_lines, mark in _PAIRED):
            continue  # 本次会话已结束，感谢您的使用。 stays whole: no half-English line
        start, end, en = _english(scan, pos, index, len(mark))
        if mark == "、":
            start, end, en = _enumeration(text, pos, start, end, en)
        elif mark in ("。", "｡") and _ENDED.search(text, max(0, pos - 3), pos):
            start, end, en = pos, pos + 1, ""  # "…all parties."。 and right?。: the sentence has its mark
        if mark in TITLE_MARKS and _around_outlet(scan, pos):
            start, end, en = pos, pos + 1, _apart(text, pos)  # 《人民日报》: People's Daily, unquoted
        if en.strip() == "-" and not _joins(text, pos, pos + len(mark)):
            start, end, en = _decoration(text, pos, pos + len(mark))  # Have a nice day～: no range
        name = unicodedata.name(ch, "U+%04X" % ord(ch)).lower() + (f" ×{len(mark)}" if len(mark) > 1 else "")
        message = f"CJK punctuation '{mark}' ({name})"
        yield replace(CODE, start, end, en, entry.safety, message, entry.origin)

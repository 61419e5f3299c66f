"""Chinese date, clock time, percentage or approximate number left in English text.

What it does
    Finds dates, times, percentages and approximate numbers written the Chinese way
    (``2024年3月5日``, ``3月``, ``5日``, ``10时30分``, ``百分之五``, ``100多个``, with digits or
    Chinese numerals), ordinals (``第二十三条``, ``第十四届``, ``第一季度``) and quantities
    (``十年``, ``35岁``, ``3万人``), and writes them as English does: ``March 5, 2024``,
    ``March``, ``the 5th``, ``10:30``, ``5 percent``, ``more than 100``, ``Article 23``,
    ``14th``, ``first quarter``, ``10 years``, ``35 years old``, ``30,000 people``; also
    units of measure (``45亿立方米``: 4.5 billion cubic meters, ``35摄氏度``: 35 degrees Celsius),
    ages before a noun (``the 56岁 patient``: the 56-year-old patient), shares (``两成``: 20
    percent, ``千分之五``: 0.5 percent), ranges (``3月1日到3月5日``: March 1 to March 5), parts and
    ends of days, months and years (``3月5日下午``: the afternoon of March 5, ``9月底``: the end
    of September), decades and centuries (``20世纪80年代``: the 1980s), lunar dates (``正月十五``),
    race times and scores (``46秒40``: 46.40 seconds, ``以3比1``: 3-1) (see ``cleanup.dates``
    for what is read and what is left alone). One inside a glossary term is the term's (第一季度报告).
    A counter between a figure and an English noun is dropped (``12名 doctors``: 12 doctors),
    and numerals standing alone become figures (``三十四 nurses``: 34 nurses). An agency
    dateline is written as the agency's English edition writes it: ``新华社北京3月5日电`` becomes
    ``BEIJING, March 5 (Xinhua) --`` when a glossary term names the city (``cleanup.datelines``).

Why is this bad?
    The Chinese characters are unreadable to an English reader, and read one by one (年 "year",
    月 "moon", 日 "sun") they give nonsense; the date itself is not in doubt.

Example
    ``The meeting was held on 2024年3月5日 in Beijing.`` becomes ``The meeting was held on
    March 5, 2024 in Beijing.``; ``on 5日`` becomes ``on the 5th``, which DT001 then dates from
    the article's month.

Fix safety
    Safe when the date stands apart from other Chinese; a suggestion when it touches Chinese no
    entry covers (part of an untranslated clause, which a human must reword as a whole), for a
    shop's discount (``8折``: 20% off) and for a score with no game in the English around it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

import regex

from ..datelines import datelines
from ..dates import HEDGE_BEFORE, MONTH_NAMES, ChineseDate
from ..english import THE_BEFORE, capitalise, ordinal_needs_the, said_next, sentence_start, singular
from ..han import MIXED, TERM
from ..model import Edit, Finding, Fix, Origin, Safety, Span
from ..scan import Scan
from ..zh import has_han
from .base import han_padding, replace_after_article
from .echo import bracketed, echo_edits
from .zh001 import term_ends_at

CODE = "ZH005"
NAME = "chinese-date"
DEFAULT = "safe; suggestion inside an untranslated clause"
_ORIGINS = {
    kind: Origin(f"chinese-{kind}")
    for kind in ("date", "time", "percentage", "number", "ordinal", "quantity", "discount", "score", "counter", "unit")
}
DATELINE = Origin("agency-dateline")


def _datelines(scan: Scan) -> Iterator[Finding]:
    """新华社北京3月5日电 → BEIJING, March 5 (Xinhua) --, when a glossary term names the city."""
    text = scan.text
    for line in datelines(text) if scan.han else ():
        piece = scan.pieces_by_start.get(line.city[0])
        if piece is None or piece.kind != TERM or piece.end != line.city[1]:
            continue
        english = line.english(scan.glossary.entry(piece.entry).en)
        if line.end < len(text) and (text[line.end].isalnum() or text[line.end] in "\"“"):
            english += " "  # a bracket after it (（记者…）) is spaced by PU001
        message = f"Chinese agency dateline '{text[line.start : line.end]}' left in English: {english.strip()}"
        yield Finding(CODE, Span(line.start, line.end), message, Fix((Edit(Span(line.start, line.end), english),), Safety.SAFE), DATELINE)


# A word after an ordinal that it may modify: 第三届 Expo (the third Expo), not "in" (ranked 第一 in
# the table: ranked first) nor "the" (the 第5次 the event was held: the fifth time).
_NOUN_AFTER = regex.compile(
    r"[ ]?(?!(?i:in|on|at|of|for|with|among|by|to|from|the|a|an|and|or|but|place|this|that|since|after|before|as|than"
    r"|overall|worldwide|nationwide|again|[a-z]+ly)\b)[A-Za-z\p{Han}]"  # or a glossary term: 第十一届北京香山论坛
)
_MASS_AFTER_OF = regex.compile(r" of (?:[a-z][\w-]* ){0,2}(?:supplies|goods|materials|equipment|clothing|luggage|furniture|merchandise|produce|relics|artifacts)\b")
_FULL_DATE = regex.compile(r"[A-Z][a-z]+ \d{1,2}, \d{4}")
# The preposition English puts before a date: "at" a time or a period's start or end, "on" a day
# or a part of one, "in" a month, a year or a part of a month.
_MOMENT = regex.compile(
    r"(?:around |about )?(?:\d{1,2}(?::\d\d)? [ap]\.m\.|noon|midnight) on .+|the (?:start|end|beginning) of .+"
)
_DAY = regex.compile(
    rf"(?:{MONTH_NAMES}) \d{{1,2}}(?:, \d{{4}})?"
    r"|the (?:morning|afternoon|evening|night|early hours|early morning) of .+"
)
_MONTH = regex.compile(
    rf"(?:mid-|early |late )?(?:{MONTH_NAMES})"
    r"(?: \d{4})?|\d{4}"
)
_DAY_NEXT = regex.compile(r"[ ]?(?:the[ ])?\d")
_PREPOSITION_BEFORE = regex.compile(r"(?<![\w'’])(?:[Oo]n|[Ii]n|[Aa]t)[ ]$")
_NTH = regex.compile(r"the \d{1,2}(?:st|nd|rd|th)")
_SAID_BEFORE = regex.compile(r"(?<![\w'’])(?:said|announced|reported|confirmed|added|stated|revealed|noted)[ ]$")


def _preposition_for(english: str, text: str, end: int) -> str | None:
    """The preposition a date's English takes (at 9 a.m. on March 5, at the end of 2021, on March
    15, on the evening of March 15, in December 2023, in mid-December), or ``None``; a month with a
    day after it in the text (On 5月 the 4th) keeps the writer's."""
    if _MOMENT.fullmatch(english):
        return "at"
    if _DAY.fullmatch(english):
        return "on"
    if _MONTH.fullmatch(english) and not _DAY_NEXT.match(text, end):
        return "in"
    return None


_DETERMINER_BEFORE = regex.compile(r"(?<![\w'’])(?i:the|its|their|his|her|our|this|that|[A-Za-z][\w-]*['’]s)[ ]$")
_THE_EARLY_BEFORE = regex.compile(r"(?<![\w'’])(?i:the) (?i:early|late|mid|middle)[ -]?$")
_LOWER_WORD_AFTER = regex.compile(r"[ ][a-z]")
# A law's English name right before its article number: English puts the article first.
_LAW_BEFORE = regex.compile(
    r"(?P<the>(?<![\w'’])[Tt]he )?(?P<law>(?:(?!(?:Under|In|At|On|By|According|Pursuant|With|From|For|To|As|After|Before"
    r"|Of|And|Its|His|Her|Their|This|That|These|A|An|The)\b)[A-Z][\w'’-]*[ ](?:(?:of|on|for|and|the)[ ])*){0,8}"
    r"(?:Law|Code|Constitution|Ordinance|Regulations)(?:[ ](?:on|of|for)(?:[ ](?:[A-Z][\w'’-]*|of|and|the|on|for|to|in)){1,12})?)[ ]?$"
)
_DOCUMENT_BEFORE = regex.compile(  # The regulation第三条: Article 3 of the regulation
    r"(?P<the>(?<![\w'’])[Tt]he )(?P<law>(?:(?:draft|new|revised|amended|interim|new draft) )?(?:regulations?|plan|law|rules"
    r"|measures|constitution|contract|agreement|notice|guidelines?|convention|charter|treaty|bill|code|provisions"
    r"|decision|opinions|document|report|policy|circular))[ ]?$"
)
_LAW_TITLE = regex.compile(r"^[A-Z].*\b(?:Law|Code|Constitution|Regulations)$")


def _chinese_law_before(scan: Scan, pos: int) -> tuple[int, str, Safety] | None:
    """The law a glossary term names right before ``pos`` (in title marks or not, "the" before
    it taken in): where its part begins, the law's English and the entry's safety."""
    text = scan.text
    pos -= text[pos - 1 : pos] == " "  # 刑法 第二百六十六条, after 《》 gave way to a space
    closed = text[pos - 1 : pos] in ("》", "〉")
    end = pos - 1 if closed else pos
    piece = scan.pieces_by_end.get(end)
    if piece is None or piece.kind != TERM:
        return None
    entry = scan.glossary.entry(piece.entry)
    if not _LAW_TITLE.match(entry.en):
        return None
    begin = piece.start
    if closed:
        if text[begin - 1 : begin] not in ("《", "〈"):
            return None
        begin -= 1
    the = THE_BEFORE.search(text, max(0, begin - 4), begin)
    return (the.start() if the is not None else begin), entry.en.removeprefix("the "), entry.safety


_PARTS = ("Article ", "Chapter ", "Section ", "Clause ", "Paragraph ")
_OF_PLURAL = regex.compile(r" of(?! (?:the|these|those|its|their|our|his|her|this|that)\b)(?= (?:[a-z][\w-]* ){0,3}[a-z]+s\b)")
_COUNTERS_OF = (" person-times", " vehicles", " households", " sorties", " units", " items")  # 3万辆 of cars: 30,000 cars
_ONE_THEN_PLURAL = regex.compile(r"[ ]?([a-z]+s)\b(?![ ]of\b)")  # one of them stays


def _unit_said_after(text: str, end: int, english: str) -> str:
    """The reading without its last word when the English after the Chinese says that word
    (or its plural): MT kept the unit, so ``30周年 anniversary`` is the 30th anniversary, not
    "30th anniversary anniversary"."""
    head, _, last = english.rpartition(" ")
    return head if head and said_next(text, end, last) else english


_PERIODS = regex.compile(r"(?:first|second) half|(?:first|second|third|fourth) quarter|first (?:two|three) quarters")


def _period_after(scan: Scan, date: ChineseDate) -> tuple[int, str] | None:
    """A part of the year a glossary term names right after a year (2025年上半年): where it ends,
    and the English "the first half of 2025"."""
    piece = scan.pieces_by_start.get(date.end)
    if piece is None or piece.kind != TERM:
        return None
    english = scan.glossary.entry(piece.entry).en.removeprefix("the ")
    if not _PERIODS.fullmatch(english):
        return None
    return piece.end, f"the {english} of {date.english}"


def _term_starts(scan: Scan, pos: int) -> bool:
    """Whether a glossary term (not a name that takes no article) starts at ``pos``."""
    piece = scan.pieces_by_start.get(pos)
    g = scan.glossary
    return piece is not None and piece.kind == TERM and piece.entry not in g.adjectives and piece.entry not in g.levels


def _known_ends(scan: Scan, pos: int, date_ends: set[int]) -> bool:
    """Whether a whole glossary term or a Chinese date ends at ``pos`` (not a key inside a clause)."""
    piece = scan.pieces_by_end.get(pos)
    return (piece is not None and piece.kind == TERM and not piece.partial) or pos in date_ends


def _known_starts(scan: Scan, pos: int, date_starts: set[int]) -> bool:
    """Whether a whole glossary term or a Chinese date starts at ``pos``."""
    piece = scan.pieces_by_start.get(pos)
    return (piece is not None and piece.kind == TERM and not piece.partial) or pos in date_starts


def check(scan: Scan) -> Iterator[Finding]:
    text = scan.text
    lines = list(_datelines(scan))
    yield from lines
    known = [(p.start, p.end) for p in scan.han if p.kind in (TERM, MIXED)] if scan.chinese_dates else []
    known += [(f.span.start, f.span.end) for f in lines]
    known.sort()
    date_starts, date_ends = {d.start for d in scan.chinese_dates}, {d.end for d in scan.chinese_dates}
    for date in scan.chinese_dates:
        origin = _ORIGINS[date.kind]  # chinese-date, chinese-quantity, chinese-time ...: what the log names
        i = bisect.bisect_right(known, (date.start, len(text))) - 1
        if i >= 0 and known[i][0] <= date.start and date.end <= known[i][1]:
            continue  # inside a glossary term: 第一季度报告 is the entry's (first-quarter report)
        before, after = text[date.start - 1 : date.start], text[date.end : date.end + 1]
        per = date.kind == "unit"  # 元/吨: the amount before is ZH004's, which writes it in English
        clause = (has_han(before) and not per and not _known_ends(scan, date.start, date_ends)) or (
            has_han(after) and not _known_starts(scan, date.end, date_starts)
        )  # 2025年春节联欢晚会: a term or another date beside it is no untranslated clause
        guess = date.kind == "discount" or not date.sure  # 减3: a cut, or 3 off; 3比1 with no game in sight
        safety = Safety.SUGGESTION if clause or guess else Safety.SAFE
        said = date.english or "delete it (English counts without it)"
        message = f"Chinese {date.kind} '{text[date.start : date.end].strip()}' left in English: {said}"
        english = _unit_said_after(text, date.end, date.english)
        if _FULL_DATE.fullmatch(english) and _LOWER_WORD_AFTER.match(text, date.end):
            english += ","  # until 2024年12月31日 at the museum: December 31, 2024, at (AP)
        if text[date.end : date.end + 1] == "." and english.endswith("."):
            english = english[:-1]  # 8:30 p.m. at a sentence's end: one full stop
        noun_said = " " in english.strip()  # 第一季度: first quarter, the noun is in the English
        if date.kind == "ordinal" and (noun_said or _NOUN_AFTER.match(text, date.end)) and ordinal_needs_the(text, date.start, english):
            english = f"the {english}"  # 第三届 Expo will open: The third Expo; attended 第二届 Expo: the second
        if english.isdigit() and len(english) == 4 and sentence_start(text, date.start) and _term_starts(scan, date.end):
            english = f"the {english}"  # 2025年春运 kicked off: The 2025 Spring Festival travel rush
        if english.startswith("the ") and _THE_EARLY_BEFORE.search(text, max(0, date.start - 16), date.start):
            english = english.removeprefix("the ")  # in the early 1980年代: in the early 1980s
        if english[:1].islower() and sentence_start(text, date.start):
            english = capitalise(english)  # 三百余名 patients came: More than 300 patients
        english = han_padding(text, date.start, date.end, english) if english else ""  # a dropped counter and its space
        if has_han(before) and not per and (text[date.start].isdigit() or term_ends_at(scan, date.start)):
            english = english.removeprefix(" ")  # the Chinese before pads itself toward a digit or this run
        if before in "x×" and text[date.start - 2 : date.start - 1].isdigit():
            english = english.removeprefix(" ")  # a relay: 4x100米 is 4x100-meter
        ours = next((h for h in ("more than ", "about ") if english.startswith(h)), None)
        hedge = HEDGE_BEFORE.search(text, max(0, date.start - 16), date.start) if ours else None
        if ours and hedge is not None and hedge.group().strip().lower() != ours.strip():
            english = english.removeprefix(ours)  # over 3000多亩, about 6年左右: the English word is the writer's
            yield replace_after_article(text, CODE, date.start, date.end, english, safety, message, origin)
            continue
        if hedge is not None:  # more than 200多家: the English already hedges; say it once
            english = (english[0].upper() if hedge.group()[0].isupper() else english[0].lower()) + english[1:]
            fix = Fix((Edit(Span(hedge.start(), date.end), english),), safety)
            yield Finding(CODE, Span(date.start, date.end), message, fix, origin)
            continue
        law = None
        if english.strip().startswith(_PARTS):
            law = _LAW_BEFORE.search(text, max(0, date.start - 120), date.start) or _DOCUMENT_BEFORE.search(
                text, max(0, date.start - 40), date.start
            )
        if law is not None and text[max(0, law.start() - 40) : law.start()].rstrip(" ").endswith(f"{english.strip()} of"):
            gone = Edit(Span(date.start - (text[date.start - 1 : date.start] == " "), date.end), "")
            yield Finding(CODE, Span(date.start, date.end), f"{message}; the English before says it", Fix((gone,), safety), origin)
            continue  # Article 10 of the Advertising Law第十条: said already
        period = _period_after(scan, date) if date.english.isdigit() and len(date.english) == 4 else None
        if period is not None:  # 2025年上半年: the first half of 2025
            end, english_period = period
            if _DETERMINER_BEFORE.search(text, max(0, date.start - 12), date.start):
                english_period = english_period.removeprefix("the ")  # The 2024年上半年 data: The first half of 2024 data
            part = english_period if not sentence_start(text, date.start) else capitalise(english_period)
            part = han_padding(text, date.start, end, part)
            yield Finding(CODE, Span(date.start, date.end), message, Fix((Edit(Span(date.start, end), part),), safety), origin)
            continue
        chinese_law = _chinese_law_before(scan, date.start) if law is None and english.strip().startswith(_PARTS) else None
        if chinese_law is not None:  # 《刑法》第二百六十六条: Article 266 of the Criminal Law
            begin, title, entry_safety = chinese_law
            part = english.strip() + " of the " + title
            if sentence_start(text, begin):
                part = capitalise(part)
            clause = has_han(text[begin - 1 : begin]) or has_han(after) or guess  # the law's Chinese is no clause
            kept = Safety.SUGGESTION if clause or entry_safety == Safety.SUGGESTION else Safety.SAFE
            message = f"{message}; the law it belongs to comes after it: {part}"
            part = han_padding(text, begin, date.end, part)
            yield Finding(CODE, Span(date.start, date.end), message, Fix((Edit(Span(begin, date.end), part),), kept), origin)
            continue
        if law is not None:  # the Criminal Law第二百二十四条: Article 224 of the Criminal Law
            part = f"{english.strip()} of the {law.group('law')}"
            if law.group("the") and law.group("the")[0] == "T":
                part = part[0].upper() + part[1:]
            yield Finding(CODE, Span(date.start, date.end), message, Fix((Edit(Span(law.start(), date.end), part),), safety), origin)
            continue
        the = THE_BEFORE.search(text, max(0, date.start - 4), date.start) if english.startswith(_PARTS) else None
        if the is not None:  # The 第二十三条 was amended: Article 23, a name that takes no "the"
            yield Finding(CODE, Span(date.start, date.end), message, Fix((Edit(Span(the.start(), date.end), english),), safety), origin)
            continue
        counter = next((c for c in _COUNTERS_OF if english.endswith(c)), None)
        visits = _OF_PLURAL.match(text, date.end) if counter is not None else None
        if counter == " items" and _MASS_AFTER_OF.match(text, date.end):
            visits = None  # 2万件 of relief supplies: 20,000 items of relief supplies (supplies are not counted)
        if counter is not None and visits is not None:  # 35万人次 of visitors: 350,000 visitors, not "person-times of visitors"
            english = english.removesuffix(counter)
            yield replace_after_article(text, CODE, date.start, visits.end(), english, safety, message, origin)
            continue
        one = _ONE_THEN_PLURAL.match(text, date.end) if english.strip().lower() in ("one", "1") else None
        if one is not None and singular(one.group(1)) != one.group(1):  # 一位 netizens: one netizen
            english = english + one.group().replace(one.group(1), singular(one.group(1)))
            yield replace_after_article(text, CODE, date.start, one.end(), english, safety, message, origin)
            continue
        echo = echo_edits(text, date.start, date.end, (english.strip(),)) if bracketed(text, date.start, date.end) else None
        if echo is not None:  # March 5 (3月5日): the English before says it
            yield Finding(CODE, Span(date.start, date.end), f"{message}; it repeats the English beside it", Fix(echo, safety), origin)
            continue
        wanted = _preposition_for(english.strip(), text, date.end)
        prep = _PREPOSITION_BEFORE.search(text, max(0, date.start - 3), date.start) if wanted else None
        if prep is None and _NTH.fullmatch(english.strip()) and _SAID_BEFORE.search(text, max(0, date.start - 12), date.start):
            english = "on " + english.lstrip()  # The ministry said 15日 that: said on the 15th that
        if prep is not None and wanted and prep.group().strip().lower() != wanted:
            # On 3月5日上午9时: At 9 a.m. on March 5; filed on 2023年12月: in December 2023
            at = (wanted.capitalize() if prep.group()[0].isupper() else wanted) + " " + english.lstrip()
            yield Finding(CODE, Span(date.start, date.end), message, Fix((Edit(Span(prep.start(), date.end), at),), safety), origin)
            continue
        yield replace_after_article(text, CODE, date.start, date.end, english, safety, message, origin)



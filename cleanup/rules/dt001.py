"""Relative day of the month (``on the 4th``) where English news gives the date.

What it does
    Chinese news writes ``4日`` (the 4th) and relies on the dateline for the month; machine
    translation keeps ``on the 4th``. When the article names exactly one month in its explicit
    dates before that point (``On February 4th, ...``), ``the 4th`` becomes ``February 4``.
    When it names several months, the change is proposed with the month of the first of them,
    for an editor to confirm: Chinese copy's ``5日`` is the dateline's month, which the lead gives
    first, and later explicit dates are mostly background (``On February 4th ... on January 13
    ... on the 5th``: February 5). After a date weeks later in that month (``December 28 ... on
    the 2nd``) the next month is proposed (January 2), also for an editor to confirm. The second day of a range takes the first day's month and is written alone
    (``from the 3rd to the 5th`` → ``from October 3 to 5``; ``on the 10th and 11th`` → ``on
    October 10 and 11``). Ordinals that are not dates (``the 4th floor``, ``the 20th century``,
    ``the 5th of July``) are left alone.

Why is this bad?
    An English reader has no dateline to resolve ``the 4th``; agency style (AP, Reuters) gives
    the month and day.

Example
    After ``On February 4th, ...``, ``in Washington on the 4th, with`` becomes
    ``in Washington on February 4, with``.

Fix safety
    Safe only when one month is named before; a suggestion when several are; nothing when none.
"""

from __future__ import annotations

import bisect
import calendar
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..model import Finding, Origin, Safety
from ..numbers import ordinal
from ..scan import Scan
from .base import replace

LATER_GAP = 7  # days after the latest date given that make a day more likely last month's (or a plan)
TURNING_GAP = 20  # days between a date and a smaller relative day after it that may be next month's
CODE = "DT001"
NAME = "relative-date"
DEFAULT = "safe only when unambiguous"

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted((m.title() for m in MONTHS), key=len, reverse=True)) + r")\.?"
EXPLICIT = regex.compile(
    rf"(?:(?<![A-Za-z0-9_]){_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace('month', 'month2')}(?![A-Za-z0-9_]))"
    r"(?P<year>,?\s+(?:19|20)\d\d(?!\d))?"
)
Explicit = tuple[int, int, int, bool]  # an explicit date's end, month, day, and whether a year follows
# Starts with the literal ``the `` so that the engine can skip ahead; the preposition is checked
# behind it (``prep``), and ``check`` keeps the old scan's rule that a match's trailing word
# cannot be the next match's preposition.
RELATIVE = regex.compile(
    r"(?P<span>the (?P<day>\d{1,2})(?:st|nd|rd|th))(?![A-Za-z0-9_])"
    r"(?<=(?<![A-Za-z0-9_])(?P<prep>[Oo]n|[Oo]f|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Bb]efore|[Aa]fter) the \d{1,2}"
    r"(?:st|nd|rd|th))(?P<next>\s*(?P<word>[A-Za-z]+)?)"
)
# The second day of a range right after a relative date: ``from the 3rd to the 5th``, ``on the
# 10th and 11th``. It takes the first day's month and is written as the day alone.
RANGE_END = regex.compile(
    r"\s*(?:to|and|through|till|until|-|–)\s*(?P<span>(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th))(?![A-Za-z0-9_])"
    r"(?P<next>\s*(?P<word>[A-Za-z]+)?)"
)
# A later day of a list: ``on the 6th, 7th and 8th``. Each takes the first day's month, as a range's end does.
LIST_NEXT = regex.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+)(?P<span>(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th))(?![A-Za-z0-9_])"
    r"(?P<next>\s*(?P<word>[A-Za-z]+)?)"
)
# A word before "on the 18th" that makes the ordinal no day: a golf hole, a lap, a floor.
_NOT_A_DAY_BEFORE = regex.compile(
    r"(?<![\w'’])(?i:birdie|birdied|bogey|bogeyed|eagle|eagled|par|parred|hole|green|tee|fairway|bunker|putt|lap|floor"
    r"|storey|inning|innings|pick|seed)s?[ ]$"
)
# A future event after the latest date given (On March 10 … will open on the 2nd): a day before
# that date's is next month's.
_FUTURE_BEFORE = regex.compile(r"(?<![\w'’])(?i:will|shall|to be|due|scheduled|set to|expected to|plans? to)\b[^.!?\n]{0,60}$")
FOLLOWERS = frozenset(
    "local and but when while with in at to for as he she it they we this that said says "
    "saying stated according which who where during after before amid was were is are will would "
    "has have had".split()
)
ORIGIN = Origin("relative-date")


def _is_date_use(match: regex.Match[str]) -> bool:
    word = match.group("word")
    if word is None:
        return True
    if word == "of" or word[0].isupper():
        return False
    return word in FOLLOWERS or word.endswith(("ed", "ing"))


def _explicit_months(text: str, stop: int) -> list[Explicit]:
    """``(end, month, day, background)`` of every explicit date ending by ``stop``, scanned once per
    document; a date given with its year or one something takes effect on is background.

    An explicit date cannot contain the preposition a relative date starts with, so the dates
    ending before a relative date are the ones a scan stopped there would find. The scan stops
    at the last relative date's preposition: a date ending there would end in a word character
    glued to the preposition, which cannot start after one, so the text's end at ``stop`` changes
    no match, and the rest of the document is never read.
    """
    found = EXPLICIT.finditer(text, 0, stop)
    return [
        (
            m.end(),
            MONTHS[(m.group("month") or m.group("month2")).lower()],
            int(m.group("day") or m.group("day2")),
            background(text, m),
        )
        for m in found
    ]


# A date something takes effect on or is due by looks ahead: it is background, not the dateline
# (``raised, effective September 1 … adjusted on the 1st``: the 1st is likely this month's).
_EFFECTIVE = regex.compile(
    r"(?i:effective|effective from|starting|starting from|beginning|until|till|by|deadline of|takes effect on"
    r"|take effect on|will take effect|due on|due by)(?: on)? $"
)


def background(text: str, m: regex.Match[str]) -> bool:
    """Whether an explicit date is background rather than the article's own: given with its year
    (``founded on December 8, 2015``), or a date something takes effect on or is due by."""
    return m.group("year") is not None or _EFFECTIVE.search(text, max(0, m.start() - 28), m.start()) is not None


def _chinese_months(scan: Scan, stop: int) -> list[Explicit]:
    """The explicit dates ZH005 reads in Chinese (3月5日, 3月5日至7日, 2024年3月5日), ending by ``stop``."""
    found: list[Explicit] = []
    for date in scan.chinese_dates:
        if date.kind != "date" or date.end > stop:
            continue
        m = EXPLICIT.search(date.english)
        if m is not None:
            month = MONTHS[(m.group("month") or m.group("month2")).lower()]
            first = int(m.group("day") or m.group("day2"))
            last = _RANGE_DAY.match(date.english, m.end())  # March 5 to 7: every day of it was named
            days = range(first, int(last.group(1)) + 1) if last is not None and int(last.group(1)) > first else (first,)
            found.extend((date.end, month, day, m.group("year") is not None) for day in list(days)[:31])
    return found


_RANGE_DAY = regex.compile(r"(?:-| to )(\d{1,2})\b")


def _before(explicit: list[Explicit], pos: int) -> list[Explicit]:
    return explicit[: bisect.bisect_right(explicit, (pos, 13))]


def _month_of(before: list[Explicit], day: int) -> tuple[int, bool]:
    """The month ``the <day>`` most likely means, and whether that is certain. The article's
    month comes first in Chinese copy (its 5日 is the dateline's); a date given with its year
    (``founded on December 8, 2015``) is background, not the dateline; and a date with the same
    day said before (``from July 29 to August 1 … on the 1st``) is the one meant again."""
    current = [b for b in before if not b[3]] or before
    again = [b for b in before if b[2] == day]
    if again and again[-1][1] != current[0][1]:
        return again[-1][1], False
    months = {b[1] for b in before}
    return current[0][1], len(months) == 1 and not current[0][3]


def _later_day_before(explicit: list[Explicit], pos: int, month: int, day: int) -> bool:
    """Whether the last explicit date before ``pos`` is in ``month`` and weeks later than ``day``:
    after ``March 30``, ``the 2nd`` may well be April 2 (the month may have turned). A few days
    earlier is the usual past event before a dateline (``Oct. 8 -- ... the 3rd``: October 3)."""
    before = explicit[: bisect.bisect_right(explicit, (pos, 13))]
    return bool(before) and before[-1][1] == month and before[-1][2] - day >= TURNING_GAP


@dataclass(frozen=True)
class _Relative:
    span: tuple[int, int]  # what is replaced: "the 4th"
    day: int
    anchor: int  # where the month is looked up before: the preposition of the range's first day
    first: int = 0  # for the second day of a range, its first day; 0 otherwise


def _relative_dates(text: str) -> list[_Relative]:
    """Relative dates used as dates, with the second days of ranges, in text order."""
    out: list[_Relative] = []
    taken = 0
    for m in RELATIVE.finditer(text):
        if m.start("prep") < taken:
            continue  # the previous match's trailing word (or its range) was this preposition
        if _NOT_A_DAY_BEFORE.search(text, max(0, m.start("prep") - 12), m.start("prep")):
            continue  # a birdie on the 18th: a hole, not a day
        taken = m.end()
        day = int(m.group("day"))
        tails: list[regex.Match[str]] = []
        at, last = m.end("span"), day
        while (tail := RANGE_END.match(text, at) or LIST_NEXT.match(text, at)) is not None and int(tail.group("day")) > last:
            tails.append(tail)  # the 28th to the 3rd: no range within one month
            at, last = tail.end("span"), int(tail.group("day"))
            if not tail.group().lstrip(" ,").startswith(("and", "or", "the", *"0123456789")):
                break  # a range (to, through, -) has one end
        if tails:
            taken = tails[-1].end()
        # A range is a date when its end is used as one (not: from the 3rd to the 5th floor).
        if not _is_date_use(tails[-1] if tails else m):
            continue
        out.append(_Relative(m.span("span"), day, m.start("prep")))
        out.extend(_Relative(t.span("span"), int(t.group("day")), m.start("prep"), day) for t in tails)
    return out


def check(scan: Scan) -> Iterator[Finding]:
    text = scan.text
    if "the " not in text:
        return
    relative = _relative_dates(text)
    if not relative:
        return
    explicit = _explicit_months(text, relative[-1].anchor)
    if scan.han:  # 3月5日至7日 … on the 6th: the Chinese date, read in English by ZH005, names the month too
        explicit = sorted(explicit + _chinese_months(scan, relative[-1].anchor))
    head_safety = Safety.SUGGESTION
    for r in relative:
        if not r.first:
            head_safety = Safety.SUGGESTION  # until this first day is known to be sure
        before = _before(explicit, r.anchor)
        if not before:
            continue
        month, certain = _month_of(before, r.first or r.day)
        distinct = sorted({b[1] for b in before})
        turned = not r.first and (
            _later_day_before(explicit, r.anchor, month, r.day)
            or (before[-1][1] == month and r.day < before[-1][2] and _FUTURE_BEFORE.search(text, max(0, r.anchor - 80), r.anchor))
        )
        if turned:
            month = month % 12 + 1  # December 28 ... the 2nd: most likely January 2, for an editor to confirm
        if not 1 <= r.day <= calendar.monthrange(2024, month)[1]:
            continue
        later = not r.first and before[-1][1] == month and r.day - before[-1][2] >= LATER_GAP  # weeks after it
        safety = Safety.SAFE if certain and not turned and not later else Safety.SUGGESTION
        if r.first:  # a later day of a range or list is as sure as its first day (not "the 10th to 12")
            safety = head_safety
        head_safety = safety
        after = f"{calendar.month_name[month]} {r.day}" if not r.first else str(r.day)
        start, end = r.span
        what = f"relative date '{text[start:end]}'" + (f" (a range from the {ordinal(r.first)})" if r.first else "")
        if turned:
            earlier = calendar.month_name[month - 1 if month > 1 else 12]
            message = f"{what}; a later day of {earlier} comes before it: the month may have turned; check it"
        elif certain and later:
            message = f"{what}; after {calendar.month_name[month]} {before[-1][2]}, the latest date given: the day may be last month's; check it"
        elif certain:
            message = f"{what}; the article's month is {calendar.month_name[month]}"
        else:
            named = ", ".join(calendar.month_name[i] for i in distinct)
            message = f"{what}; months named before: {named}; check the month"
        yield replace(CODE, start, end, after, safety, message, ORIGIN)


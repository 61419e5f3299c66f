"""Chinese dates, clock times, percentages, approximate numbers and quantities in English text,
and their English.

Machine translation that gives up on a clause leaves its dates as Chinese writes them:
``2024年3月5日``, ``3月``, ``5日``, ``10时30分``, ``百分之五``. Read character by character they are
nonsense (年 "year", 月 "moon", 日 "sun"); read as a whole they have one English form each:

    2024年3月5日 → March 5, 2024     2024年3月 → March 2024     3月5日 → March 5
    3月 / 3月份 → March                2021年 → 2021                5日 → the 5th
    10时30分 / 10点30分 → 10:30       百分之五 / 百分之2.5 → 5 percent / 2.5 percent
    100多个 / 30余 → more than 100 / more than 30 (glued to the number; a classifier is dropped;
    before any other Chinese it is left alone: 30多万 is an amount, ZH004's, 30多岁 an age,
    300余震 may be "more than 300 aftershocks")
    第二十三条 → Article 23, 第三章 → Chapter 3, 第二款 → Paragraph 2 (the parts of a law)
    第十四届 → 14th, 第三次 → third, 第一季度 → first quarter, 第二轮 → second round
    3年 → 3 years, 两年前 → two years ago, 10多年 → more than 10 years, a 十年 plan → a 10-year
    plan, 35岁 → 35 years old, 3万人 → 30,000 people, 70周年 → 70th anniversary (a quantity is
    read only when no Chinese follows it: 五年规划 is the Five-Year Plan, 3年级 a school grade)
    去年10月 → October last year, 今年3月5日 → March 5 this year, 2月15日至22日 → February 15 to 22
    上午9时 → 9 a.m., 下午3点半 → 3:30 p.m., 3月5日上午9时 → March 5, 9 a.m.
    12名 doctors → 12 doctors, 两名 officers → two officers, 三百余名 patients → more than 300
    patients (a counter before an English word that is no function word: in "has 三十条 and" the
    counter is the noun)
    三十四 nurses → 34 nurses (numerals standing alone, two characters or more)
    a 减20 discount → a 20 off discount, 满300减50 → 50 off 300, 立减10元 → 10 yuan off (a shop's
    discount)

Numbers may be digits or Chinese numerals (三月五日, 二〇二四年). Only what cannot be anything else
is read: a year has four digits from 1800 to 2099 (``5年`` is "five years"), months and days are
checked against the calendar, and a year, month or day followed by a character that makes it
another word (``90年代`` the 1990s, ``2024年度`` a fiscal year, ``3月底`` the end of March) is
left alone. ``号`` counts as a day only after a month (``5号`` alone is a number: No. 5).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import regex

from .english import modifies_noun
from .numbers import SMALL_UNITS, chinese_number, english_number, ordinal

_NUM = r"[〇零一二两三四五六七八九十]"
_YEAR = rf"(?:1[89]\d\d|20\d\d|{_NUM}{{4}})"
_SMALL = rf"(?:\d{{1,2}}|{_NUM}{{1,3}})"
_AFTER_YEAR = "代度底初末中前后内间"  # 90年代, 2024年度, 2024年底 ...: another word
_AFTER_MONTH = "底初末中前后内间"
_CLASSIFIERS = "个名家位次项所座架艘辆只条"  # dropped in English: 100多个 countries
# Counters between a figure and the English noun it counts (12名 doctors, 5辆 trucks): English has
# none, so the figure alone stays. Read only when an English word follows.
_COUNTERS = "个名家位项所座架艘辆只条台部件头匹张本篇批例起枚场支"
COUNTERS = frozenset(_COUNTERS + "次")  # also before a Chinese noun: 8次助攻 (ZH003)
# ... but not before a function word: in "has 三十条 and runs" the counter is the noun (30 articles).
_FUNCTION_WORDS = r"(?i:and|or|of|in|on|at|to|for|with|from|by|as|is|are|was|were|the|a|an|that|which|this|but)"
_AFTER_MORE = "万亿千百十元倍岁年月日天小分秒米吨公斤里"  # 30多万 is an amount, 30多岁 an age: not read here
# Counted units (3年 → 3 years, 十天 → 10 days, 35岁 → 35 years old, 3万人 → 30,000 people), read
# only when no Chinese follows (五年规划 is the Five-Year Plan, 3年级 a school grade, 十年来 a phrase).
_QUANTITY_UNITS = {
    "年": "year", "个月": "month", "个多月": "month", "周": "week", "星期": "week", "天": "day",
    "小时": "hour", "个小时": "hour", "个钟头": "hour", "分钟": "minute", "秒钟": "second", "秒": "second", "岁": "year", "人": "person",
    "公里": "kilometer", "千米": "kilometer", "米": "meter", "平方公里": "square kilometer",
    "平方米": "square meter", "公斤": "kilogram", "千克": "kilogram", "亩": "mu", "周年": "anniversary",
    "厘米": "centimeter", "毫米": "millimeter", "英寸": "inch",
}  # fmt: skip
_MEASURES = ("岁", "公里", "千米", "米", "平方公里", "平方米", "公斤", "千克", "亩", "厘米", "毫米", "英寸")  # figures even below 10 (AP)
_SPELLED = "one two three four five six seven eight nine".split()
_BIG_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
# The part of the day before a clock time, and whether its hours are before noon (上午9时: 9 a.m.).
_DAY_PARTS = {
    "上午": "a.m.", "早上": "a.m.", "早晨": "a.m.", "凌晨": "a.m.", "清晨": "a.m.", "下午": "p.m.",
    "晚上": "p.m.", "傍晚": "p.m.", "夜间": "p.m.", "中午": "noon",
}  # fmt: skip
DATE = regex.compile(
    rf"(?P<rel>去年|今年|明年)(?P<m4>{_SMALL})\s*月份?(?![{_AFTER_MONTH}])(?:\s*(?P<d4>{_SMALL})\s*[日号])?"
    rf"|(?P<y>{_YEAR})\s*年(?![{_AFTER_YEAR}])"
    rf"(?:\s*(?P<m>{_SMALL})\s*月份?(?![{_AFTER_MONTH}])(?:\s*(?P<d>{_SMALL})\s*[日号])?)?"
    rf"|(?P<m2>{_SMALL})\s*月份?(?![{_AFTER_MONTH}])(?:\s*(?P<d2>{_SMALL})\s*[日号])?"
    rf"|(?P<d3>{_SMALL})\s*日(?![本报元前后内间])"
    rf"|(?P<ampm>{'|'.join(_DAY_PARTS)})(?P<h3>\d{{1,2}}|{_NUM}{{1,3}})\s*[时点](?:\s*(?P<min3>\d{{1,2}})\s*分|(?P<half3>半))?"
    r"|(?P<h>\d{1,2})\s*[时点]\s*(?:(?P<min>\d{1,2})\s*分|(?P<half>半))"
    rf"|百分之(?P<pct>\d+(?:\.\d+)?|{_NUM}+(?:点{_NUM}+)?)"
    rf"|(?P<more>\d{{1,3}}(?:,\d{{3}})*|\d+)[多余](?:[{_CLASSIFIERS}](?![{_AFTER_MORE}])|(?!\p{{Han}}))"
    r"|第(?P<ord>\d{1,4}|[〇零一二两三四五六七八九十百千]{1,8})(?P<unit>季度|条|章|款|届|次|轮|批)"
    r"|第(?P<ord2>\d{1,4}|[〇零一二两三四五六七八九十百千]{1,8})(?![\p{Han}\d])"
    r"|(?P<pctof>\d+(?:\.\d+)?%)的(?=[ ]?[A-Za-z])"
    rf"|(?P<qty>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百千]{{1,8}})(?P<qscale>[万亿])?"
    rf"(?P<qmore>[多余])?(?P<qunit>{'|'.join(sorted(_QUANTITY_UNITS, key=len, reverse=True))})(?P<qwhen>[前后])?(?!(?![〇零一二两三四五六七八九十])\p{{Han}})"
    rf"|(?<!第)(?P<cnt>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|{_NUM}[〇零一二两三四五六七八九十百千]{{0,7}})(?P<cscale>[万亿])?"
    rf"(?P<cmore>[多余])?(?P<cls>[{_COUNTERS}])(?=[ ]?(?!{_FUNCTION_WORDS}\b)[A-Za-z])"
    rf"|(?P<hnum>\d{{1,2}}|{_NUM}{{1,3}})个半(?P<hunit>小时|钟头|月)(?!\p{{Han}})"
    r"|(?<=(?<![\w'’])(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|dozens of"
    r"|hundreds of|thousands of|\d[\d,]*) )(?P<lone>[个名家位项所座架艘辆只条台部件头匹张本篇批例起枚场支])[ ]?(?=[A-Za-z])"
    r"|(?<!\p{Han})(?:满(?P<spend>\d+(?:\.\d+)?)元?)?立?减(?P<off>\d+(?:\.\d+)?)(?P<offyuan>元)?(?![\d\p{Han}%.])"
    rf"|(?<![\p{{Han}}\d])(?P<bare>[〇零一二两三四五六七八九十百千]{{2,8}})(?!\p{{Han}})"
)
_NUMERALS = "〇零一二两三四五六七八九十"
# Traditional forms of the characters read here, one for one (offsets stay): Taiwan and Hong Kong
# copy writes 28歲, 三年六個月, 13.5萬輛.
_TRADITIONAL = str.maketrans(
    "個萬億歲時點號週鐘輛項條張臺隻頭屆輪兩餘畝滿減場", "个万亿岁时点号周钟辆项条张台只头届轮两余亩满减场"
)
_CUES = "年月日时点百多余第周期天分秒岁人里米斤克亩十减%寸" + _COUNTERS
_CUE = regex.compile(f"[{regex.escape(_CUES)}]")  # one scan, in C, for any of them
_TRADITIONAL_FORMS = regex.compile(f"[{''.join(map(chr, _TRADITIONAL))}]")
_KINDS = (
    ("percentage", "pct"), ("time", "h"), ("time", "h3"), ("number", "more"), ("ordinal", "ord"), ("quantity", "qty"),
    ("number", "cnt"), ("number", "bare"), ("discount", "off"), ("ordinal", "ord2"), ("percentage", "pctof"),
    ("quantity", "hnum"), ("counter", "lone"),
)  # fmt: skip  # what a match is, by its group  # a text with none of these has no Chinese date
_DIGITS = str.maketrans("〇零一二两三四五六七八九", "001223456789")


@dataclass(frozen=True)
class ChineseDate:
    start: int
    end: int
    english: str
    kind: str  # "date", "time", "percentage", "number" or "ordinal"


BEFORE, AFTER = 32, 16  # how far a date's figures reach before its Chinese, and after it


def chinese_dates(text: str, han: Sequence[tuple[int, int]] | None = None) -> list[ChineseDate]:
    """Every Chinese date, time, percentage and approximate number in ``text`` that reads one way.
    Every one holds a Han character: given where the Han runs are (``han``), only the text
    around them is read (an English page costs nothing)."""
    windows = _windows(han, len(text)) if han is not None else [(0, len(text))]
    if any(_TRADITIONAL_FORMS.search(text, lo, hi) for lo, hi in windows):
        folded = text.translate(_TRADITIONAL)
    else:
        folded = text
    if not any(_CUE.search(folded, lo, hi) for lo, hi in windows):
        return []
    found: list[ChineseDate] = []
    for m in (m for lo, hi in windows for m in DATE.finditer(folded, lo, hi)):
        start = m.start()
        if start and (folded[start - 1].isdigit() or folded[start - 1] in _NUMERALS + ".") and not m["pct"]:
            continue  # the number goes on before the match: 12025年 is no year
        if start and folded[start - 1] == "第" and m["qunit"] != "周年":
            continue  # 第二天 is "the next day", not 第 + "two days"
        if m["bare"] is not None and m["bare"] in _HOLIDAYS and _HOLIDAY_AFTER.match(text, m.end()):
            continue  # the 十一 holiday is National Day's, not "the 11 holiday"
        if m["qty"] is not None:
            english = _quantity(m, text)
        elif m["cnt"] is not None or m["bare"] is not None:
            english = _counted(m)
        elif m["hnum"] is not None:  # 一个半小时 → one and a half hours
            n = _number(m["hnum"])
            unit = {"小时": "hours", "钟头": "hours", "月": "months"}[m["hunit"]]
            english = f"{_SPELLED[n - 1] if n and n <= 9 else n} and a half {unit}" if n else None
        elif m["lone"] is not None:  # Five 位 experts: a counter English does without
            english = ""
        elif m["off"] is not None:  # a shop's discount: 减20 → 20 off, 满300减50 → 50 off 300
            off = f"{m['off']} yuan" if m["offyuan"] else m["off"]
            english = f"{off} off {m['spend']}" if m["spend"] else f"{off} off"
        else:
            english = _english(m)
        if english is not None and m["pctof"] is not None and not _PLURAL_NEXT.match(text, m.end()):
            english = m["pctof"]  # 92.5%的 drop: a 92.5% drop; 92.5%的 users: 92.5% of users
        if english is not None and m["d3"] is not None and _range_end(text, start, found):
            english = str(_number(m["d3"]))  # 2月15日至22日: February 15 to 22
        if english is not None:
            kind = next((k for k, group in _KINDS if m[group] is not None), "date")
            found.append(ChineseDate(start, m.end(), english, kind))
    return _joined_durations(found)


_HOLIDAYS = frozenset("五一 六一 七一 八一 十一".split())  # May Day, Children's Day, July 1, Army Day, National Day
_HOLIDAY_AFTER = regex.compile(r"[ ]?(?i:holiday|golden week|break|vacation|day|long weekend|period|travel)")
_PLURAL_NEXT = regex.compile(r"[ ]?(?:[A-Za-z]+s|people|children|men|women)\b")


def _windows(han: Sequence[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """The text around the Han runs, merged."""
    out: list[tuple[int, int]] = []
    for start, end in han:
        lo, hi = max(0, start - BEFORE), min(size, end + AFTER)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _range_end(text: str, start: int, found: list[ChineseDate]) -> bool:
    """Whether a day alone ends a range whose start named the month: 2月15日至22日."""
    last = found[-1] if found else None
    return (
        last is not None
        and last.kind == "date"
        and last.english[:1].isupper()
        and text[last.end : start] in ("至", "到", "-", "—", "–", "~", "～", "－")
    )


def _joined_durations(found: list[ChineseDate]) -> list[ChineseDate]:
    """Years then months, touching (3年6个月), are one duration: 3 years and 6 months; a date then
    a clock time (3月5日上午9时) one moment: March 5, 9 a.m."""
    out: list[ChineseDate] = []
    for date in found:
        last = out[-1] if out else None
        if last is not None and last.kind == "date" and date.kind == "time" and last.end == date.start:
            out[-1] = ChineseDate(last.start, date.end, f"{last.english}, {date.english}", "date")
            continue
        if (
            last is not None
            and last.kind == date.kind == "quantity"
            and last.end == date.start
            and last.english.endswith((" years", " year"))
            and date.english.endswith((" months", " month"))
        ):
            out[-1] = ChineseDate(last.start, date.end, f"{last.english} and {date.english}", "quantity")
            continue
        out.append(date)
    return out


_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth".split()
_PARTS = {"条": "Article", "章": "Chapter", "款": "Paragraph"}  # of a law: 第二十三条 → Article 23
_COUNTED = {"季度": " quarter", "轮": " round", "批": " batch", "次": ""}  # 第一季度 → first quarter


def _ordinal(m: regex.Match[str]) -> str | None:
    """第二十三条 → Article 23, 第三章 → Chapter 3, 第十四届 → 14th, 第三次 → third, 第一季度 →
    first quarter, 第二轮 → second round, 第一批 → first batch (AP spells out first to ninth)."""
    n = _number(m["ord"])
    if not n:
        return None
    unit = m["unit"]
    if unit in _PARTS:
        return f"{_PARTS[unit]} {n}"
    if unit == "届":
        return ordinal(n)
    if unit == "季度" and n > 4:
        return None
    return (_ORDINAL_WORDS[n - 1] if n <= 9 else ordinal(n)) + _COUNTED[unit]


def _quantity(m: regex.Match[str], text: str) -> str | None:
    """3年 → 3 years, 两年 → two years, 10多年 → more than 10 years, 3年前 → 3 years ago, 35岁 → 35
    years old (a 35-year-old after "a"), 3万人 → 30,000 people. An age with 多 (30多岁, "in his
    30s") is left to a human."""
    unit, more, scale = m["qunit"], m["qmore"] is not None, m["qscale"]
    if unit == "岁" and (more or m["qwhen"]):
        return None
    if unit == "周年":  # 70周年 → 70th anniversary
        n = _number(m["qty"]) if not (more or scale or m["qwhen"]) else None
        return None if not n else f"{_ORDINAL_WORDS[n - 1] if n <= 9 else ordinal(n)} anniversary"
    number = m["qty"]
    if unit == "年" and number.isdigit() and len(number) >= 4:
        return None  # 1000年, 12025年: a year out of range or a typo, not a duration
    if number[0].isdigit():
        value = Decimal(number.replace(",", ""))
        written = english_number(value * _BIG_UNITS[scale]) if scale else number
    else:
        whole = chinese_number(number + (scale or ""), _BIG_UNITS)
        if not whole:
            return None
        value = Decimal(whole)
        spell = 1 <= whole <= 9 and unit not in _MEASURES and not more
        written = _SPELLED[whole - 1] if spell else english_number(value)
    english = _QUANTITY_UNITS[unit]
    if unit == "岁" and text[: m.start()].endswith(("a ", "an ", "A ", "An ")):
        return f"{written}-year-old"
    if unit == "岁" and text[: m.start()].endswith(("aged ", "Aged ", "age ", "ages ")):
        return written  # aged 35岁: aged 35, not "aged 35 years old"
    if not (more or m["qwhen"] or unit == "个多月") and modifies_noun(text, m.start(), m.end()):
        return f"{written}-{english}"  # a 10-year plan, the 30-minute drive, a three-person team
    if value != 1 or more or scale:
        english = "people" if english == "person" else english if english == "mu" else english + "s"
    phrase = f"more than {written} {english}" if more or unit == "个多月" else f"{written} {english}"
    if unit == "岁":
        phrase += " old"
    return phrase + {"前": " ago", "后": " later", None: ""}[m["qwhen"]]


def _counted(m: regex.Match[str]) -> str | None:
    """The figure of a counted number, its counter dropped (12名 doctors → 12 doctors, 3万名 workers
    → 30,000 workers, 两名 officers → two officers), or a number in Chinese numerals standing
    alone between English words (三十四 nurses → 34 nurses). AP style: one to nine spelled out,
    figures from 10. Numerals that are no plain number (三五 "three or five", 二〇一九) are left."""
    number, scale = m["cnt"] or m["bare"], m["cscale"]
    hedge = "more than " if m["cmore"] else ""  # 三百余名 patients: more than 300 patients
    if number[0].isdigit():
        if not scale:
            return hedge + number
        return hedge + english_number(Decimal(number.replace(",", "")) * _BIG_UNITS[scale])
    whole = chinese_number(number + (scale or ""), _BIG_UNITS)
    if not whole:
        return None
    return hedge + (_SPELLED[whole - 1] if whole <= 9 and not hedge else english_number(Decimal(whole)))


def _english(m: regex.Match[str]) -> str | None:
    if m["ord"] is not None:
        return _ordinal(m)
    if m["ord2"] is not None:  # finished 第三: third; the 第17 position: 17th
        n = _number(m["ord2"])
        return (_ORDINAL_WORDS[n - 1] if n <= 9 else ordinal(n)) if n else None
    if m["pctof"] is not None:  # 92.5%的 users: 92.5% of users
        return f"{m['pctof']} of"  # (before a singular noun the 的 is dropped: chinese_dates)
    if m["more"] is not None:
        return f"more than {m['more']}"
    if m["pct"] is not None:
        value = _decimal(m["pct"])
        return None if value is None else f"{value} percent"
    if m["h3"] is not None:
        return _clock(m)
    if m["h"] is not None:
        hour, minute = int(m["h"]), 30 if m["half"] else int(m["min"])
        return f"{hour}:{minute:02d}" if hour <= 24 and minute < 60 else None
    if m["rel"] is not None:  # 去年10月 → October last year, 今年3月5日 → March 5 this year
        return _relative_year(m)
    year = _number(m["y"], year=True)
    month = _number(m["m"] or m["m2"])
    day = _number(m["d"] or m["d2"] or m["d3"])
    if (m["y"] and year is None) or ((m["m"] or m["m2"]) and not 1 <= (month or 0) <= 12):
        return None
    if day is not None and not 1 <= day <= (calendar.monthrange(year or 2024, month)[1] if month else 31):
        return None
    if (m["d"] or m["d2"] or m["d3"]) and day is None:
        return None
    name = calendar.month_name[month] if month else ""
    if year and month and day:
        return f"{name} {day}, {year}"
    if year and month:
        return f"{name} {year}"
    if month and day:
        return f"{name} {day}"
    if month:
        return name
    if year:
        return str(year)
    return f"the {ordinal(day)}" if day else None


def _relative_year(m: regex.Match[str]) -> str | None:
    """去年10月 → October last year, 今年3月5日 → March 5 this year (Xinhua's order)."""
    month, day = _number(m["m4"]) or 0, _number(m["d4"]) or 0
    if not 1 <= month <= 12 or (m["d4"] and not 1 <= day <= calendar.monthrange(2024, month)[1]):
        return None
    when = {"去年": "last year", "今年": "this year", "明年": "next year"}[m["rel"]]
    name = calendar.month_name[month]
    return f"{name} {day} {when}" if m["d4"] else f"{name} {when}"


def _clock(m: regex.Match[str]) -> str | None:
    """上午9时 → 9 a.m., 下午3点半 → 3:30 p.m., 中午12点 → noon (AP style)."""
    hour = _number(m["h3"])
    minute = 30 if m["half3"] else int(m["min3"] or 0)
    if hour is None or minute >= 60:
        return None
    part = _DAY_PARTS[m["ampm"]]
    if part == "noon":
        if hour == 12 and not minute:
            return "noon"
        part = "a.m." if hour == 11 else "p.m."
    if not 1 <= hour <= 12:
        return None  # 下午15点: a 24-hour clock after a part of the day; left to a human
    return f"{hour}:{minute:02d} {part}" if minute else f"{hour} {part}"


def _number(text: str | None, year: bool = False) -> int | None:
    """Digits, or Chinese numerals: counted (十五 = 15) or, for a year, digit by digit (二〇二四)."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if year:
        digits = text.translate(_DIGITS)
        return int(digits) if digits.isdigit() and 1800 <= int(digits) <= 2099 else None
    return chinese_number(text, SMALL_UNITS)


def _decimal(text: str) -> str | None:
    """百分之 numbers: digits, or numerals with 点 as the decimal point (二点五 = 2.5)."""
    if text[0].isdigit():
        return text
    whole, _, fraction = text.partition("点")
    value = chinese_number(whole, SMALL_UNITS)
    digits = fraction.translate(_DIGITS)
    if value is None or (fraction and not digits.isdigit()):
        return None
    return f"{value}.{digits}" if fraction else str(value)


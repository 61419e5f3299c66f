"""Numbers, percentages and dates, read from Chinese and from English as comparable values.

``3.5万`` and ``35,000``, ``1.2亿`` and ``120 million``, ``百分之三点五`` and ``3.5 percent``,
``2月4日`` and ``February 4`` compare equal here. Values are ``Decimal`` (exact), dates are
``(month, day)``. Chinese numerals are taken only where they are clearly a quantity: ten or
more, with a counter after them (``三十多个``, ``五千万元``) or in a percentage or date; small
ones and lexicalised words (一些, 十分, 千万, 两国) are too often not numbers in English.
A day without a month (``4日``) is skipped: news translations turn it into a weekday.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
COUNTERS = (
    "个人名位家项次条件所座架辆艘台部本张只头批场篇份种类款例起届岁年天周月国省市县城户间层票支股倍吨亩米克升元"
)
COUNTER_WORDS = ("小时", "分钟", "美元", "欧元", "日元", "英镑", "港元", "港币", "公斤", "千克", "公里", "千米", "公顷", "平方", "立方")
_FULLWIDTH = {0xFF10 + i: 0x30 + i for i in range(10)} | {0xFF05: 0x25, 0xFF0E: 0x2E}

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ZH_MONTH = r"\d{1,2}|十[一二]?|[一二三四五六七八九]"
_ZH_DAY = r"\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_ZH_YEAR = r"\d{4}|[〇零一二三四五六七八九]{4}"
_ZH = re.compile(
    rf"(?:(?P<year>{_ZH_YEAR})年)?(?P<month>{_ZH_MONTH})月(?:(?P<day>{_ZH_DAY})[日号])?"
    rf"|(?P<year_only>{_ZH_YEAR})年"
    rf"|(?P<day_only>{_ZH_DAY})[日号]"
    rf"|百分之(?P<pct_zh>[零〇一二两三四五六七八九十百千点]+|{_ARABIC})"
    rf"|(?P<arabic>{_ARABIC})(?P<more>[多余])?(?P<mult>[十百千万亿]*)(?:\s*(?P<pct>%|个百分点|百分点))?"
    r"|(?P<numeral>[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)(?P<zh_more>[多余])?"
    r"(?P<zh_pct>个百分点)?"
)

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_FULL_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
)
_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
)
WORDS = {w: n for n, w in enumerate(_UNITS)} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = {w: n for n, w in enumerate(_ORDINALS, 1)}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9, "tn": 10**12}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD = rf"(?:(?:{_TENS})-(?:one|two|three|four|five|six|seven|eight|nine)|{'|'.join(sorted(WORDS, key=len, reverse=True))})"
_EN = re.compile(
    rf"\b(?P<mon1>{_MON})\.?\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:.,]?\d)"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MON})\b"
    rf"|(?P<pnum>{_ARABIC})\s*(?:%|(?i:percent|per\s+cent|percentage\s+points?)\b)"
    rf"|(?P<snum>{_ARABIC})\s*-?\s*(?P<scale>(?i:thousand|million|billion|trillion|bn|tn))\b"
    rf"|\b(?P<wnum>(?i:{_WORD}))(?:\s+(?P<hundred>(?i:hundred)))?(?:\s+(?P<wscale>(?i:thousand|million|billion|trillion)))?\b"
    rf"|(?P<num>{_ARABIC})(?:st|nd|rd|th)?"
    rf"|\b(?P<ord>(?i:{'|'.join(sorted(ORDINALS, key=len, reverse=True))}))\b"
    rf"|\b(?P<mon3>{_FULL_MON})\b"
)


@dataclass(frozen=True)
class Quantity:
    """A value found in a text: ``kind`` is number, percent, date (month, day) or month."""

    kind: str
    value: Decimal | tuple[int, int] | int
    start: int
    end: int
    text: str

    def matches(self, other: Quantity) -> bool:
        if self.kind == "month" and other.kind == "date" and isinstance(other.value, tuple):
            return other.value[0] == self.value
        return self.kind == other.kind and self.value == other.value


def zh_numeral(text: str) -> Decimal | None:
    """``三千五百万`` → 35000000, ``十二`` → 12, ``三点五`` → 3.5; ``None`` when not a number."""
    whole, _, fraction = text.partition("点")
    value = _zh_integer(whole) if whole else 0
    if value is None or (fraction and any(c not in ZH_DIGITS for c in fraction)):
        return None
    digits = "".join(str(ZH_DIGITS[c]) for c in fraction)
    return Decimal(f"{value}.{digits}") if digits else Decimal(value)


def _zh_integer(text: str) -> int | None:
    result = wan = section = 0
    pending: int | None = None
    for ch in text:
        if ch in ZH_DIGITS:
            if pending:  # two digits in a row (十四五) is a list or a name, not a number
                return None
            pending = ZH_DIGITS[ch]
        elif ch in ZH_UNITS:
            section += (1 if pending is None else pending) * ZH_UNITS[ch]
            pending = None
        elif ch == "万":
            wan = (section + (pending or 0)) * 10**4
            section, pending = 0, None
        else:  # 亿
            result = (result + wan + section + (pending or 0)) * 10**8
            wan, section, pending = 0, 0, None
    return result + wan + section + (pending or 0)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _zh_year(text: str) -> Decimal:
    if text.isdigit() and text.isascii():
        return Decimal(text)
    return Decimal("".join(str(ZH_DIGITS[c]) for c in text))


def _counter_follows(text: str, pos: int) -> bool:
    return pos < len(text) and (text[pos] in COUNTERS or text.startswith(COUNTER_WORDS, pos))


def chinese_quantities(text: str) -> list[Quantity]:
    """Every quantity in a Chinese text, with offsets into ``text``."""
    normal = text.translate(_FULLWIDTH)
    out: list[Quantity] = []
    for m in _ZH.finditer(normal):
        out.extend(replace(q, text=text[q.start : q.end]) for q in _zh_quantity(m, normal))
    return out


def _zh_quantity(m: re.Match[str], text: str) -> list[Quantity]:
    start, end, raw = m.start(), m.end(), m.group(0)
    if m["month"]:
        out = []
        if m["year"]:
            out.append(Quantity("number", _zh_year(m["year"]), start, end, raw))
        month = int(zh_numeral(m["month"]) or 0) if not m["month"].isdigit() else int(m["month"])
        if m["day"]:
            day = int(m["day"]) if m["day"].isdigit() else int(zh_numeral(m["day"]) or 0)
            out.append(Quantity("date", (month, day), start, end, raw))
        else:
            out.append(Quantity("month", month, start, end, raw))
        return out
    if m["year_only"]:
        return [Quantity("number", _zh_year(m["year_only"]), start, end, raw)]
    if m["day_only"]:
        return []
    if m["pct_zh"]:
        value = _decimal(m["pct_zh"]) if m["pct_zh"][0].isdigit() else zh_numeral(m["pct_zh"])
        return [Quantity("percent", value, start, end, raw)] if value is not None else []
    if m["arabic"]:
        return _arabic(m, start, end, raw)
    return _numeral(m, text, start, end, raw)


def _arabic(m: re.Match[str], start: int, end: int, raw: str) -> list[Quantity]:
    value = _decimal(m["arabic"])
    if value is None:
        return []
    for ch in m["mult"]:
        value *= MULTIPLIERS[ch]
    kind = "percent" if m["pct"] else "number"
    return [Quantity(kind, value, start, end, raw.rstrip())]


def _numeral(m: re.Match[str], text: str, start: int, end: int, raw: str) -> list[Quantity]:
    value = zh_numeral(m["numeral"])
    if value is None:
        return []
    if m["zh_pct"]:
        return [Quantity("percent", value, start, end, raw)]
    has_unit = any(c in "十百千万亿点" for c in m["numeral"])
    if value < 10 or not has_unit or not _counter_follows(text, end):
        return []
    return [Quantity("number", value, start, end, raw)]


def english_quantities(text: str) -> list[Quantity]:
    """Every quantity in an English text, with offsets into ``text``."""
    out = []
    for m in _EN.finditer(text):
        q = _en_quantity(m)
        if q is not None:
            out.append(q)
    return out


def _en_quantity(m: re.Match[str]) -> Quantity | None:
    start, end, raw = m.start(), m.end(), m.group(0)
    if m["mon1"] or m["mon2"]:
        month = MONTHS[(m["mon1"] or m["mon2"])[:3].lower()]
        day = int(m["day1"] or m["day2"])
        return Quantity("date", (month, day), start, end, raw)
    if m["mon3"]:
        return Quantity("month", MONTHS[m["mon3"][:3].lower()], start, end, raw)
    if m["pnum"]:
        value = _decimal(m["pnum"])
        return Quantity("percent", value, start, end, raw) if value is not None else None
    if m["snum"]:
        value = _decimal(m["snum"])
        return Quantity("number", value * SCALES[m["scale"].lower()], start, end, raw) if value is not None else None
    if m["wnum"]:
        return Quantity("number", _word_value(m), start, end, raw)
    if m["ord"]:
        return Quantity("number", Decimal(ORDINALS[m["ord"].lower()]), start, end, raw)
    value = _decimal(m["num"])
    return Quantity("number", value, start, end, raw) if value is not None else None


def _word_value(m: re.Match[str]) -> Decimal:
    word = m["wnum"].lower()
    tens, _, unit = word.partition("-")
    value = Decimal(WORDS[tens] + (WORDS[unit] if unit else 0))
    if m["hundred"]:
        value *= 100
    if m["wscale"]:
        value *= SCALES[m["wscale"].lower()]
    return value

"""Chinese numerals and number units read as values, and values written as English news writes
figures (``300 million``, ``15,000``).

Only plain numbers are read: a colloquial or vague form (三万五 "35,000", 三五 "three or five",
a year such as 二〇一九) reads as ``None`` and is left to a human. Numerals with 点 as the decimal
point are read before a unit of 10,000 or more (一点五亿: 150 million). The unit table (十 … 亿, 万亿,
with their traditional forms) comes from the compiled glossary, so the factors live in one place.
``cn2an`` would read the same numerals but costs 0.18 s to import; this grammar is small.
"""

from __future__ import annotations

from decimal import Decimal

import regex

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
SMALL_UNITS = {"十": 10, "百": 100}  # enough for a day, a month or a series member (十八号)
# Chinese words that hedge a figure after them (近百万: nearly one million), longest first.
CHINESE_HEDGES = {"超过": "more than ", "近": "nearly ", "约": "about ", "逾": "more than ", "超": "more than "}
BELOW_WAN = {**SMALL_UNITS, "千": 1000}  # an article of a long law (第一千一百六十五条), a count below 10,000
ARABIC = regex.compile(r"[\d,]+(?:\.\d+)?")
YEAR = regex.compile(r"(?:1[5-9]|20)\d\d")


def chinese_number(text: str, units: dict[str, int], big: int = 10**8) -> int | None:
    """三亿五千万 → 350000000; ``None`` for what is no plain number (三五, 二〇一九, 三万五)."""
    if big < 10**4:
        return _below_wan(text, units)
    marks = [i for i, ch in enumerate(text) if units.get(ch) == big]
    if not marks:
        return chinese_number(text, units, big // 10**4)
    high = chinese_number(text[: marks[-1]], units, big // 10**4)  # 两万亿: 两万 times 亿
    rest = text[marks[-1] + 1 :]
    low = chinese_number(rest, units, big // 10**4)
    if not high or low is None or low >= big or (len(rest) == 1 and rest in DIGITS):
        return None  # 三万五 is colloquial for 35,000
    return high * big + low


def _below_wan(text: str, units: dict[str, int]) -> int | None:
    """A number below 10,000 in digits and 十百千, 零 marking a gap (一百零五 = 105)."""
    value, digit, last = 0, None, 10**4
    for i, ch in enumerate(text):
        factor = units.get(ch, 0)
        if ch in DIGITS:
            if digit is not None:
                return None  # 三五 "three or five", 二〇一九 a year
            digit = None if ch in "零〇" else DIGITS[ch]
            continue
        if not 0 < factor < last or (digit is None and not (factor == 10 and i == 0)):
            return None
        value, digit, last = value + (digit or 1) * factor, None, factor
    if digit is not None and 100 <= last < 10**4 and text[-2] not in "零〇":
        return None  # 一百五 is colloquial for 150
    return value + (digit or 0)


def english_number(value: Decimal) -> str:
    """300 million, 4.2 billion, 2 trillion, 3.9883 trillion (AP style): the largest scale the
    value reaches; below a million, or where that scale would need more decimals than a figure
    in 亿 brings (three for millions, four for billions and trillions: 39,883亿 is 3.9883
    trillion), the figure with thousands separators (15,000; 1,234,567). Never a smaller scale
    with four figures before the point (3988.3 billion). Exact: never rounded."""
    for factor, word in SCALES:
        if value >= factor:
            mantissa = (value / factor).normalize()
            if -int(mantissa.as_tuple().exponent) <= (3 if factor == 10**6 else 4):
                return f"{mantissa:,f} {word}"
            break
    return f"{value.normalize():,f}"


DECIMAL = regex.compile(r"(?P<whole>[〇零一二两三四五六七八九十百千]+)点(?P<fraction>[〇零一二三四五六七八九]+)(?P<unit>.*)")


def chinese_decimal(text: str, units: dict[str, int]) -> Decimal | None:
    """一点五亿 → 150000000, 十二点五万 → 125000: numerals with 点 as the decimal point before a
    unit of 10,000 or more (点 alone is also o'clock: 一点五十 is 1:50)."""
    m = DECIMAL.fullmatch(text)
    if m is None or not m["unit"]:
        return None
    whole = chinese_number(m["whole"], units) if m["whole"] not in DIGITS else DIGITS[m["whole"]]
    factor = 1
    for ch in m["unit"]:
        factor *= units.get(ch, 0)
    if whole is None or factor < 10**4:
        return None
    fraction = "".join(str(DIGITS[ch]) for ch in m["fraction"])
    return Decimal(f"{whole}.{fraction}") * factor


_YI_WAN = regex.compile(r"亿(\d{1,4})万")  # the 万 part of 1亿2000万


def figure(num: str, scale: str, units: dict[str, int]) -> tuple[str, bool] | None:
    """The English figure of ``num`` (digits with an optional Chinese unit, or Chinese numerals)
    followed by the English ``scale`` as written (`` billion`` or ""), and whether it was
    converted. A figure written in digits alone is kept as the writer wrote it."""
    arabic = ARABIC.match(num)
    if arabic is None:
        exact = chinese_decimal(num, units) if "点" in num else chinese_number(num, units)
        return (english_number(Decimal(exact)), True) if exact and not scale else None
    unit = num[arabic.end() :].strip()
    if not unit:
        return arabic.group() + scale, False
    mixed = _YI_WAN.fullmatch(unit)
    if mixed is not None and not scale and "." not in arabic.group():  # 1亿2000万: 120 million
        value = Decimal(arabic.group().replace(",", "")) * 10**8 + Decimal(mixed.group(1)) * 10**4
        return english_number(value), True
    if scale or unit not in units:
        return None  # 3亿 billion says the scale twice
    return english_number(Decimal(arabic.group().replace(",", "")) * units[unit]), True


# The low end of a range right before an amount or a quantity: 10- (20亿元), 3至 (5万元), 6万至 (8万辆).
RANGE_LOW = regex.compile(r"(?<![\d.,A-Za-z$])(?P<lo>\d+(?:\.\d+)?)(?P<los>千万|千亿|万亿|[千万亿])?[ ]?(?:至|到|~|～|-|–|—|、)[ ]?$")
_RANGE_SCALES = {"千": 10**3, "万": 10**4, "千万": 10**7, "亿": 10**8, "千亿": 10**11, "万亿": 10**12}


def range_low(low: regex.Match[str], high_scale: str) -> str | None:
    """The English of a range's low end (``RANGE_LOW``): it takes the high end's 万 or 亿 when it
    has none, as Chinese writes it (3-5万元: 30,000 to 50,000); ``None`` when only it has one
    (6万至8元 is no range)."""
    if low["los"] and not high_scale:
        return None
    scale = low["los"] or high_scale
    if not scale:
        return grouped(low["lo"])
    return english_number(Decimal(low["lo"]) * _RANGE_SCALES[scale])


_UNGROUPED = regex.compile(r"(\d{4,})(\.\d+)?")


def grouped(number: str) -> str:
    """A figure with thousands separators, as English news writes it (74997 → 74,997; AP); a
    figure already grouped, or below 1,000, or with a scale word after it, is as it was."""
    m = _UNGROUPED.fullmatch(number)
    if m is None or number.startswith("0"):
        return number
    return f"{int(m.group(1)):,}{m.group(2) or ''}"


def year_like(number: str) -> bool:
    """A bare four-digit figure that may be a year (2019), not an amount."""
    return YEAR.fullmatch(number) is not None


def ordinal(n: int) -> str:
    """1 → 1st, 22 → 22nd, 13 → 13th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"

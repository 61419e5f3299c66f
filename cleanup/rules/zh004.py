"""Currency word, amount or Chinese number left in the English.

What it does
    Finds currency words left in Chinese (美元, 港币, 欧元, 人民币 …), glued to a number or not,
    on either side of it, and amounts written with Chinese number units or numerals (3亿元,
    1.5万元, 三亿元), and writes them as English news does: a symbol before the number for the
    dollars and the pound (``$11 billion``, ``HK$5 million``, ``£3 million``), the currency's
    name after it for the others (``3.6 billion euros``, ``300 million yuan``). Chinese units
    are converted (亿 = 100 million, 万 = 10,000), also with no currency (``3亿 users``), and
    so are numerals with 点 as the decimal point (一点五亿元: 150 million yuan). 多 or 余 after a
    round figure or after its unit is "more than" (``100多亿元``: more than 10 billion yuan,
    ``3亿多元``: more than 300 million yuan), 近 before it "nearly" (``近百万元``: nearly 1 million
    yuan). 元 after a currency word in 币 is that currency's unit (``港币320亿元``: HK$32
    billion). 约合 before an amount becomes ``about``. The currencies, their symbols and names
    are glossary data (``kind: currency``).

Why is this bad?
    The reader cannot read the currency, and a figure in 万 or 亿 means nothing in English:
    ``more than 美元 11 billion`` should read ``more than $11 billion``.

Example
    ``more than 美元 11 billion`` becomes ``more than $11 billion``; ``HK港币5 million``
    becomes ``HK$5 million``; ``2万亿元`` becomes ``2 trillion yuan``.

Fix safety
    Safe when the amount reads one way only. A suggestion when it is glued to untranslated
    Chinese (part of a clause a human must translate) or to a letter or digit, when a plain
    number after the currency word may not be its amount (``美元 500``, a year: ``美元 2019``),
    and for a currency word with no amount (``the 美元 fell``: singular or plural is for the
    writer). Reported, never converted: vague amounts (数十亿美元 "billions of dollars", 35多万元
    with a figure that is no lower bound), a unit with no number (千万美元), two currencies
    claiming one figure (美元3元). docs/currency.md has the style and the full table.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..english import capitalise, sentence_start
from ..glossary.compiled import CurrencyIndex
from ..han import MIXED_UNKNOWN, UNKNOWN, HanPiece
from ..model import Edit, Finding, Fix, Origin, Safety, Span
from ..numbers import CHINESE_HEDGES, DIGITS, RANGE_LOW, figure, grouped, range_low, year_like
from ..scan import Scan
from ..zh import has_han
from .base import han_padding, replace, replace_after_article, report, spaced_from_before
from .echo import bracketed, echo_edits
from .zh001 import english_for, may_stay_chinese

CODE = "ZH004"
NAME = "chinese-currency"
DEFAULT = "safe when unambiguous, else suggestion"

VAGUE_AFTER = "多余来"  # 3亿多人 (多 the amount did not take), 3亿来: the figure is only a bound
MARGIN = 64  # characters around a Han run in which an amount's number and scale may lie
UNCLEAR = (UNKNOWN, MIXED_UNKNOWN)
NUMERAL = Origin("chinese-number")
SCALE = r"(?:[ ](?i:thousand|million|billion|trillion)(?![A-Za-z]))"
SCALE_AHEAD = regex.compile(SCALE)
FIGURE_BEHIND = regex.compile(rf"\d{SCALE}? ?$")  # 11 billion美元: the figure may be another's


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    entry: int  # the currency entry, -1 for a number with no currency
    number: str  # the English figure: "300 million", "11 billion", "500,000"
    chinese: bool  # written in Chinese numerals (三亿), not digits
    loose: bool  # the figure may not be the amount: 美元 500, 美元 2019
    hedge: str = ""  # "more than " (100多亿元, 3亿多元) or "nearly " (近百万元)


# ---- matching --------------------------------------------------------------------------------


def _alt(keys: object) -> str:
    forms = sorted(keys, key=lambda k: (-len(k), k))  # type: ignore[call-overload]
    return "|".join(regex.escape(k) for k in forms) or "(?!)"


@functools.lru_cache(maxsize=8)
def _pattern(index: CurrencyIndex) -> regex.Pattern[str]:
    """Currency word then number (pre), number then currency word (post), or a number alone."""
    word, unit, latin = _alt(index.words), _alt(index.units), _alt(index.latin)
    cur = _alt({**index.words, **index.bound})  # after a number, 元 and 新元 are currencies too
    cn_units = regex.escape("".join(u for u in index.units if len(u) == 1))
    cn_all = regex.escape("".join(DIGITS)) + cn_units
    cn_start = regex.escape("".join(DIGITS) + "十")
    cn_big = regex.escape("".join(u for u, n in index.units.items() if len(u) == 1 and n >= 100))
    arabic = r"(?<![0-9.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![0-9])"
    # 多 or 余 after a figure is "more than": 100多亿元, 三百多万, 3亿多元, 300多元 (before a
    # currency or a unit only: 300多 alone is ZH005's); 近 before it "nearly" (近百万元; not
    # the 近 of 最近 "recently", 接近 "close to")
    more = rf"(?:[多余](?=[ ]?(?:{cur})|[^\p{{Han}}\d]|$))"
    cn_num = rf"(?:[{cn_start}][{cn_all}]*(?:点[{regex.escape('〇零一二三四五六七八九')}]+[{cn_units}]+|[多余][{cn_units}]+)?)"
    num = (
        rf"(?:(?:(?<![最接附将靠临])近[ ]?|(?<![\p{{Han}}])约[ ]?|(?<![\p{{Han}}])逾[ ]?|(?<![\p{{Han}}])超过[ ]?)?(?:{arabic}(?:亿\d{{1,4}}万(?![0-9])|[多余]?[ ]?(?:{unit})(?![0-9]))?{more}?"
        rf"|(?<![{cn_all}])(?:{cn_num}|(?<=近)[{cn_big}][{cn_all}]*){more}?))"
    )
    english = rf"(?:[ ](?P<{{}}>(?i:{_alt(index.english)}))(?![A-Za-z]))?"  # 人民币 120 billion yuan
    pre = (
        rf"(?:(?<![A-Za-z])(?P<latin>{latin}))?(?P<cur>{word})[ ]?(?P<pnum>{num})"
        rf"(?:(?P<pscale>{SCALE})|[ ]?(?P<tail>{cur}))?"  # 人民币3亿元 repeats the currency
    ) + english.format("etail")
    post = rf"(?P<num>{num})(?P<scale>{SCALE})?[ ]?(?P<cur2>{cur})" + english.format("etail2")
    return regex.compile(rf"{pre}|{post}|(?P<bare>{num})")


def _regions(pieces: list[HanPiece], size: int) -> list[tuple[int, int]]:
    """The text around Han runs, merged: only there can an amount be (ASCII text costs nothing)."""
    out: list[tuple[int, int]] = []
    for p in pieces:
        lo, hi = max(0, p.start - MARGIN), min(size, p.end + MARGIN)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


class _Context:
    """The scan, its Han pieces by position, and the currency index."""

    def __init__(self, scan: Scan, index: CurrencyIndex) -> None:
        self.scan, self.text, self.index = scan, scan.text, index
        self.pieces = scan.han
        self.starts = [p.start for p in self.pieces]
        self.currencies = {**index.bound, **index.words}
        self.taken: list[tuple[int, int]] = []  # amounts translated with this one, in order

    def piece_at(self, pos: int) -> HanPiece | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.pieces[i] if i >= 0 and self.pieces[i].start <= pos < self.pieces[i].end else None

    def unclear(self, pos: int) -> bool:
        """True when ``pos`` holds Chinese that stays Chinese: no entry covers it (an untranslated
        clause), or it is a currency word no amount takes. Amounts in ``taken`` and 约合 are
        translated with it."""
        if not 0 <= pos < len(self.text) or not has_han(self.text[pos]):
            return False
        if self.in_taken(pos):
            return False
        piece = self.piece_at(pos)
        if piece is None or piece.kind in UNCLEAR:
            return True
        own = self.scan.glossary.entry(piece.entry).kind == "currency"
        return own and self.text[piece.start : piece.end] not in self.index.before

    def fits(self, start: int, end: int) -> bool:
        """No known piece is cut by the span, and every known piece inside it is a currency."""
        for i in range(max(0, bisect.bisect_right(self.starts, start) - 1), len(self.pieces)):
            p = self.pieces[i]
            if p.start >= end:
                break
            if p.end <= start or p.kind == UNKNOWN:
                continue  # unknown Chinese beside the amount: see ``unclear``
            if p.start < start or p.end > end or p.kind == MIXED_UNKNOWN:
                return False
            own = self.scan.glossary.entry(p.entry).kind == "currency"
            if not own and self.text[p.start : p.end] not in self.index.words:
                return False  # 数字人民币 (digital yuan) is a term, not an amount
        return True

    def extends_at(self, pos: int) -> bool:
        """A currency word, a unit or a numeral that stays follows (after one space): it would
        join the English figure."""
        start, pos = pos, pos + self.text.startswith(" ", pos)
        ch = self.text[pos : pos + 1]
        if self.in_taken(pos):
            return False  # the next amount is translated too
        if ch and (ch in self.index.units or ch in DIGITS):
            return True
        if ch in (".", ",") and self.text[pos + 1 : pos + 2].isdigit() and pos == start:
            return True  # 3美元.3: $3.3
        if SCALE_AHEAD.match(self.text, pos - (pos > 0 and self.text[pos - 1] == " ")):
            return True  # 一美元 billion: "$1 billion" would be read again
        return has_han(ch) and any(self.text.startswith(form, pos) for form in self.currencies)

    def word_before(self, pos: int) -> bool:
        """A currency word that stays ends at ``pos`` (before one space): it would take a figure
        after it."""
        pos -= pos > 0 and self.text[pos - 1] == " "
        if pos == 0 or not has_han(self.text[pos - 1]) or self.in_taken(pos - 1):
            return False
        return any(self.text.endswith(form, 0, pos) for form in self.index.words)

    def in_taken(self, pos: int) -> bool:
        i = bisect.bisect_right(self.taken, (pos, len(self.text))) - 1
        return i >= 0 and self.taken[i][0] <= pos < self.taken[i][1]

    def figure_ahead(self, pos: int) -> bool:
        """A figure starts at ``pos`` (after one space): a digit or a Chinese numeral."""
        pos += self.text.startswith(" ", pos)
        ch = self.text[pos : pos + 1]
        return bool(ch) and (ch.isdigit() or ch in DIGITS or ch == "十")

    def amount_ahead(self, pos: int) -> bool:
        """An amount starts at ``pos`` (after one space): a figure, a symbol, a currency word."""
        if self.figure_ahead(pos):
            return True
        pos += self.text.startswith(" ", pos)
        if self.text[pos : pos + 1] in ("$", "£", "€", "¥"):
            return True
        piece = self.piece_at(pos)
        return piece is not None and self.text[piece.start : piece.end] in self.index.words


# ---- amounts -------------------------------------------------------------------------------


Judged = tuple["_Context", list[tuple[Amount, Safety]]]


def _amount(ctx: _Context, m: regex.Match[str]) -> Amount | None:
    """What a match means, or ``None`` when it is no amount (its neighbours are judged later)."""
    if m.group("bare") is not None:
        return _bare(ctx, m)
    pre = m.group("cur") is not None
    entry = ctx.currencies[m.group("cur") if pre else m.group("cur2")]
    start, end = m.start(), m.end()
    latin, tail = m.group("latin"), m.group("tail")
    if latin and entry not in ctx.index.latin[latin]:
        start = m.start("cur")
    num, scale = (m.group("pnum"), m.group("pscale")) if pre else (m.group("num"), m.group("scale"))
    if tail and ctx.currencies[tail] != entry and not (m.group("cur").endswith(("币", "幣")) and tail in ctx.index.bound):
        start, entry, pre = m.start("pnum"), ctx.currencies[tail], False  # 美元3元: the figure is the yuan's
    # (but 港币320亿元 is HK$32 billion: 元 is the unit of any 币, "currency", before the figure)
    named = m.group("etail") if pre else m.group("etail2")
    said = named is not None and entry in ctx.index.english.get(named.lower(), ())
    if named is not None and not said:
        end = m.start("etail" if pre else "etail2") - 1  # 美元 5 million won the prize: not its name
    hedged = _hedged(num)
    if hedged is None or (hedged[0] and scale):
        return None  # 100多 billion: the hedge belongs to a figure the English has rewritten
    hedge, num = hedged
    english = figure(num, scale or "", ctx.index.units)
    if english is None or not ctx.fits(start, end):
        return None
    number, converted = english
    chinese = not num[0].isdigit()
    plain = not scale and not any(c in ctx.index.units or c in ",." for c in num)
    per = ctx.text.startswith("/", end)  # 1795元/股: a price per share, no year
    # 美元 500: the figure after a currency word may not be its amount; 美元2019 may be a year. A
    # figure before the currency (2000元) is its amount, whatever year it looks like.
    loose = (pre and plain and not said) or (pre and not converted and year_like(number) and not per)
    loose = loose or (named is not None and not said)
    return Amount(start, end, entry, number, chinese, loose, hedge)


def _hedged(num: str) -> tuple[str, str] | None:
    """The hedge a figure carries and the figure without it: 100多亿 → ("more than ", "100亿"),
    3亿多 → ("more than ", "3亿"), 近百万 → ("nearly ", "一百万"). ``None`` when the hedge reads no
    way: 35多万 (only a round figure takes 多 before its unit), 近100多."""
    hedge = ""
    word = next((w for w in CHINESE_HEDGES if num.startswith(w)), None)
    if word is not None:  # 近百万: nearly one million; 约3000万: about 30 million; 逾100亿: more than 10 billion
        hedge, num = CHINESE_HEDGES[word], num[len(word) :].lstrip(" ")
        num = "一" + num if num[0] in "百千万萬" else num
    marks = [i for i, ch in enumerate(num) if ch in "多余"]
    if not marks:
        return hedge, num
    if hedge or len(marks) > 1:
        return None
    i = marks[0]
    head, rest = num[:i], num[i + 1 :]
    units_before = any(not (ch.isdigit() or ch in ",." or ch in DIGITS) for ch in head)
    if not units_before:  # 100多亿, 300多 + 元: the figure itself is the lower bound, so round
        round_figure = head[-1] in "十百千" if not head[0].isdigit() else "." not in head and head.endswith("0")
        if not round_figure:
            return None
    return "more than ", head.rstrip(" ") + rest


def _bare(ctx: _Context, m: regex.Match[str]) -> Amount | None:
    """3亿 or 三百万 with no currency."""
    num, start, end = m.group("bare"), m.start(), m.end()
    hedged = _hedged(num)
    if hedged is None:
        return None
    hedge, num = hedged
    big = any(ctx.index.units.get(c, 0) >= 10**4 for c in num)
    if not (num[0].isdigit() and any(c in ctx.index.units for c in num)) and not big:
        return None  # 300 or 300多 alone: a plain figure (ZH005 reads 300多)
    english = figure(num, "", ctx.index.units)
    if english is None or not ctx.fits(start, end):
        return None
    return Amount(start, end, -1, english[0], not num[0].isdigit(), False, hedge)


def _safety(ctx: _Context, a: Amount) -> Safety | None:
    """Safe when the amount stands apart; a suggestion inside an untranslated clause or when
    loose; ``None`` (left to a human) when vague: 数十亿 "billions", 3亿多 "over 300 million"."""
    before, after = ctx.text[a.start - 1 : a.start], ctx.text[a.end : a.end + 1]
    # Glued to a Latin token (Times3亿元, billion3亿元), unless the letters open a neighbour that is
    # translated with this one and padded apart from it (美元1.5 + HK港币5 million).
    glued = before.isascii() and before.isalpha() and ctx.text[a.start].isdigit() and not ctx.in_taken(a.start - 1)
    left = ctx.unclear(a.start - 1) or glued
    right = ctx.unclear(a.end) or (after.isascii() and after.isalnum() and not ctx.in_taken(a.end))
    if (a.chinese and left) or (after and after in VAGUE_AFTER):
        return None
    symbol = a.entry >= 0 and ctx.scan.glossary.entry(a.entry).symbol
    if (symbol and ctx.extends_at(a.end)) or ctx.word_before(a.start):
        return None  # 3美元美元, 美元3元: two currencies claim one figure
    if a.entry < 0:
        return None if left or right else Safety.SAFE  # a number inside a clause is the clause's
    return Safety.SUGGESTION if left or right or a.loose or _other_yuan(ctx.text, a) else Safety.SAFE


_TRADITIONAL_SCALES = frozenset("億萬")


def _other_yuan(text: str, a: Amount) -> bool:
    """A bare 元 after traditional 億 or 萬 is written in Taiwan or Hong Kong, where 元 is most
    likely the New Taiwan or Hong Kong dollar, not the yuan: for a human to say which."""
    span = text[a.start : a.end]
    signed = text[max(0, a.start - 4) : a.start].rstrip(" ").endswith("$")  # NT$ 5,000億元: the sign says it
    bare = span.endswith("元") and (span[-2:-1] in _TRADITIONAL_SCALES or span[-2:-1].isdigit())  # not 美元
    named = a.entry >= 0 and not span[:1].isdigit() and span[:1] not in "〇零一二两兩三四五六七八九十百千近約约逾"
    return bare and not signed and not named and not _TRADITIONAL_SCALES.isdisjoint(span)  # 新台幣 500億元 names it


def _judge(ctx: _Context, amounts: list[Amount]) -> list[tuple[Amount, Safety]]:
    """Each amount's safety, given which neighbours are surely translated too (the safe ones).
    A neighbour found unsafe stays Chinese in a safe run, which can make this one unsafe in
    turn: judge again until nothing changes (the safe set only shrinks)."""
    safe = amounts
    while True:
        ctx.taken = [(a.start, a.end) for a in safe]
        judged = [(a, _safety(ctx, a)) for a in amounts]
        now = [a for a, safety in judged if safety is Safety.SAFE]
        if len(now) == len(safe):
            return [(a, safety) for a, safety in judged if safety is not None]
        safe = now


def _english(ctx: _Context, amount: Amount) -> str:
    number = amount.number if amount.loose else grouped(amount.number)  # 74997元: 74,997 yuan
    if amount.entry < 0:
        return amount.hedge + number
    entry = ctx.scan.glossary.entry(amount.entry)
    if entry.symbol:
        return amount.hedge + entry.symbol + number
    unit = entry.en if amount.number == "1" and not amount.hedge else entry.unit
    return f"{amount.hedge}{number} {unit}"


def _pad(ctx: _Context, start: int, end: int, english: str) -> str:
    """Spaces as ``han_padding`` gives them, except on the left next to a known Chinese word that
    ends just before a digit, or next to an amount translated with this one: that fix already
    puts the space in (约合42亿美元 → about $4.2 billion; 美元1.5HK港币5 → $1.5 HK$5)."""
    padded = han_padding(ctx.text, start, end, english)
    left = ctx.text[start - 1] if start else ""
    known_left = has_han(left) and not ctx.unclear(start - 1)
    if padded.startswith(" ") and known_left and not has_han(ctx.text[start]):
        padded = padded[1:]
    elif padded.startswith(" ") and ctx.in_taken(start - 1) and spaced_from_before(ctx.text[start]):
        padded = padded[1:]  # the amount translated just before pads its own end (美元1.5|HK港币5)
    if has_han(ctx.text[end : end + 1]) and not padded.endswith(" ") and may_stay_chinese(ctx.scan, end):
        padded += " "  # Chinese that may stay after it (20元无门槛): keep the English apart from it
    return padded


# Codes and signs English writes before an amount, by the currency's symbol or unit: ``RMB
# 120亿元`` says yuan twice, ``US$ 5亿美元`` dollars twice; the fix takes them in.
MARKERS = {
    "$": ("US$", "USD", "$"), "HK$": ("HK$", "HKD"), "NT$": ("NT$", "TWD"), "S$": ("S$", "SGD"),
    "A$": ("A$", "AUD"), "C$": ("C$", "CAD"), "£": ("£", "GBP"), "yuan": ("RMB", "CNY"),
    "euros": ("€", "EUR"), "yen": ("JPY",), "won": ("KRW",), "rubles": ("RUB",),
}  # fmt: skip


def _marker_start(ctx: _Context, amount: Amount) -> int:
    """Where a currency code or sign for the same currency begins right before the amount."""
    if amount.entry < 0:
        return amount.start
    entry = ctx.scan.glossary.entry(amount.entry)
    markers = MARKERS.get(entry.symbol or entry.unit, ())
    head = ctx.text[max(0, amount.start - 5) : amount.start]
    for marker in sorted(markers, key=len, reverse=True):
        for form in (marker + " ", marker):
            begin = amount.start - len(form)
            if head.endswith(form) and (begin == 0 or not ctx.text[begin - 1].isalnum()):
                return begin
    return amount.start


_HEDGE_BEFORE = regex.compile(
    r"(?<![\w'’])(?:more than|over|about|around|nearly|almost|approximately|roughly|some)[ ]?$", regex.IGNORECASE
)
_DOLLAR_BEFORE = regex.compile(r"(?<![A-Za-z])(?:NT|HK|S|A|C|US|MOP)\$[ ]?$")
_SIGN_BEFORE = regex.compile(r"(?<![A-Za-z])(?:(?:NT|HK|S|A|C|US|MOP)?\$|€|£)[ ]?$")


def _dollar_yuan(ctx: _Context, amount: Amount, safety: Safety) -> Finding | None:
    """元 after another dollar's sign is that dollar's unit, as Taiwan and Hong Kong write it:
    ``NT$ 5,000億元`` is NT$500 billion, not "NT$ 500 billion yuan"; and a bare figure after a
    sign joins it (``HK$ 3億``: HK$300 million)."""
    bare = amount.entry < 0  # HK$ 3億: a sign before a bare figure; the figure joins it
    if not bare and not ctx.text[amount.start : amount.end].endswith("元"):
        return None
    if not bare and ctx.scan.glossary.entry(amount.entry).unit != "yuan":
        return None
    sign = (_SIGN_BEFORE if bare else _DOLLAR_BEFORE).search(ctx.text, max(0, amount.start - 5), amount.start)
    if sign is None:
        return None
    english = amount.hedge + sign.group().strip() + amount.number
    unit = "" if bare else f" (元 is the unit of {sign.group().strip()})"
    message = f"amount '{ctx.text[amount.start : amount.end]}' left in Chinese: {english}{unit}"
    fix = Fix((Edit(Span(sign.start(), amount.end), english),), safety)
    origin = NUMERAL if bare else ctx.scan.glossary.entry(amount.entry).origin
    return Finding(CODE, Span(amount.start, amount.end), message, fix, origin)


def entry_symbol(ctx: _Context, amount: Amount) -> str:
    """The sign the amount's currency is written with ($, HK$), or "" (yuan, euros)."""
    return ctx.scan.glossary.entry(amount.entry).symbol or "" if amount.entry >= 0 else ""


def _range_low(ctx: _Context, amount: Amount, symbol: str) -> tuple[int, str] | None:
    """Where the low end of a range before ``amount`` starts, and its English: it takes the high
    end's 万 or 亿 when it has none (3-5万元: 30,000 to 50,000 yuan) and its sign ($1 billion to $2
    billion)."""
    low = RANGE_LOW.search(ctx.text, max(0, amount.start - 16), amount.start)
    if low is None or amount.loose or amount.hedge:
        return None
    high = _SCALE_IN.search(ctx.text, amount.start, amount.end)
    figure_low = range_low(low, high.group() if high is not None else "")
    return None if figure_low is None else (low.start(), symbol + figure_low)


_SCALE_IN = regex.compile(r"千万|千亿|万亿|[千万亿]")  # the high end's scale: 20亿元, 5千元


def _amount_finding(ctx: _Context, amount: Amount, safety: Safety) -> Finding:
    dollar = _dollar_yuan(ctx, amount, safety)
    if dollar is not None:
        return dollar
    before = ctx.text[amount.start : amount.end]
    english = _english(ctx, amount)
    if amount.hedge and sentence_start(ctx.text, amount.start):
        english = capitalise(english)  # 3亿多元 was spent: More than 300 million yuan
    after = _pad(ctx, amount.start, amount.end, english)
    origin = ctx.scan.glossary.entry(amount.entry).origin if amount.entry >= 0 else NUMERAL
    message = f"amount '{before}' left in Chinese: {after.strip()}"
    said = _HEDGE_BEFORE.search(ctx.text, max(0, amount.start - 16), amount.start) if amount.hedge else None
    if said is not None:  # more than 100多亿元: the English hedges already; say it once
        english = after.lstrip(" ")
        english = english[0].upper() + english[1:] if said.group()[0].isupper() else english
        message += f" ('{said.group().strip()}' before it says the hedge again)"
        fix = Fix((Edit(Span(said.start(), amount.end), english),), safety)
        return Finding(CODE, Span(amount.start, amount.end), message, fix, origin)
    low = _range_low(ctx, amount, entry_symbol(ctx, amount))
    if low is not None:  # 10-20亿元: 1 billion to 2 billion yuan, not "10-2 billion yuan"
        start, figure_low = low
        between = ctx.text[max(0, start - 8) : start].lower().endswith("between ")
        english = f"{figure_low} {'and' if between else 'to'} {after.strip()}"  # between 100到200元: and
        if not (ctx.unclear(start - 1) or ctx.unclear(amount.end) or amount.loose or ctx.in_taken(start)):
            safety = Safety.SAFE  # 3至5万元: the 至 was the only Chinese beside it, and it is read
        message += f" (a range from {ctx.text[start : amount.start].rstrip(' -–~～至到')})"
        return Finding(CODE, Span(amount.start, amount.end), message, Fix((Edit(Span(start, amount.end), english),), safety), origin)
    echo = echo_edits(ctx.text, amount.start, amount.end, (english,)) if bracketed(ctx.text, amount.start, amount.end) else None
    if echo is not None:  # 300 yuan (300元): the English before says it
        return Finding(CODE, Span(amount.start, amount.end), f"{message}; it repeats the English beside it", Fix(echo, safety), origin)
    marker = _marker_start(ctx, amount)
    if marker < amount.start:  # RMB 120亿元 → 12 billion yuan: the code is in the English already
        message += f" ('{ctx.text[marker : amount.start].strip()}' before it says the currency again)"
        fix = Fix((Edit(Span(marker, amount.end), after.lstrip(" ")),), safety)
        return Finding(CODE, Span(amount.start, amount.end), message, fix, origin)
    return replace_after_article(ctx.text, CODE, amount.start, amount.end, after, safety, message, origin)


# ---- words with no amount ------------------------------------------------------------------


def _latin_start(ctx: _Context, start: int, entry: int) -> int:
    """Where a glued Latin prefix the symbol already says begins (``HK``港币)."""
    for latin, entries in ctx.index.latin.items():
        begin = start - len(latin)
        if entry in entries and begin >= 0 and ctx.text[begin:start] == latin:
            if begin == 0 or not ctx.text[begin - 1].isalpha():
                return begin
    return start


def _word(ctx: _Context, piece: HanPiece) -> Finding:
    """A currency piece that no amount took: 约合, a bare currency word, or a unit with no number."""
    entry = ctx.scan.glossary.entry(piece.entry)
    han = ctx.text[piece.start : piece.end]
    if han in ctx.index.before:
        ahead = ctx.amount_ahead(piece.end)
        safety = Safety.SAFE if ahead and not ctx.unclear(piece.start - 1) else Safety.SUGGESTION
        after = english_for(ctx.scan, piece.start, piece.end, entry.en)
        message = f"'{han}' before an amount is '{entry.en}'" if ahead else f"'{han}' is '{entry.en}'"
        return replace(CODE, piece.start, piece.end, after, safety, message, entry.origin)
    if han not in ctx.index.words:
        message = f"amount '{han}' ({entry.en}) has no single number; it needs a human"
        return report(CODE, piece.start, piece.end, message, entry.origin)
    if ctx.unclear(piece.start - 1) or ctx.unclear(piece.end):
        message = f"currency '{han}' ({entry.en}) inside untranslated Chinese"
        return report(CODE, piece.start, piece.end, message, entry.origin)
    figure_behind = FIGURE_BEHIND.search(ctx.text, max(0, piece.start - 16), piece.start)
    if ctx.figure_ahead(piece.end) or figure_behind:
        message = f"currency '{han}' ({entry.en}) beside a figure that is not its amount (美元3元)"
        return report(CODE, piece.start, piece.end, message, entry.origin)
    start = _latin_start(ctx, piece.start, piece.entry)
    after = english_for(ctx.scan, start, piece.end, entry.en)
    message = f"currency '{ctx.text[start:piece.end]}' left in Chinese: {entry.en} (or the plural)"
    return replace(CODE, start, piece.end, after, Safety.SUGGESTION, message, entry.origin)


def _words(ctx: _Context, amounts: list[Amount]) -> Iterator[Finding]:
    ctx.taken = [(a.start, a.end) for a in amounts]  # pieces never straddle an amount (``fits``)
    ends = {a.end: a for a in amounts}
    for piece in ctx.pieces:
        if piece.kind in UNCLEAR or piece.entry < 0 or ctx.in_taken(piece.start):
            continue
        entry = ctx.scan.glossary.entry(piece.entry)
        if entry.kind != "currency":
            continue
        amount = ends.get(piece.start)
        if amount is not None and amount.entry == piece.entry:  # 3000万元人民币: the amount said it
            han = ctx.text[piece.start : piece.end]
            message = f"currency '{han}' ({entry.en}) repeats the amount's currency before it; delete it"
            yield replace(CODE, piece.start, piece.end, "", Safety.SUGGESTION, message, entry.origin)
            continue
        yield _word(ctx, piece)


def judged(scan: Scan) -> Judged | None:
    """The amounts of a document with their safety (``Scan.judged_amounts`` keeps them: ZH003
    reads their spans too, to leave them to this rule)."""
    index = scan.glossary.currency
    if index is None or not (index.words or index.before) or scan.text.isascii():
        return None
    ctx = _Context(scan, index)
    pattern = _pattern(index)
    regions = _regions(ctx.pieces, len(scan.text))
    found = [_amount(ctx, m) for lo, hi in regions for m in pattern.finditer(scan.text, lo, hi)]
    return ctx, _judge(ctx, [a for a in found if a is not None])


def check(scan: Scan) -> Iterator[Finding]:
    found = scan.judged_amounts
    if found is None:
        return
    ctx, amounts = found
    for amount, safety in amounts:
        yield _amount_finding(ctx, amount, safety)
    yield from _words(ctx, [a for a, _ in amounts])

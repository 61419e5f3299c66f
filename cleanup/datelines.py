"""News agency datelines left in Chinese, and their English.

A Chinese agency story opens with a dateline: 新华社北京3月5日电 ("Xinhua, Beijing, March 5,
by wire"). Machine translation that leaves it gives "Xinhua News Agency Beijing March 5
electricity" when read word by word. The agency's own English edition writes the same line in
one form, the city in capitals, the date, the agency in brackets and a dash:

    新华社北京3月5日电 / 【新华社北京3月5日电】 → BEIJING, March 5 (Xinhua) --
    中央社台北5月24日電 → TAIPEI, May 24 (CNA) --

Only what reads one way is converted: the dateline opens a line or a sentence (mid-sentence, 据新华社…电 is
"Xinhua reported", a rewording left to the editor), the agency is one whose English dateline is known, the
city is one glossary term (a place no entry covers is left to the other rules), and the month
and day are a real date. A dateline may name no agency (西安5月18日电 → XI'AN, May 18 --), and a reporter's
bracket right after it (（记者张三）) goes with it: the English dateline carries no byline.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

import regex

from .numbers import SMALL_UNITS, chinese_number

# The agency's name in its datelines, as its English edition (or its own English name) writes it.
AGENCIES = {
    "新华社": "Xinhua",
    "中新社": "China News Service",
    "中新网": "Chinanews.com",
    "中央社": "CNA",
    "人民网": "People's Daily Online",
    "中国日报网": "China Daily",
}
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
# A reporter's bracket right after the dateline (（记者王健）, （记者 王健 刘洋）): the English
# dateline carries no byline, and a line of Chinese names left in it is no use to a reader.
_REPORTERS = r"(?P<byline>[ \t]*[（(](?:本报|特约|见习)?记者[^）)\n]{1,30}[）)])?"
DATELINE = regex.compile(
    rf"(?P<open>[【\[])?(?:(?P<agency>{'|'.join(AGENCIES)})|(?=\p{{Han}}{{2,8}}?{_NUM}月{_NUM}日[电電]))"
    rf"(?P<city>\p{{Han}}{{2,8}}?)(?P<month>{_NUM})月(?P<day>{_NUM})日[电電](?P<close>[】\]])?{_REPORTERS}"
)


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    city: tuple[int, int]  # where the city's characters are: a glossary term must cover them
    month: int
    day: int
    agency: str

    def english(self, city: str) -> str:
        agency = f" ({self.agency})" if self.agency else ""  # 西安5月18日电: a dateline with no agency named
        return f"{city.upper()}, {calendar.month_name[self.month]} {self.day}{agency} --"


def datelines(text: str) -> list[Dateline]:
    """Every agency dateline in ``text`` whose month and day are a real date."""
    if "日电" not in text and "日電" not in text:
        return []
    found = []
    for m in DATELINE.finditer(text):
        month, day = _number(m["month"]), _number(m["day"])
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]):
            continue
        start = m.start("open") if m["open"] and m["close"] else m.start("agency" if m["agency"] else "city")
        if text[:start].rstrip(" \t")[-1:] not in ("", "\n", "(", "（", ".", "。", "!", "?", "！", "？"):
            continue  # 据新华社北京3月5日电, mid-sentence: "Xinhua reported on March 5", a rewording
        end = m.end("close") if m["open"] and m["close"] else m.end("day") + 2
        end = m.end("byline") if m["byline"] else end
        agency = AGENCIES[m["agency"]] if m["agency"] else ""
        found.append(Dateline(start, end, (m.start("city"), m.end("city")), month, day, agency))
    return found


def _number(text: str) -> int:
    return int(text) if text.isdigit() else chinese_number(text, SMALL_UNITS) or 0

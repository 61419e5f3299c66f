"""Chinese dates, times and percentages and their English (``cleanup.dates``)."""

from __future__ import annotations

import pytest

from cleanup import dates as _dates
from cleanup.dates import chinese_dates


@pytest.mark.parametrize(("text", "found"), [
    ("on 2024年3月5日 in", [("2024年3月5日", "March 5, 2024", "date")]),
    ("二〇二四年三月五日", [("二〇二四年三月五日", "March 5, 2024", "date")]),
    ("3月5号", [("3月5号", "March 5", "date")]),
    ("十二月份", [("十二月份", "December", "date")]),
    ("2020年2月29日", [("2020年2月29日", "February 29, 2020", "date")]),
    ("2021年2月29日", []),  # no such day
    ("on 5日, he", [("5日", "the 5th", "date")]),
    ("the 22日", [("22日", "the 22nd", "date")]),
    ("at 10时30分 and 9点半", [("10时30分", "10:30 a.m.", "time"), ("9点半", "9:30", "time")]),
    ("25时70分", []),
    ("百分之五 百分之2.5 百分之二点五", [("百分之五", "5 percent", "percentage"),
                                ("百分之2.5", "2.5 percent", "percentage"),
                                ("百分之二点五", "2.5 percent", "percentage")]),
    ("the 90年代 and 2024年度 and 3月底前 and 今年初中", []),  # no century; a fiscal year; more Chinese follows
    ("by 3月底 and 2024年初", [("3月底", "the end of March", "date"), ("2024年初", "early 2024", "date")]),
    ("1000年, 12025年, 13月, 日本, 人民日报, 5日后, 5号 building", []),
    ("5年 ago, 两年前, 十天, 3个多月, 35岁, 3万人, 一千年", [
        ("5年", "5 years", "quantity"), ("两年前", "two years ago", "quantity"), ("十天", "10 days", "quantity"),
        ("3个多月", "more than 3 months", "quantity"), ("35岁", "35 years old", "quantity"),
        ("3万人", "30,000 people", "quantity"), ("一千年", "1,000 years", "quantity")]),
    ("a 十年 plan, the 30分钟 drive, the 十年 of war, a 3人 team, an 8岁 boy, 70周年, 第三周年", [
        ("十年", "10-year", "quantity"), ("30分钟", "30-minute", "quantity"), ("十年", "10 years", "quantity"),
        ("3人", "3-person", "quantity"), ("8岁", "8-year-old", "quantity"), ("70周年", "70th anniversary", "quantity"),
        ("三周年", "third anniversary", "quantity")]),
    ("五年规划, 3年级, 十年来, 30多岁, 3年前后", []),  # another word, an age in the 30s, a range
    ("plain English with no cue", []),
    ("100多个 countries, 30余 firms, 1,000多名 workers", [("100多个", "more than 100", "number"),
                                                   ("30余", "more than 30", "number"),
                                                   ("1,000多名", "more than 1,000", "number")]),
    ("30多万 people, 30多岁, 1.5多, 300余震, 300 余 more", []),  # amount, age, decimal, another word...
    ("基本法第二十三条", [("第二十三条", "Article 23", "ordinal")]),
    ("第三章 第二款 第一百二十条 第2条", [("第三章", "Chapter 3", "ordinal"), ("第二款", "Paragraph 2", "ordinal"),
                                 ("第一百二十条", "Article 120", "ordinal"), ("第2条", "Article 2", "ordinal")]),
    ("第十四届全国人大", [("第十四届", "14th", "ordinal")]),
    ("第三次 第十一次 第一季度 第二轮 第一批", [("第三次", "third", "ordinal"), ("第十一次", "11th", "ordinal"),
                                    ("第一季度", "first quarter", "ordinal"), ("第二轮", "second round", "ordinal"),
                                    ("第一批", "first batch", "ordinal")]),
    ("第五季度 第零条 第三方", []),  # no fifth quarter, no article 0, a word (third party)
    ("finished 第一, the 第17 spot", [("第一", "first", "ordinal"), ("第17", "17th", "ordinal")]),  # no unit: a rank
    ("from 0点 to 24点, at 20点, 12点", [("0点", "midnight", "time"), ("24点", "midnight", "time"),
                                   ("20点", "8 p.m.", "time"), ("12点", "12 o'clock", "time")]),  # 点: either half of the day
    ("closed at 3,120点, up 25.6点, 3120点", [("3,120点", "3,120 points", "quantity"),
                                         ("25.6点", "25.6 points", "quantity"), ("3120点", "3120 points", "quantity")]),
    ("fell 0.25个百分点, 1个百分点, 2百分点", [("0.25个百分点", "0.25 percentage points", "percentage"),
                                     ("1个百分点", "1 percentage point", "percentage"),
                                     ("2百分点", "2 percentage points", "percentage")]),
])  # fmt: skip
def test_chinese_dates(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(text[d.start : d.end], d.english, d.kind) for d in chinese_dates(text)] == found


def test_every_unit_has_a_cue_so_a_lone_reading_is_not_skipped() -> None:
    """The cue scan skips a document with none of the cue characters: a unit without one (℃, 桶)
    was read only when some other cue happened to be in the text."""
    cues = set(_dates._CUES)
    units = [*_dates._QUANTITY_UNITS, *_dates._PER_UNITS, "℃", "百帕"]
    assert [u for u in units if not cues & set(u)] == []


def test_a_lone_temperature_or_barrel_count_is_read() -> None:
    assert [d.english for d in chinese_dates("It will drop to 零下15℃.")] == ["minus 15 degrees Celsius"]
    assert [d.english for d in chinese_dates("It produced 30万桶 a day.")] == ["300,000 barrels"]

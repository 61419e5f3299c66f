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
    discount); 8折 → 20% off, 8.5折 → 15% off (a suggestion: the tenths paid)
    两成 → 20 percent, 千分之五 → 0.5 percent, 万分之三 → 0.03 percent
    the 56岁 patient → the 56-year-old patient (before a noun), his 56岁 birthday → his 56th
    45亿立方米 → 4.5 billion cubic meters, 1.2万吨 → 12,000 tonnes, 120亿千瓦时 → 12 billion
    kilowatt-hours, 5千人 → 5,000 people, 2.6亿人次 → 260 million person-times (3.2万人次 visits
    → 32,000 visits), 500户 → 500 households, 35摄氏度 → 35 degrees Celsius, 零下40度 → minus 40
    degrees (度 alone is no unit: 35度 may be an angle, 1亿度 a plasma's heat), 100米自由泳 →
    100-meter freestyle, 10年期 → 10-year (10年期国债: 10-year treasury bonds)
    3月1日到3月5日 → March 1 to March 5 (至, 到, ~, —; 3月1日-5日 → March 1-5), 3月5日下午 → the
    afternoon of March 5, 22时许 → around 10 p.m. (时 alone is the 24-hour clock)
    9月底 → the end of September, 9月初 → early September, 9月中旬 → mid-September, 2024年底 →
    the end of 2024, 今年初 → early this year, 年底 → the end of the year, 月底 → the end of the
    month (only where no Chinese follows: 初中 is a junior high school)
    20世纪 → the 20th century, 20世纪80年代 → the 1980s, 1990年代 → the 1990s, 公元前278年 → 278 BC
    正月十五 → the 15th day of the first lunar month, 农历五月初五 → the fifth day of the fifth
    lunar month, 大年初一 → the first day of the Lunar New Year
    46秒40 → 46.40 seconds, 1分23秒 → 1 minute 23 seconds, beat Japan 以3比1 → beat Japan 3-1 (a
    suggestion with no game in sight; a ratio of 3比1 → 3:1), scored 28分 → scored 28 points
    (only where the English keeps score: 分 is also a minute, a mark or a cent)

Numbers may be digits or Chinese numerals (三月五日, 二〇二四年). Only what cannot be anything else
is read: a year has four digits from 1800 to 2099 (``5年`` is "five years"), months and days are
checked against the calendar, and a year, month or day followed by a character that makes it
another word (``90年代`` the 1990s or the 1890s, ``2024年度`` a fiscal year) is left alone.
``号`` counts as a day only after a month (``5号`` alone is a number: No. 5).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import regex

from .english import THE_BEFORE, modifies_noun, said_next
from .numbers import (
    BELOW_WAN,
    CHINESE_HEDGES,
    RANGE_LOW,
    SMALL_UNITS,
    chinese_number,
    english_number,
    grouped,
    ordinal,
    range_low,
)

_NUM = r"[〇零一二两三四五六七八九十]"
_YEAR = rf"(?:1[89]\d\d|20\d\d|{_NUM}{{4}})"
_SMALL = rf"(?:\d{{1,2}}|{_NUM}{{1,3}})"
_AFTER_YEAR = "代度底初末中前后内间"  # 90年代, 2024年度, 2024年底 ...: another word
_AFTER_MONTH = "底初末中前后内间"
_PER_UNIT_AFTER = (  # a currency word a per-unit price may end in, or a unit a rate is measured in (420公斤/亩)
    "美元|欧元|港元|港币|英镑|日元|公斤|千克|克|吨|微克|毫克|斤|米|公里|千瓦时"
    "|kilograms|kilogram|tonnes|tonne|grams|gram|micrograms|milligrams|meters|kilometers|jin"
)
_CLASSIFIERS = "个名家位次项所座架艘辆只条"  # dropped in English: 100多个 countries
# Counters between a figure and the English noun it counts (12名 doctors, 5辆 trucks): English has
# none, so the figure alone stays. Read only when an English word follows (次 only before a plural:
# 10次 assists, but 3次 last year is "3 times").
_COUNTERS = "个名家位项所座架艘辆只条台部件头匹张本篇批例起枚场支颗粒棵株栋间份套根次趟班"
COUNTERS = frozenset(_COUNTERS)  # also before a Chinese noun: 8次助攻 (ZH003)
# ... but not before a function word: in "has 三十条 and runs" the counter is the noun (30 articles).
_FUNCTION_WORDS = (
    r"(?i:and|or|of|in|on|at|to|for|with|from|by|as|is|are|was|were|the|a|an|that|which|this|but|each|every|per|daily|times?"
    r"|since|across|after|before|over|during|through|among|between|against|without|within|around|under|into|onto|until"
    r"|via|than|so|compared|versus)"
)
_AFTER_MORE = "万亿千百十元倍岁年月日天小分秒米吨公斤里克度户次"  # 30多万 is an amount, 30多岁 an age: not read here
# Counted units (3年 → 3 years, 十天 → 10 days, 35岁 → 35 years old, 3万人 → 30,000 people), read
# only when no Chinese follows (五年规划 is the Five-Year Plan, 3年级 a school grade, 十年来 a phrase).
# 度 (degree) is no unit here: 35度 is a temperature or an angle, 1亿度 the heat of a fusion plasma;
# only 度电 is electricity.
_QUANTITY_UNITS = {
    "年": "year", "个月": "month", "个多月": "month", "个多小时": "hour", "周": "week", "星期": "week", "天": "day",
    "个工作日": "working day", "工作日": "working day",
    "小时": "hour", "个小时": "hour", "个钟头": "hour", "分钟": "minute", "秒钟": "second", "秒": "second", "岁": "year", "人": "person",
    "公里": "kilometer", "千米": "kilometer", "米": "meter", "平方公里": "square kilometer", "平方千米": "square kilometer",
    "平方米": "square meter", "公斤": "kilogram", "千克": "kilogram", "亩": "mu", "周年": "anniversary",
    "厘米": "centimeter", "毫米": "millimeter", "英寸": "inch", "立方米": "cubic meter", "公顷": "hectare",
    "吨": "tonne", "克": "gram", "千瓦时": "kilowatt-hour", "度电": "kilowatt-hour", "千瓦": "kilowatt",
    "人次": "person-time", "户": "household", "海里": "nautical mile", "英里": "mile", "斤": "jin",
    "桶": "barrel", "辆": "vehicle", "架次": "sortie", "吨标准煤": "tonne of standard coal",
    "升": "liter", "毫升": "milliliter", "千卡": "kilocalorie", "罐": "can", "瓶": "bottle", "箱": "box",
    "袋": "bag", "盒": "box", "册": "copy", "套": "unit", "件": "item", "台": "unit", "辆次": "vehicle trip",
    "平米": "square meter", "毫安": "mAh", "毫安时": "mAh", "步": "step", "桌": "table",
    "公里/小时": "kilometer per hour", "千米/小时": "kilometer per hour", "公里每小时": "kilometer per hour",
    "米/秒": "meter per second", "米每秒": "meter per second", "纳米": "nanometer", "微米": "micrometer",
    "毫克": "milligram", "微克": "microgram", "百帕": "hectopascal", "例": "case", "次": "time", "分贝": "decibel",
}  # fmt: skip
# A price per unit: 98.5元/吨 is 98.5 yuan per tonne (ZH004 writes the amount, this the unit). The
# units are the quantities' where both read them (吨, 小时, 公斤 …), and these besides.
_PER_UNITS = {
    **{k: _QUANTITY_UNITS[k] for k in "吨 平方米 平米 小时 天 年 公斤 千克 斤 千瓦时 升 公里 桶 亩 克".split()},
    "人": "person", "日": "day", "月": "month", "晚": "night", "学年": "academic year", "学期": "semester",
    "次": "time", "股": "share", "户": "household", "度": "kilowatt-hour", "张": "ticket", "个": "piece",
    "件": "piece", "份": "serving", "位": "person", "间": "room", "立方米": "cubic meter", "头": "head",
}  # fmt: skip
_PLURAL_UNITS = {
    "person": "people", "mu": "mu", "jin": "jin", "inch": "inches", "person-time": "person-times",
    "tonne of standard coal": "tonnes of standard coal", "box": "boxes", "copy": "copies",
    "kilometer per hour": "kilometers per hour", "meter per second": "meters per second", "mAh": "mAh",
}  # fmt: skip
_MEASURES = (
    "岁", "公里", "千米", "米", "平方公里", "平方千米", "平方米", "公斤", "千克", "亩", "厘米", "毫米", "英寸", "立方米",
    "公顷", "吨", "克", "千瓦时", "度电", "千瓦", "海里", "英里", "斤", "桶", "吨标准煤", "升", "毫升", "千卡",
    "公里/小时", "千米/小时", "公里每小时", "米/秒", "米每秒", "纳米", "微米", "平米", "毫安", "毫安时", "毫克", "微克",
    "百帕",
)  # fmt: skip  # figures even below 10 (AP)
# Units that count things an English noun after them may name: 3.2万人次 visits is 32,000 visits.
_COUNTED_UNITS = ("人次", "户", "辆", "架次", "人", "罐", "瓶", "箱", "袋", "盒", "册", "套", "件", "台", "例", "次")
# Units a figure may follow straight on (3年6个月, 2小时30分钟); after any other, a figure makes
# another reading (1米8 is 1.8 meters).
_TIME_UNITS = frozenset("年 个月 个多月 个多小时 周 星期 天 小时 个小时 个钟头 分钟 秒钟 秒 个工作日 工作日".split())
_SPELLED = "one two three four five six seven eight nine".split()
_BIG_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
# The part of the day before a clock time, and whether its hours are before noon (上午9时: 9 a.m.).
_DAY_PARTS = {
    "上午": "a.m.", "早上": "a.m.", "早晨": "a.m.", "凌晨": "a.m.", "清晨": "a.m.", "下午": "p.m.",
    "晚上": "p.m.", "傍晚": "p.m.", "夜间": "p.m.", "晚间": "p.m.", "晚": "p.m.", "中午": "noon",
}  # fmt: skip
# The part of the day after a date with no clock time: 3月5日下午 is the afternoon of March 5.
_DATE_PARTS = {
    "上午": "the morning of", "早上": "the morning of", "早晨": "the morning of", "清晨": "the early morning of",
    "凌晨": "the early hours of", "中午": "noon on", "下午": "the afternoon of", "傍晚": "the evening of",
    "晚上": "the evening of", "晚间": "the evening of", "晚": "the evening of", "夜间": "the night of",
    "深夜": "the night of", "夜里": "the night of",
}  # fmt: skip
_DATE_PART = regex.compile(
    rf"[ ]?({'|'.join(sorted(_DATE_PARTS, key=len, reverse=True))})(?![\p{{Han}}\d〇零一二两三四五六七八九十])"
)
# Lunar dates: 正月十五 (the 15th day of the first lunar month), 农历五月初五, 腊月二十三. 初 before
# a day is the lunar calendar's alone; a month 正, 腊 or 冬, or 农历 before it, says it too.
_LUNAR_DAY = r"初(?:十|[一二三四五六七八九])|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|十[一二三四五六七八九]|三十"
_LUNAR_MONTH = r"正|腊|冬|十[一二]?|[一二三四五六七八九]"
_LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}
# Ends and parts of a month or year: 9月底 the end of September, 9月初 early September, 年底 the
# end of the year. Read only when no Chinese follows (初中 is a junior high school, 底薪 a base pay).
_MONTH_EDGES = {"底": "the end of {}", "末": "the end of {}", "初": "early {}", "上旬": "early {}", "中旬": "mid-{}", "下旬": "late {}"}
_YEAR_EDGES = {"底": "the end of {}", "末": "the end of {}", "初": "early {}"}
_BARE_EDGES = {
    "年底": "the end of the year", "年末": "the end of the year", "年初": "the beginning of the year",
    "月底": "the end of the month", "月末": "the end of the month", "月初": "the beginning of the month",
}  # fmt: skip
_CENTURY_EDGES = {"初": "the early {}", "末": "the late {}", "中叶": "the mid-{}", "中期": "the mid-{}",
                  "上半叶": "the first half of the {}", "下半叶": "the second half of the {}"}  # fmt: skip
# Olympic events named after their distance: 100米自由泳 is the 100-meter freestyle.
_EVENTS = {
    "自由泳接力": "freestyle relay", "混合泳接力": "medley relay", "个人混合泳": "individual medley",
    "自由泳": "freestyle", "蛙泳": "breaststroke", "仰泳": "backstroke", "蝶泳": "butterfly", "混合泳": "individual medley",
    "接力": "relay", "跨栏": "hurdles", "障碍": "steeplechase", "跳台": "platform", "跳板": "springboard",
    "气步枪": "air rifle", "气手枪": "air pistol", "步枪": "rifle", "手枪": "pistol", "速滑": "speed skating",
    "台": "platform", "板": "springboard", "栏": "hurdles",
}  # fmt: skip
_EVENT = "|".join(k for k in sorted(_EVENTS, key=len, reverse=True) if len(k) > 1)
_SCORE_NUM = r"(?:\d{1,3}|[零一二两三四五六七八九十]{1,3})"
# The characters a reading can start with: one test per position before the alternatives.
_FIRST = "〇零一二两三四五六七八九十百千万农阴正腊冬大公去今明年月上下早凌清中晚夜傍第满立减打以/享同环每半周星礼里民约逾超近" + _COUNTERS
DATE = regex.compile(
    rf"(?=[\d{_FIRST}])(?:"
    rf"(?P<lunar>农历|阴历)(?P<lm>{_LUNAR_MONTH}|\d{{1,2}})月(?:(?P<ld>{_LUNAR_DAY})|(?P<ldd>\d{{1,2}})[日号])?"
    rf"|(?<!\p{{Han}})(?P<lm2>正|腊|冬)月(?:(?P<ld2>{_LUNAR_DAY})|(?!\p{{Han}}))"
    rf"|(?P<lm3>十[一二]?|[一二三四五六七八九])月(?P<ld3>初(?:十|[一二三四五六七八九]))"
    r"|大年(?:初(?P<ny>十|[一二三四五六七八九])|(?P<nye>三十))"
    r"|(?P<bc>公元前)?(?P<cent>\d{1,2}|[一二三四五六七八九十]{1,3})世纪"
    r"(?:(?P<cdec>[0-9]0|[一二三四五六七八九]?十|零)年代)?(?P<cedge>初|末|中叶|中期|上半叶|下半叶)?"
    r"|(?P<decy>1[5-9]\d0|20\d0)\s*年代(?P<dedge>初|末|中期)?"
    rf"|公元前(?P<bcy>\d{{1,4}}|{_NUM}{{1,6}})年"
    rf"|公元(?P<ady>\d{{1,4}})年(?![{_AFTER_YEAR}])"
    rf"|(?:(?P<mry>{_YEAR})\s*年)?(?P<mr1>{_SMALL})\s*[-—–~～至到]\s*(?P<mr2>{_SMALL})\s*月(?![{_AFTER_MONTH}日号\d])"
    rf"|(?:(?P<ey>{_YEAR})\s*年|(?P<erel>去年|今年|明年))?(?P<em>{_SMALL})\s*月(?P<medge>底|末|初|上旬|中旬|下旬)(?!\p{{Han}})"
    rf"|(?P<ey2>{_YEAR})\s*年(?P<yedge>底|末|初)(?!\p{{Han}})"
    r"|(?P<erel2>去年|今年|明年)年?(?P<yedge2>底|末|初)(?!\p{Han})"
    r"|(?<![\p{Han}\d])(?P<bedge>[年月][底末初])(?!\p{Han})"
    rf"|(?P<rel>去年|今年|明年)(?P<m4>{_SMALL})\s*月份?(?![{_AFTER_MONTH}])(?:\s*(?P<d4>{_SMALL})\s*[日号])?"
    rf"|(?P<y>{_YEAR})\s*年(?![{_AFTER_YEAR}])"
    rf"(?:\s*(?P<m>{_SMALL})\s*月份?(?![{_AFTER_MONTH}])(?:\s*(?P<d>{_SMALL})\s*[日号])?)?"
    rf"|(?P<m2>{_SMALL})\s*月份?(?![{_AFTER_MONTH}])(?:\s*(?P<d2>{_SMALL})\s*[日号])?"
    rf"|(?P<d3>{_SMALL})\s*日(?![本报元前后内间])"
    rf"|(?P<ampm>{'|'.join(sorted(_DAY_PARTS, key=len, reverse=True))})(?P<h3>\d{{1,2}}|{_NUM}{{1,3}})\s*[时点]"
    r"(?:\s*(?P<min3>\d{1,2})\s*分|(?P<half3>半))?(?P<about3>许)?"
    r"|(?P<hx>\d{1,2})\s*时(?:\s*(?P<minx>\d{1,2})\s*分)?许"
    r"|(?P<h>\d{1,2})\s*[时点]\s*(?:(?P<min>\d{1,2})\s*分(?:(?P<hsec>\d{1,2})秒)?|(?P<half>半))"
    r"|(?<![\d.])(?P<roc>民國|民国)?(?P<ry>1[01]\d)年(?P<rm>\d{1,2})月(?:(?P<rd>\d{1,2})[日号])?"  # Taiwan's calendar: 114年 is 2025
    r"|(?<![\d.])(?P<hc>\d{1,2})[:：](?P<mc>[0-5]\d)[ ]?时(?!\p{Han})"  # 18:00时: the time, its 时 said twice
    r"|(?<![\d.小:：])(?P<hb>\d{1,2})时(?:(?![\p{Han}\d])|(?=[至到]\d{1,2}时))"  # 9时至17时: a span of the day
    r"|(?<![\d.,小])(?P<hd>\d{1,2})点(?:(?![\p{Han}\d])|(?=[至到]\d{1,2}点))"  # 8点至17点: a span of the day
    r"|(?<![\d.,])(?P<ipt>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{3,5}(?:\.\d+)?|\d{1,2}\.\d+)点(?![\p{Han}\d])"
    r"|(?<![时点])(?:(?P<sh>\d{1,2})小时)?(?P<sm>\d{1,3})分(?P<ss>\d{1,2})秒(?P<sf>\d{1,3})?(?!\.?\d)"
    r"|(?<![\d.])(?P<hh>\d{1,2})(?:个)?小时(?P<hm>\d{1,2})分(?:钟)?(?![\d秒])"  # 1小时03分: 1 hour 3 minutes
    r"|(?<![\d.])(?P<bei>\d+(?:\.\d+)?)倍(?=[ ](?:the|that|as|more|higher|larger|faster|bigger|greater)\b)"  # 1.5倍 the wage
    r"|(?<![\d.A-Za-z])(?P<typ>0\d{2}[A-Z]{0,2}|\d{2}[A-Z]{1,2})型(?=[ ]?[a-z])"  # the 055型 destroyer: the Type 055 destroyer
    r"|(?<![\d.])(?P<jail>\d{1,2}|[一二两三四五六七八九十]{1,3})年(?:(?P<jailm>\d{1,2}|[一二两三四五六七八九十]{1,2})个月)?有期徒刑(?!\p{Han})"  # 12年有期徒刑
    r"|(?<![\d.])(?P<floor>\d{1,3})楼(?![\p{Han}\d])"  # the 5楼: the fifth floor
    r"|(?:一天|每天|每日|一日)(?P<tpd>\d{1,2}|[一二两三四五六七八九十])次(?!\p{Han})"  # 一天三次: three times a day
    r"|(?<![\d.A-Za-z])(?P<tpd2>\d{1,2})次/(?:天|日)(?!\p{Han})"  # 3次/天: 3 times a day
    r"|(?P<sec>\d{1,3})秒(?P<secf>\d{1,3})(?!\.?\d)"
    rf"|百分之(?P<pct>\d+(?:\.\d+)?|{_NUM}+(?:点{_NUM}+)?)"
    rf"|(?P<permil>千|万)分之(?P<pmv>\d+(?:\.\d+)?|{_NUM}+(?:点{_NUM}+)?)"
    r"|(?<![\d.])(?P<ppt>\d+(?:\.\d+)?)个?(?P<pptu>百分点|基点)(?!\p{Han})"
    r"|(?<!\p{Han})(?P<halfh>半)(?:个)?小时(?!\p{Han})"
    r"|(?<!\p{Han})(?P<fden>[二三四五六七八九十])分之(?P<fnum>[一二三四五六七八九])(?!\p{Han})"
    r"|(?<!\p{Han})(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])(?!\p{Han})"
    r"|(?<![\d.])(?P<apct>\d+(?:\.\d+)?%)(?P<approx>左右|上下|以内|以上|以下)(?!\p{Han})"
    r"|每(?P<each>股|人|吨|平方米|公斤|斤|小时|天|月|年|户)(?P<eamt>\d+(?:\.\d+)?)(?P<escale>万|亿)?元(?!\p{Han})"
    rf"|(?<=元|yuan|dollars|[\d.]|{_PER_UNIT_AFTER})(?:/|(?<=元)一)(?P<per>{'|'.join(sorted(_PER_UNITS, key=len, reverse=True))})(?!\p{{Han}})"
    rf"|享年(?P<died>\d{{1,3}}|{_NUM}{{1,3}})岁(?!\p{{Han}})"
    r"|(?P<cmp>同比|环比)(?:(?P<dir>增长|上涨|上升|增加|提高|下降|下跌|减少|降低|下滑)了?|(?P<sign>[+\-−]))(?P<cpct>\d+(?:\.\d+)?)(?P<cunit>%|个百分点)(?!\p{Han})"
    r"|(?<![\p{Han}\d.])(?P<cheng>[1-9]|[一二两三四五六七八九])成(?P<cheng2>[1-9]|[一二三四五六七八九])?(?![\p{Han}\d])"
    r"|(?<![\p{Han}\d.])打?(?P<zhe>[1-9]\.[1-9]|[1-9][1-9]?|[一二三四五六七八九]{1,2})折(?!\p{Han})"
    rf"|(?<![\p{{Han}}\d.])(?P<yi>以)?(?P<s1>{_SCORE_NUM})比(?P<s2>{_SCORE_NUM})(?!\.?\d)"
    r"|(?P<pts>\d{1,3})分(?![\p{Han}\d])"
    r"|(?P<term>\d{1,2}|[一二两三四五六七八九十]{1,3})(?P<termu>年|个月)期(?![间限满内末中])"
    r"|(?P<below>零下)(?P<temp>\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3})(?P<tunit>摄氏度|华氏度|℃|度)"
    r"|(?P<temp2>\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3})(?P<tunit2>摄氏度|华氏度)"
    r"|(?:里氏)?(?P<mag>[1-9](?:\.\d)?)级(?P<quake>地震|强震|余震)"  # 7.1级地震: a 7.1-magnitude earthquake (Xinhua)
    r"|(?:里氏)?(?P<mag2>[1-9](?:\.\d)?)级(?=[ ]?(?:earthquakes?|quakes?|tremors?|aftershocks?|temblors?)\b)"
    rf"|(?P<evq>\d+)米(?P<event>{_EVENT}|[台板栏](?!\p{{Han}}))"
    rf"|(?P<more>\d{{1,3}}(?:,\d{{3}})*|\d+)[多余](?:[{_CLASSIFIERS}](?![{_AFTER_MORE}])|(?!\p{{Han}}))"
    r"|第(?P<ord>\d{1,4}|[〇零一二两三四五六七八九十百千]{1,8})(?P<unit>季度|条|章|款|届|次|轮|批|剂|分钟|名(?!\p{Han}))"
    r"|第(?P<ord2>\d{1,4}|[〇零一二两三四五六七八九十百千]{1,8})(?![\p{Han}\d])"
    r"|(?P<pctof>\d+(?:\.\d+)?%)的(?=[ ]?[A-Za-z])"
    rf"|(?:(?<!\p{{Han}})(?P<qhedge>约|逾|超过|超|近)(?=\d))?(?P<qty>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百千]{{1,8}})"
    r"(?P<qmore0>[多余])?(?P<qscale>千万|千亿|万亿|[万亿]|(?<=\d)千(?![米克瓦]))?"
    rf"(?P<qmore>[多余])?(?P<qunit>{'|'.join(sorted(_QUANTITY_UNITS, key=len, reverse=True))})(?P<qwhen>[前后])?(?P<qabout>左右|上下)?(?!(?![〇零一二两三四五六七八九十])\p{{Han}})"
    rf"|(?<!第)(?P<cnt>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|{_NUM}[〇零一二两三四五六七八九十百千]{{0,7}})(?P<cscale>[万亿])?"
    rf"(?P<cmore>[多余])?(?P<cls>[{_COUNTERS}])(?=[ ]?(?!{_FUNCTION_WORDS}\b)[A-Za-z])"
    rf"|(?P<hnum>\d{{1,2}}|{_NUM}{{1,3}})个半(?P<hunit>小时|钟头|月)(?!\p{{Han}})"
    r"|(?<=(?<![\w'’])(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|dozens of"
    r"|hundreds of|thousands of|\d[\d,]*) )(?P<lone>[个名家位项所座架艘辆只条台部件头匹张本篇批例起枚场支])[ ]?(?=[A-Za-z])"
    r"|(?<!\p{Han})(?:满(?P<spend>\d+(?:\.\d+)?)元?)?立?减(?P<off>\d+(?:\.\d+)?)(?P<offyuan>元)?(?![\d\p{Han}%.])"
    rf"|(?<![\p{{Han}}\d])(?P<bare>[〇零一二两三四五六七八九十百千]{{2,8}})(?!\p{{Han}})"
    r")"
)
_NUMERALS = "〇零一二两三四五六七八九十"
# Traditional forms of the characters read here, one for one (offsets stay): Taiwan and Hong Kong
# copy writes 28歲, 三年六個月, 13.5萬輛.
_TRADITIONAL = str.maketrans(
    "個萬億歲時點號週鐘輛項條張臺隻頭屆輪兩餘畝滿減場顆戶噸紀曆臘許農陰間棟", "个万亿岁时点号周钟辆项条张台只头届轮两余亩满减场颗户吨纪历腊许农阴间栋"
)
_CUES = "年月日时点百多余第周期天分秒岁人里米斤克亩十减%寸吨顷瓦度户纪代初底末旬成折比许升卡罐瓶箱袋盒册/享同环每左上以半之星拜安步桌级℃下帕桶晚股倍贝型徒楼" + _COUNTERS
_CUE = regex.compile(f"[{regex.escape(_CUES)}]")  # one scan, in C, for any of them
_TRADITIONAL_FORMS = regex.compile(f"[{''.join(map(chr, _TRADITIONAL))}]")
_KINDS = (
    ("percentage", "pct"), ("time", "h"), ("time", "h3"), ("time", "hx"), ("time", "hb"), ("time", "hd"), ("unit", "per"), ("quantity", "died"), ("percentage", "cmp"), ("percentage", "ppt"), ("quantity", "halfh"), ("number", "fden"), ("date", "wd"), ("percentage", "apct"), ("quantity", "eamt"), ("quantity", "ipt"), ("number", "more"), ("ordinal", "ord"),
    ("quantity", "qty"), ("number", "cnt"), ("number", "bare"), ("discount", "off"), ("ordinal", "ord2"),
    ("percentage", "pctof"), ("quantity", "hnum"), ("counter", "lone"), ("percentage", "permil"),
    ("percentage", "cheng"), ("discount", "zhe"), ("score", "s1"), ("quantity", "pts"), ("quantity", "term"),
    ("quantity", "temp"), ("quantity", "temp2"), ("quantity", "mag"), ("quantity", "mag2"), ("date", "ry"), ("time", "hc"), ("quantity", "hh"), ("quantity", "tpd"), ("quantity", "tpd2"), ("number", "bei"), ("number", "typ"), ("quantity", "jail"), ("ordinal", "floor"), ("quantity", "evq"), ("quantity", "sm"), ("quantity", "sec"),
)  # fmt: skip  # what a match is, by its group; anything else is a date
_DIGITS = str.maketrans("〇零一二两三四五六七八九", "001223456789")


@dataclass(frozen=True)
class ChineseDate:
    start: int
    end: int
    english: str
    kind: str  # "date", "time", "percentage", "number", "ordinal", "quantity", "discount", "score", "counter", "unit"
    sure: bool = True  # False: a likely reading, for a human to confirm (a score with no game in sight)


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
        start, end = m.start(), m.end()
        if found and start < found[-1].end:
            continue  # inside the part of the day read with the date before (3月5日下午)
        if start and (folded[start - 1].isdigit() or folded[start - 1] in _NUMERALS + ".") and not (m["pct"] or m["per"]):
            continue  # the number goes on before the match: 12025年 is no year
        if start and folded[start - 1] == "第" and m["qunit"] != "周年":
            continue  # 第二天 is "the next day", not 第 + "two days"
        if m["bare"] is not None and m["bare"] in _HOLIDAYS and _HOLIDAY_AFTER.match(text, m.end()):
            continue  # the 十一 holiday is National Day's, not "the 11 holiday"
        sure = True
        english: str | None
        if m["qty"] is not None and m["qunit"] == "次" and start and folded[start - 1].isascii() and folded[start - 1].isalpha():
            start, english = m.start("qunit"), ""  # the train G1234次: a train's number, G1234
        elif m["qty"] is not None:
            english = _quantity(m, text)
            if english and m["qhedge"]:  # 约30人: about 30 people; 超过100万辆: more than 1 million vehicles
                english = english if english.startswith(("about ", "more than ", "nearly ")) else CHINESE_HEDGES[m["qhedge"]] + english
            if m["qunit"] == "年" and m["qty"].isdigit() and 110 <= int(m["qty"]) <= 119 and not m["qscale"]:
                sure = False  # the 114年 budget: Taiwan's year 114 (2025), or 114 years; for a human to say
            if english and english.endswith(" person-times") and _TRIPS_BEFORE.search(text, max(0, start - 160), start):
                english = english.removesuffix(" person-times")  # trips reached 2.95亿人次: 295 million (trips)
            stoppage = _stoppage(folded, start, m) if english else None
            if stoppage is not None:  # in the 90+3分钟: in the third minute of stoppage time
                start, english = stoppage
                while found and found[-1].end > start:
                    found.pop()  # 第90 in the 第90+2分钟 was read as an ordinal
            low = RANGE_LOW.search(folded, max(0, start - 16), start) if english else None
            if english and low is not None and english[:1].isdigit() and (not found or found[-1].end <= low.start()):
                ranged = _range_from(low, m, english)  # 6万至8万辆: 60,000 to 80,000 vehicles
                if ranged is not None:
                    start, english = low.start(), ranged
        elif m["cnt"] is not None or m["bare"] is not None:
            english = _counted(m, text)
        elif m["hnum"] is not None:  # 一个半小时 → one and a half hours
            n = _number(m["hnum"])
            unit = {"小时": "hours", "钟头": "hours", "月": "months"}[m["hunit"]]
            english = f"{_SPELLED[n - 1] if n and n <= 9 else n} and a half {unit}" if n else None
        elif m["lone"] is not None:  # Five 位 experts: a counter English does without
            english = ""
        elif m["off"] is not None:  # a shop's discount: 减20 → 20 off, 满300减50 → 50 off 300
            off = f"{m['off']} yuan" if m["offyuan"] else m["off"]
            english = f"{off} off {m['spend']}" if m["spend"] else f"{off} off"
        elif m["s1"] is not None:  # 3比1: a score, or a ratio
            english, sure = _score(m, text)
        elif m["pts"] is not None:  # scored 28分: 28 points
            english = _points(m, text)
        elif m["cmp"] is not None and _CHANGE_BEFORE.search(text, max(0, start - 24), start):
            english = _compared(m).split(" ", 1)[1]  # Sales rose 同比增长15.6%: rose 15.6% year on year
        elif (
            m["cmp"] is not None
            and _FIGURE_BEFORE.search(text, max(0, start - 24), start)
            and _SENTENCE_ENDS.match(text, end)
            and not _FUTURE_IN_SENTENCE.search(text, _sentence_start(text, start), start)
        ):
            # The jobless rate 环比下降0.2个百分点 in May.: fell, where the sentence has no verb for it
            english = ("rose " if _rises(m) else "fell ") + _compared(m).split(" ", 1)[1]
        elif m["hd"] is not None and 1 <= int(m["hd"]) <= 12:  # 9点: 9 a.m. or 9 p.m., for a human to say
            english, sure = f"{int(m['hd'])} o'clock", False
            part = _PART_AFTER.match(text, end) if int(m["hd"]) < 12 else None
            if part is not None:  # 4点 in the afternoon: 4 p.m., the English says which half
                english, sure, end = f"{int(m['hd'])} {'a.m.' if part.group(1) == 'morning' else 'p.m.'}", True, part.end()
        elif m["y"] is not None and m["m"] is None and m["y"].isdigit() and _HEDGED_SPAN.search(text, max(0, start - 24), start):
            english = f"{grouped(m['y'])} years"  # dating back about 2000年: about 2,000 years, not the year 2000
        else:
            english = _english(m)
        if english is not None and m["pctof"] is not None and not _PLURAL_NEXT.match(text, m.end()):
            # 92.5%的 drop: a 92.5% drop; 92.5%的 users: 92.5% of users; about 95%的 wheat: 95% of the wheat
            if _ARTICLE_BEFORE.search(text, max(0, start - 4), start):
                english = m["pctof"]
            else:  # 95% of the wheat, or 95% coverage: for a human to say
                english, sure = f"{m['pctof']} of the", False
        if english is not None and m["d3"] is not None and _range_end(text, start, found):
            english = str(_number(m["d3"]))  # 2月15日至22日: February 15 to 22
        elif english is not None and m["d3"] is not None:
            english = _day_alone(text, start, end, _number(m["d3"]) or 0, english)
        if english is None:
            continue
        if _has_day(m) and english[:1].isupper() or (m["d3"] is not None and english.startswith("the ")):
            part = _DATE_PART.match(folded, end)  # 3月5日下午: the afternoon of March 5
            if part is not None:
                english, end = f"{_DATE_PARTS[part.group(1)]} {english}", part.end()
        kind = next((k for k, group in _KINDS if m[group] is not None), "date")
        found.append(ChineseDate(start, end, english, kind, sure))
    return _joined(found, text)


def _has_day(m: regex.Match[str]) -> bool:
    return any(m[g] is not None for g in ("d", "d2", "d4"))


_NAME_COMMA = regex.compile(r"[A-Z][a-z'’-]+, $")  # Ma Long, (35岁,): a name, then the age in apposition
_ARTICLE_BEFORE = regex.compile(r"(?<![\w'’])(?i:a|an|the)[ ]$")
# A hedge before a bare year makes it a span (dating back about 2000年: about 2,000 years), unless a
# preposition of time comes first (in about 2000年: the year).
_CHANGE_BEFORE = regex.compile(
    r"(?<![\w'’])(?i:rose|rises|rise|risen|fell|falls|fall|fallen|grew|grows|grow|grown|increased|increases|decreased"
    r"|decreases|dropped|drops|declined|declines|climbed|climbs|jumped|jumps|surged|surges|slid|slides|gained|gains"
    r"|lost|up|down|an increase of|a decrease of|a rise of|a drop of|a decline of|a fall of|growth of|a gain of)[ ]$"
)
# A figure as a sentence's subject right before a change in Chinese, which then is its verb
# (a headline, with no full stop, says "up" without one: China's CPI up 2% year on year).
_FIGURE_BEFORE = regex.compile(
    r"(?<![\w'’])(?i:rate|index|price|prices|sales|output|revenue|revenues|profit|profits|exports|imports|income|CPI|PPI"
    r"|GDP|investment|production|volume|spending|consumption|turnover|earnings|deposits|loans|shipments|deliveries"
    r"|arrivals|trade|value|yield|demand|growth)[ ]$"
)
def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts: after the last full stop or line break before it."""
    return max(text.rfind(". ", 0, pos), text.rfind(".\n", 0, pos), text.rfind("\n", 0, pos)) + 1


_FUTURE_IN_SENTENCE = regex.compile(r"(?i:\b(?:will|expects?|expected|forecasts?|projected|projects|aims?|targets?|plans?)\b)")
_SENTENCE_ENDS = regex.compile(r"(?:[^\n.!?]|\.(?=\d))*[.!?](?:[ \n\"”’)]|$)")  # a decimal point ends none
_HEDGE_WORDS = r"(?<![\w'’])(?i:about|around|nearly|almost|over|more than|some|roughly|approximately)[ ]$"
HEDGE_BEFORE = regex.compile(_HEDGE_WORDS)  # the English hedges already: more than 200多家 says it once
_HEDGED_SPAN = regex.compile(r"(?<!(?<![\w'’])(?i:in|since|by|from|until|till|before|after|circa|during|around) )" + _HEDGE_WORDS)
_PART_AFTER = regex.compile(r"[ ]in the (morning|afternoon|evening)\b")
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


_RANGE = regex.compile(r"[ ]?([至到~～—–\-－])[ ]?|[ ](?:to|through|until|till|and)[ ]")  # 9月1日 to 3日: September 1 to 3


MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"  # English months, as a regex alternation
_MONTH_NAME_BEFORE = regex.compile(  # June 7日, June 7日 and 8日
    rf"(?<![\w'’])(?:{MONTH_NAMES}"
    r"|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)[ ](?:\d{1,2}日?(?:,[ ]|[ ]and[ ]|[ ]to[ ]|[-–]))?$"
)
_DAYS_BEFORE = regex.compile(  # detained for 10日, Liu has 10日 to appeal, 行政拘留10日: a number of days
    r"(?:(?<![\w'’])(?i:(?:[a-z]+ed|held|kept|spent|stayed|ran|run|went|shut) for|lasted|lasts|last|has|have|had|given|within|over|about|nearly|almost|took|takes"
    r"|spent|extra|another|up to|at least|more than|less than|only|just|detention|custody|quarantine|leave)[ ]"
    r"|(?:拘留|拘役|隔离|期限|为期|连续|持续|历时|共))$"
)
_DAYS_AFTER = regex.compile(r"[ ](?:of|to [a-z]+|later|ago|in a row|straight)\b")
_OF_MONTH_AFTER = regex.compile(  # 10日 of March, 10日 of next month, 10日 and 11日: days of a month
    rf"[ ](?:of (?:{MONTH_NAMES}"
    r"|next month|this month|last month|the month)\b|(?:and|or|to)[ ]\d{1,2}日)"
)


def _day_alone(text: str, start: int, end: int, day: int, english: str) -> str:
    """A day of the month with no month (10日): the day alone after an English month (June 7日:
    June 7); a number of days where the words around say so (for 10日, 15日 of detention,
    has 10日 to appeal); else the day (on 10日: on the 10th)."""
    if _MONTH_NAME_BEFORE.search(text, max(0, start - 20), start):
        return str(day)
    if _OF_MONTH_AFTER.match(text, end):
        return english  # 10日 of March: the 10th
    if _DAYS_BEFORE.search(text, max(0, start - 24), start) or _DAYS_AFTER.match(text, end):
        return "1 day" if day == 1 else f"{day} days"
    return english


def _range_end(text: str, start: int, found: list[ChineseDate]) -> bool:
    """Whether a day alone ends a range whose start named the month: 2月15日至22日."""
    last = found[-1] if found else None
    link = _RANGE.fullmatch(text, last.end, start) if last is not None else None
    return last is not None and link is not None and last.kind == "date" and last.english[:1].isupper()


_TIME_LINK = regex.compile(r"\s*(?:至|到|-|–|~|～|and|to|until|till)\s*")
_HOUR = regex.compile(r"\d{1,2}")


def _morning_before(first: ChineseDate, second: ChineseDate, text: str) -> ChineseDate | None:
    """The first of two clock times that span a stretch, read as a morning hour when the second
    is an afternoon hour on the 24-hour clock that it would otherwise come after: 8点至17点 is
    8 a.m. to 5 p.m. (20:00 to 17:00 runs backwards); 1点至17点 stays open (1 p.m. fits)."""
    hour = _HOUR.match(first.english)
    end = _HOUR.search(text, second.start, second.end)
    if hour is None or not first.english.endswith("o'clock") or end is None or not _TIME_LINK.fullmatch(text, first.end, second.start):
        return None
    n, h = int(hour.group()), int(end.group())
    if not (13 <= h <= 23 and 1 <= n < 12 and n + 12 >= h):
        return None
    return ChineseDate(first.start, first.end, f"{n} a.m.", "time", True)


def _moment(day: str, clock: str, chinese: str) -> str:
    """A date and a clock time as one moment (9 a.m. on March 5). Midnight belongs to a day's end in
    English (AP) but 0时 starts the day: 9月10日0时 is the start of September 10, 9月10日24时 its end,
    which "September 10, midnight" would leave to a guess."""
    if clock != "midnight":
        return f"{clock} on {day}"  # 3月5日上午9时: 9 a.m. on March 5 (AP: time, then date)
    starts = chinese.translate(_DIGITS).lstrip("凌晨").startswith(("0", "00"))
    return f"the {'start' if starts else 'end'} of {day}"


def _joined(found: list[ChineseDate], text: str) -> list[ChineseDate]:
    """Years then months, touching (3年6个月), are one duration: 3 years and 6 months; a date then
    a clock time (3月5日上午9时) one moment: March 5, 9 a.m.; two dates with 至, 到 or a dash
    between them one range: 3月1日到3月5日 is March 1 to March 5 (3月1日-5日: March 1-5)."""
    out: list[ChineseDate] = []
    for date in found:
        last = out[-1] if out else None
        if last is not None and last.kind == date.kind == "time" and not last.sure:
            morning = _morning_before(last, date, text)
            if morning is not None:  # between 8点 and 17点: 8 a.m. (8 p.m. would end the span before it began)
                out[-1] = last = morning
        link = _RANGE.fullmatch(text, last.end, date.start) if last is not None and last.kind == date.kind == "time" else None
        if last is not None and link is not None and link.group(1) is not None:  # 8点至17点: 8 a.m. to 5 p.m.
            out[-1] = ChineseDate(last.start, date.end, f"{last.english} to {date.english}", "time", last.sure and date.sure)
            continue
        if last is not None and last.kind == "date" and date.kind == "time" and last.end == date.start:
            out[-1] = ChineseDate(last.start, date.end, _moment(last.english, date.english, text[date.start : date.end]), "date")
            continue
        if (
            last is not None
            and last.kind == "date"
            and date.kind == "ordinal"
            and last.end == date.start
            and last.english.isdigit()
            and date.english.endswith(" quarter")
        ):  # 2025年第一季度: the first quarter of 2025
            out[-1] = ChineseDate(last.start, date.end, f"the {date.english} of {last.english}", "date")
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
        link = _RANGE.fullmatch(text, last.end, date.start) if last is not None else None
        if last is not None and link is not None and last.kind == date.kind == "date" and _joins(last, date):
            if link.group(1) is None:  # 9月1日 to 3日: the English word between stays
                english = f"{last.english}{link.group()}{date.english}"
            else:
                dash = link.group(1) in "-–" and date.english.isdigit()  # 3月1日-5日: March 1-5
                both = _FULL_DATE_END.search(last.english) and _FULL_DATE_END.search(date.english)
                comma = "," if not dash and both else ""  # December 30, 2024, to January 2, 2025 (AP)
                english = f"{last.english}{comma}{'-' if dash else ' to '}{date.english}"
            year = _YEAR_OF_FIRST.fullmatch(english)
            if year is not None:  # 2024年1月1日至12月31日: January 1 to December 31, 2024
                english = f"{year.group(1)}{year.group(3)}, {year.group(2)}"
            out[-1] = ChineseDate(last.start, date.end, english, "date", last.sure and date.sure)
            continue
        out.append(date)
    return out


_FULL_DATE_END = regex.compile(r"[A-Z][a-z]+ \d{1,2}, \d{4}$")
_YEAR_OF_FIRST = regex.compile(r"([A-Z][a-z]+ \d{1,2}), (\d{4})( to [A-Z][a-z]+ \d{1,2}|-\d{1,2}| to \d{1,2})")
_PLAIN_DATE = regex.compile(r"[A-Z][a-z]+ \d{1,2}(?:, \d{4})?|[A-Z][a-z]+(?: \d{4})?|\d{4}|\d{1,2}")


def _joins(first: ChineseDate, second: ChineseDate) -> bool:
    """Whether two dates read as a range: both are plain dates (March 5, March, 2024, or a day
    alone after a month), not a part of a day, an end of a month or a relative year."""
    if first.english.isdigit() and len(first.english) < 4:
        return False  # a day alone starts no range: 5日至3月5日
    return _PLAIN_DATE.fullmatch(first.english) is not None and _PLAIN_DATE.fullmatch(second.english) is not None


_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth".split()
_STOPPAGE_BEFORE = regex.compile(r"(?<![\w'’])the[ ](?P<base>第?(?:45|90))\+$")


def _stoppage(text: str, start: int, m: regex.Match[str]) -> tuple[int, str] | None:
    """A minute of a football match's stoppage time, after "the" (``in the 90+3分钟``): where it
    starts (the regular time's end, 90+, is read too) and the English, AP's "third minute of
    stoppage time" (of first-half stoppage time after 45+)."""
    if m["qunit"] != "分钟" or not m["qty"].isdigit() or m["qscale"] or m["qmore"] or m["qmore0"]:
        return None
    before = _STOPPAGE_BEFORE.search(text, max(0, start - 8), start)
    n = int(m["qty"])
    if before is None or not 1 <= n <= 15:
        return None
    half = "first-half " if before["base"].endswith("45") else ""
    return before.start("base"), f"{_nth(n)} minute of {half}stoppage time"
_PARTS = {"条": "Article", "章": "Chapter", "款": "Paragraph"}  # of a law: 第二十三条 → Article 23
_COUNTED = {"季度": " quarter", "轮": " round", "批": " batch", "次": "", "剂": " dose", "分钟": " minute", "名": " place"}  # 第一季度 → first quarter


_RANKED_BEFORE = regex.compile(r"(?<![\w'’])(?:finished|finishes|ranked|ranks|placed|came|comes|ended|is|was|are|were)[ ]$")
_NOUN_OF_ROUND = regex.compile(
    r"[ ](?!(?:was|were|is|are|has|have|had|will|would|of|and|or|in|on|to|for|with|at|by|that|which|began|ended"
    r"|started|opened|closed|took|came|saw)\b)[a-z][a-z-]+"
)
_NO_NOUN_AFTER_TIME = regex.compile(
    r"(?:[ ]?(?:the|a|an|that|this|he|she|it|they|we|I|you|his|her|its|their|our|in|since|that)\b|[ ]?[.,;:!?)]|$)"
)


def _ordinal(m: regex.Match[str]) -> str | None:
    """第二十三条 → Article 23, 第三章 → Chapter 3, 第十四届 → 14th, 第三届 → third, 第三次 → third, 第一季度 →
    first quarter, 第二轮 → second round, 第一批 → first batch (AP spells out first to ninth)."""
    n = _number(m["ord"])
    if not n:
        return None
    unit = m["unit"]
    if unit in _PARTS:
        return f"{_PARTS[unit]} {n}"
    if unit == "届":
        return _nth(n)  # the third CIIE, the 14th NPC (Xinhua)
    if unit == "季度" and n > 4:
        return None
    if unit in ("轮", "批") and _NOUN_OF_ROUND.match(m.string, m.end()):
        return f"{_nth(n)}{_COUNTED[unit]} of"  # the 第十轮 strategic consultation: the 10th round of …
    if unit == "名" and _RANKED_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return _nth(n)  # finished 第5名: finished fifth
    if unit == "次" and _NO_NOUN_AFTER_TIME.match(m.string, m.end()):
        return f"{_nth(n)} time"  # the 第5次 the event is held: the fifth time
    return _nth(n) + _COUNTED[unit]


def _quantity(m: regex.Match[str], text: str) -> str | None:
    """3年 → 3 years, 两年 → two years, 10多年 → more than 10 years, 3年前 → 3 years ago, 35岁 → 35
    years old (a 35-year-old before a noun), 3万人 → 30,000 people, 45亿立方米 → 4.5 billion cubic
    meters, 3.2万人次 visits → 32,000 visits. An age with 多 (30多岁, "in his 30s") is left to a
    human."""
    unit, more, scale = m["qunit"], m["qmore"] is not None or m["qmore0"] is not None, m["qscale"]
    if unit == "岁" and (more or m["qwhen"]):
        return None
    if unit == "周年":  # 70周年 → 70th anniversary
        n = _number(m["qty"]) if not (more or scale or m["qwhen"]) else None
        return None if not n else f"{_nth(n)} anniversary"
    number = m["qty"]
    if unit == "年" and number.isdigit() and len(number) >= 4:
        return None  # 1000年, 12025年: a year out of range or a typo, not a duration
    if (m["qmore0"] or (more and not scale)) and not _round(number):
        return None  # 35多万人, 3多年: no one writes them; 300多万 is "more than 3 million", 3万多 "more than 30,000"
    if number[0].isdigit():
        value = Decimal(number.replace(",", ""))
        if scale:
            value *= _scale(scale)
        written = english_number(value) if scale else (number if unit == "年" else grouped(number))
    else:
        whole = chinese_number(number + (scale or ""), _BIG_UNITS) if scale != "千" else None
        if not whole:
            return None
        value = Decimal(whole)
        spell = 1 <= whole <= 9 and unit not in _MEASURES and not more
        written = _SPELLED[whole - 1] if spell else english_number(value)
    if unit not in _TIME_UNITS and regex.match(r"[\d〇零一二两三四五六七八九十]", text[m.end() : m.end() + 1]):
        return None  # 1米8 is 1.8 meters, 一户一户 household by household: another reading
    english = _QUANTITY_UNITS[unit]
    hedge = "more than " if more or unit.startswith("个多") else "about " if m["qabout"] else ""
    if unit in _COUNTED_UNITS and not m["qwhen"] and _NOUN_PHRASE_NEXT.match(text, m.end()):
        return hedge + written  # 3.2万人次 visits: 32,000 visits, the counter dropped
    if unit == "岁" and _YEARS_OLD_NEXT.match(text, m.end()):
        return written  # She is 35岁 years old: the English says the unit
    if unit == "岁" and _BIRTHDAY.match(text, m.end()) and number.isdigit() and not scale:
        return ordinal(int(number))  # his 56岁 birthday: his 56th birthday
    if unit == "岁" and _NAME_COMMA.search(text, max(0, m.start() - 30), m.start()) and text[m.end() : m.end() + 1] == "," and number.isdigit():
        return written  # Ma Long, 35岁, announced: Ma Long, 35, announced (AP)
    if unit == "岁" and _AGED_BEFORE.search(text[max(0, m.start() - 16) : m.start()]):
        return written  # aged 35岁: aged 35, not "aged 35 years old"; died at 89岁: at 89; aged 18-35岁
    if unit == "分钟" and THE_BEFORE.search(text[max(0, m.start() - 4) : m.start()]) and number.isdigit():
        if not (more or scale or m["qwhen"] or modifies_noun(text, m.start(), m.end())):  # the 30分钟 drive
            return f"{ordinal(int(number))} minute"  # a goal in the 89分钟: in the 89th minute
    if unit == "年" and number.isdigit() and not (more or scale) and _ANNIVERSARY_NEXT.match(text, m.end()):
        return ordinal(int(number))  # the 100年 anniversary: the 100th anniversary
    if unit in _SPAN_UNITS and not (more or m["qwhen"]) and (_NOUN_NEXT.match(text, m.end()) or _COMPOUND_NEXT.match(text, m.end())):
        if not said_next(text, m.end(), english) and not _NOT_MODIFIED.match(text, m.end()):
            return f"{written.replace(' ', '-')}-{english}"  # 24小时 orders: 24-hour orders, 3年 loans: 3-year loans
    if unit in _LENGTH_UNITS and not (more or m["qwhen"]) and _MODIFIED_NEXT.match(text, m.end()):
        # 1.5厘米 cubes: 1.5-centimeter cubes; the men's 100米 freestyle: the 100-meter freestyle
        return f"{written.replace(' ', '-')}-{english.replace(' ', '-')}"
    if unit == "岁" and (
        text[: m.start()].endswith(("a ", "an ", "A ", "An "))
        or modifies_noun(text, m.start(), m.end())
        or _NOUN_NEXT.match(text, m.end())
        or _PERSON_NEXT.match(text, m.end())
        or _PEOPLE_NEXT.match(text, m.end())
    ):
        return f"{written}-year-old"  # a 35-year-old, the 56-year-old patient, his 17-year-old son, 56岁 man
    if not (more or m["qwhen"] or m["qabout"] or unit.startswith("个多")) and modifies_noun(text, m.start(), m.end()):
        # a 10-year plan, a three-person team, a 12-inch screen, a 2-million-kilowatt wind farm
        return f"{written.replace(' ', '-')}-{english.replace(' ', '-')}"
    if value != 1 or more or scale:
        english = _PLURAL_UNITS.get(english, english + "s")
    phrase = f"{hedge}{written} {english}"
    if unit == "岁":
        phrase += " old"
    elif unit in _MASS_UNITS and not m["qwhen"] and _MASS_NOUN_NEXT.match(text, m.end()):
        phrase += " of"  # 20吨 medical supplies: 20 tonnes of medical supplies
    return phrase + {"前": " ago", "后": " later", None: ""}[m["qwhen"]]


# Units of weight and volume, and what may follow them as the thing measured: 500克 flour.
_MASS_UNITS = ("吨", "克", "公斤", "千克", "斤", "立方米", "桶", "升", "毫升", "罐", "瓶", "箱", "袋", "盒", "毫克", "微克")
_MASS_NOUN_NEXT = regex.compile(
    rf"[ ](?!{_FUNCTION_WORDS}\b|(?i:per|each|every|a|an|last|next|this|these|those|daily|yearly|annually|today|"
    r"yesterday|now|more|less|were|was|has|have|had|will|would|could|can|should|must|may|might|are|be|been|"
    r"said|says|ago|later|earlier|above|below|so|than|too|already|twice|once|thrice|times|weekly|monthly|orally)\b)[a-z][a-z-]+\b"
)
# What may come next where a plural noun is looked for: not a function word, nor a word in -s that
# is no plural noun (has, says, rises, always).
_NO_NOUN_NEXT = rf"[ ]?(?!{_FUNCTION_WORDS}\b|(?i:has|was|its|this|says|rises|falls|grows|always|perhaps|sometimes)\b)"
_NOUN_NEXT = regex.compile(_NO_NOUN_NEXT + r"[a-z]+s\b")
# A plural noun after up to two words that describe it: 50.2万辆 new energy vehicles.
_NOUN_PHRASE_NEXT = regex.compile(
    _NO_NOUN_NEXT + r"(?:[A-Za-z][\w-]* ){0,2}(?:[a-z]+s|[A-Z]{2,}s|people|children|men|women|staff|police|personnel"
    r"|cattle|sheep|fish|deer|aircraft|livestock|poultry|teeth|feet|mice|geese)\b"
)
_PERSON_NEXT = regex.compile(
    r"[ ](?:man|woman|boy|girl|son|daughter|child|baby|patient|student|pupil|driver|worker|farmer|resident|mother"
    r"|father|wife|husband|player|athlete|suspect|victim|teacher|doctor|nurse|volunteer|villager|retiree"
    r"|grandmother|grandfather|teenager|veteran|scientist|engineer|official|employee|owner|passenger)\b"
)
_BIRTHDAY = regex.compile(r"[ ](?:birthday|birthdays)\b")
_YEARS_OLD_NEXT = regex.compile(r"[ ]years?[ ]old\b")
# What 人次 counts, named before it in the clause: trips reached 2.95亿人次 (295 million trips).
_TRIPS_BEFORE = regex.compile(
    r"\b(?i:trips|visits|visitors|tourists|passengers|journeys|travelers|travellers|viewers|attendees|spectators|patients)\b"
    r"[^.\n]{0,150}$"
)
_COMPOUND_NEXT = regex.compile(r"[ ][a-z]+-[a-z]+[ ](?!(?:and|or|of|to|in|on|for|with|is|was|are|were)\b)[a-z]+")  # 144小时 visa-free transit
_ANNIVERSARY_NEXT = regex.compile(r"[ ]anniversary\b")
_PEOPLE_NEXT = regex.compile(r"[ ](?:women|men|children|people)\b")  # plurals not in -s: 9至45岁 women
_AGED_BEFORE = regex.compile(r"(?<![\w'’])(?i:aged|age|ages|at|age of) (?:\d+ ?[-–~至到] ?|\d+ to )?$")
# Spans of time before a plural noun they describe: 24小时 orders, 3年 loans (not 3年 ago, 3天 days).
_SPAN_UNITS = ("小时", "个小时", "天", "年", "个月", "周", "分钟")
_NOT_MODIFIED = regex.compile(r"[ ]?(?i:ago|later|earlier|afterwards|straight|running|apart|always|sometimes|perhaps)\b")
# Units of length and area, and the nouns after them they describe: 1.5厘米 cubes, 100米 hurdles.
_LENGTH_UNITS = ("米", "厘米", "毫米", "公里", "千米", "英寸", "平方米", "平方公里", "平方千米", "海里", "英里", "纳米", "微米", "平米")
_MODIFIED_NEXT = regex.compile(
    r"[ ](?:(?!(?i:has|was|is|its|this|says|across|always|perhaps|sometimes|towards|afterwards|upwards|"
    r"downwards|besides|less|plus|thus|as|us|whereas|unless|alongside|runs|stretches|extends|lies|rises|falls)\b)"
    r"[a-z]+s|freestyle|backstroke|breaststroke|butterfly|medley|dash|sprint|race|relay|hurdles|steeplechase"
    r"|radius|zone|stretch|section|walk|run|swim|final|event|process|chip|node|technology)\b"
)


# The low end of a range of amounts before the high one: 6万至 (8万辆), 3- (5吨).
def _range_from(low: regex.Match[str], m: regex.Match[str], english: str) -> str | None:
    """``low`` to the quantity ``english`` reads: 6万至8万辆 → 60,000 to 80,000 vehicles; 6至8万辆
    too (the low end takes the high end's 万, as Chinese writes it)."""
    figure = range_low(low, m["qscale"] or "")
    if figure is None:
        return None
    scale = low["los"] or m["qscale"]
    high, _, rest = english.partition(" ")
    if scale and figure.endswith(("million", "billion", "trillion")) and high[:1].isdigit():
        high_word = rest.split(" ", 1)[0]
        if figure.rsplit(" ", 1)[1] == high_word:
            figure = figure.rsplit(" ", 1)[0]  # 6亿至8亿元: 600 to 800 million
    if english.endswith("-year-old") and figure.isdigit():
        return f"{figure}- to {english}"  # 9至45岁 women: 9- to 45-year-old women (AP)
    return f"{figure} to {english}"


def _scale(scale: str) -> int:
    """千万 → 10 million, 万亿 → a trillion: the factors of a unit multiplied."""
    factor = 1
    for ch in scale:
        factor *= _BIG_UNITS[ch]
    return factor


def _round(number: str) -> bool:
    """Whether a figure before 多 or 余 is round (100, 1,000, 三十, 十): only such a figure is
    a lower bound (100多 "more than 100"; 35多 is nothing)."""
    if number[0].isdigit():
        return "." not in number and number.replace(",", "").endswith("0")
    return number[-1] in "十百千"


def _counted(m: regex.Match[str], text: str) -> str | None:
    """The figure of a counted number, its counter dropped (12名 doctors → 12 doctors, 3万名 workers
    → 30,000 workers, 两名 officers → two officers, 10次 assists → 10 assists), or a number in
    Chinese numerals standing alone between English words (三十四 nurses → 34 nurses). AP style:
    one to nine spelled out, figures from 10. Numerals that are no plain number (三五 "three or
    five", 二〇一九) are left; so is 次 before anything but a plural noun (3次 last year: 3 times)."""
    number, scale = m["cnt"] or m["bare"], m["cscale"]
    if m["cls"] == "次" and not _NOUN_NEXT.match(" " + text[m.end() :].lstrip(" ")[:40]):
        return None
    if m["cls"] is not None and m["cscale"] and not _NOUN_PHRASE_NEXT.match(text, m.end()):
        return None  # sold 100万张 within: 1 million what? The counter is the only noun; left
    hedge = "more than " if m["cmore"] else ""  # 三百余名 patients: more than 300 patients
    if number[0].isdigit():
        if not scale:
            return hedge + grouped(number)  # 1200名 workers: 1,200 workers
        return hedge + english_number(Decimal(number.replace(",", "")) * _BIG_UNITS[scale])
    whole = chinese_number(number + (scale or ""), _BIG_UNITS)
    if not whole:
        return None
    return hedge + (_SPELLED[whole - 1] if whole <= 9 and not hedge else english_number(Decimal(whole)))


def _english(m: regex.Match[str]) -> str | None:
    for group, read in _READERS:
        if m[group] is not None:
            return read(m)
    if m["ord"] is not None:
        return _ordinal(m)
    if m["ord2"] is not None:  # finished 第三: third; the 第17 position: 17th
        n = _number(m["ord2"])
        return _nth(n) if n else None
    if m["pctof"] is not None:  # 92.5%的 users: 92.5% of users
        return f"{m['pctof']} of"  # (before a singular noun the 的 is dropped: chinese_dates)
    if m["more"] is not None:
        return f"more than {grouped(m['more'])}"
    if m["pct"] is not None:
        value = _decimal(m["pct"])
        return None if value is None else f"{value} percent"
    if m["h3"] is not None:
        return _clock(m)
    if m["h"] is not None:
        hour, minute, second = int(m["h"]), 30 if m["half"] else int(m["min"]), int(m["hsec"] or 0)
        if hour > 24 or minute >= 60 or second >= 60:
            return None
        if "时" in m.group() and not m["hsec"] and hour <= 24:  # 时 is the 24-hour clock: 15时30分 → 3:30 p.m.
            part = "a.m." if hour < 12 or hour == 24 else "p.m."
            return f"{hour % 12 or 12}:{minute:02d} {part}"
        return f"{hour}:{minute:02d}:{second:02d}" if m["hsec"] else f"{hour}:{minute:02d}"
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
    when = _WHEN[m["rel"]]
    name = calendar.month_name[month]
    return f"{name} {day} {when}" if m["d4"] else f"{name} {when}"


_WHEN = {"去年": "last year", "今年": "this year", "明年": "next year"}


def _clock(m: regex.Match[str]) -> str | None:
    """上午9时 → 9 a.m., 下午3点半 → 3:30 p.m., 中午12点 → noon, 上午9时许 → around 9 a.m. (AP style)."""
    hour = _number(m["h3"])
    minute = 30 if m["half3"] else int(m["min3"] or 0)
    if hour is None or minute >= 60:
        return None
    around = "around " if m["about3"] else ""
    part = _DAY_PARTS[m["ampm"]]
    if part == "noon":
        if hour == 12 and not minute:
            return around + "noon"
        part = "a.m." if hour == 11 else "p.m."
    if hour == 0 and not minute and m["ampm"] in _NIGHT:
        return around + "midnight"  # 凌晨0时: midnight
    if not 1 <= hour <= 12:
        return None  # 下午15点: a 24-hour clock after a part of the day; left to a human
    if m["ampm"] in _NIGHT and (hour == 12 or hour < 5):
        if hour == 12 and not minute:
            return around + "midnight"  # 晚上12点, 凌晨12点
        if m["ampm"] != "凌晨":
            return None  # 晚上1点 is past midnight: 1 a.m. the next day, for a human to date
        part = "a.m."
    elif hour == 12 and part == "p.m.":
        return None  # 下午12点: noon or a slip; left to a human
    return around + (f"{hour}:{minute:02d} {part}" if minute else f"{hour} {part}")


_NIGHT = frozenset("晚上 晚 晚间 夜间 凌晨".split())  # parts of the day that reach midnight


def _about_clock(m: regex.Match[str]) -> str | None:
    """22时许 → around 10 p.m., 9时30分许 → around 9:30 a.m.: 时 is the 24-hour clock."""
    hour, minute = int(m["hx"]), int(m["minx"] or 0)
    if hour > 24 or minute >= 60:
        return None
    if minute == 0 and hour in (0, 12, 24):
        return "around " + ("noon" if hour == 12 else "midnight")
    part = "a.m." if hour < 12 or hour == 24 else "p.m."
    hour = hour % 12 or 12
    return f"around {hour}:{minute:02d} {part}" if minute else f"around {hour} {part}"


def _hour_dian(m: regex.Match[str]) -> str | None:
    """0点 and 24点 → midnight, 20点 → 8 p.m.: 点 alone is the clock of either half of the day,
    so only an hour past 12 or a midnight reads one way (9点 is 9 a.m. or 9 p.m.: left)."""
    hour = int(m["hd"])
    if hour in (0, 24):
        return "midnight"
    return f"{hour - 12} p.m." if 13 <= hour <= 23 else None


def _per_unit(m: regex.Match[str]) -> str:
    """/吨 after a price → per tonne (98.5 yuan per tonne)."""
    return f"per {_PER_UNITS[m['per']]}"


def _died_aged(m: regex.Match[str]) -> str | None:
    """享年94岁 → aged 94: the age at death of an obituary (died at 享年94岁: at 94)."""
    n = _number(m["died"])
    if not n:
        return None
    return str(n) if m.string[max(0, m.start() - 3) : m.start()] == "at " else f"aged {n}"


_UP = frozenset("增长 上涨 上升 增加 提高".split())


def _rises(m: regex.Match[str]) -> bool:
    """Whether a change on the year or the period goes up: 同比增长, or 同比+12.5%."""
    return m["dir"] in _UP or m["sign"] == "+"


_PERIOD_CUES = (
    (regex.compile(r"(?i:quarter|\bQ[1-4]\b)|季度"), "quarter on quarter"),
    (regex.compile(r"(?i:\bweek|weekly)|周"), "week on week"),
    (regex.compile(
        rf"(?i:\bmonth|monthly|{MONTH_NAMES})"
    ), "month on month"),
)


def _period(text: str, start: int) -> str:
    """环比 compares with the period before, which the sentence names: quarter on quarter for a
    quarter's figures, week on week for a week's, else month on month (monthly statistics)."""
    cues = [(m.end(), period) for cue, period in _PERIOD_CUES for m in cue.finditer(text, _sentence_start(text, start), start)]
    return max(cues)[1] if cues else "month on month"  # the period named last before it


def _compared(m: regex.Match[str]) -> str:
    """同比增长15.6% → up 15.6% year on year, 环比下降2% → down 2% month on month."""
    way = "up" if _rises(m) else "down"
    period = "year on year" if m["cmp"] == "同比" else _period(m.string, m.start())
    change = f"{m['cpct']}%" if m["cunit"] == "%" else f"{m['cpct']} percentage point" + ("" if m["cpct"] == "1" else "s")
    return f"{way} {change} {period}"


def _half_hour(m: regex.Match[str]) -> str:
    """半小时 → half an hour (every 半小时: every half hour)."""
    return "half hour" if m.string[max(0, m.start() - 6) : m.start()].endswith(("every ", "a ")) else "half an hour"


_DENOMINATORS = {2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth"}


def _fraction(m: regex.Match[str]) -> str | None:
    """三分之一 → one-third, 三分之二 → two-thirds, 四分之一 → one-quarter (AP hyphenates)."""
    den, num = _number(m["fden"]), _number(m["fnum"])
    if not den or not num or num >= den:
        return None
    name = _DENOMINATORS[den]
    if num > 1:
        name = "halves" if name == "half" else name + "s"
    return f"{_SPELLED[num - 1]}-{name}"


_WEEKDAYS = {"一": "Monday", "二": "Tuesday", "三": "Wednesday", "四": "Thursday", "五": "Friday", "六": "Saturday", "日": "Sunday", "天": "Sunday"}


def _weekday(m: regex.Match[str]) -> str:
    """周三 → Wednesday, 星期六 → Saturday, 周日 → Sunday."""
    return _WEEKDAYS[m["wd"]]


def _percentage_points(m: regex.Match[str]) -> str:
    """0.25个百分点 → 0.25 percentage points: a change in a rate, not a percent of it; 25个基点 →
    25 basis points."""
    unit = "percentage point" if m["pptu"] == "百分点" else "basis point"
    return f"{m['ppt']} {unit}" + ("" if m["ppt"] == "1" else "s")


_APPROX = {"左右": "about {}", "上下": "about {}", "以内": "within {}", "以上": "more than {}", "以下": "less than {}"}


def _approximate(m: regex.Match[str]) -> str:
    """6%左右 → about 6%, 5.5%以内 → within 5.5%, 3%以上 → more than 3% (a rate of 5.5%以内: of no
    more than 5.5%)."""
    if m["approx"] == "以内" and m.string[max(0, m.start() - 3) : m.start()] == "of ":
        return f"no more than {m['apct']}"
    return _APPROX[m["approx"]].format(m["apct"])


def _each(m: regex.Match[str]) -> str:
    """每股0.5元 → 0.5 yuan per share, 每平方米2.8元 → 2.8 yuan per square meter."""
    unit = _PER_UNITS[m["each"]]
    amount = english_number(Decimal(m["eamt"]) * _BIG_UNITS[m["escale"]]) if m["escale"] else m["eamt"]
    return f"{amount} yuan per {unit}"


def _index_points(m: regex.Match[str]) -> str:
    """3,120点 → 3,120 points: an index level or a move of one (a figure no clock has)."""
    return f"{m['ipt']} points"


def _month_range(m: regex.Match[str]) -> str | None:
    """1-8月 → January-August, 2024年1-8月 → January-August 2024: the months of a statistics report."""
    first, last = _number(m["mr1"]), _number(m["mr2"])
    if not (first and last and 1 <= first < last <= 12):
        return None
    year = _number(m["mry"], year=True) if m["mry"] else None
    months = f"{calendar.month_name[first]}-{calendar.month_name[last]}"
    return f"{months} {year}" if year else months


def _hour(m: regex.Match[str]) -> str | None:
    """18时 → 6 p.m., 24时 → midnight: 时 alone after a figure is the 24-hour clock of official
    notices (截至18时, as of 6 p.m.)."""
    hour = int(m["hb"])
    if hour > 24:
        return None
    if hour in (0, 12, 24):
        return "noon" if hour == 12 else "midnight"
    return f"{hour % 12} {'a.m.' if hour < 12 else 'p.m.'}"


def _nth(n: int) -> str:
    """first … ninth spelled out, 10th on in figures (AP)."""
    return _ORDINAL_WORDS[n - 1] if 1 <= n <= 9 else ordinal(n)


def _lunar_day(text: str) -> int | None:
    return _number(text.removeprefix("初").replace("廿", "二十"))


def _lunar(m: regex.Match[str]) -> str | None:
    """正月十五 → the 15th day of the first lunar month, 农历五月初五 → the fifth day of the fifth
    lunar month, 大年初一 → the first day of the Lunar New Year."""
    if m["nye"] is not None:
        return "Lunar New Year's Eve"
    if m["ny"] is not None:
        return f"the {_nth(_number(m['ny']) or 0)} day of the Lunar New Year"
    months = m["lm"] or m["lm2"] or m["lm3"]
    month = _LUNAR_MONTHS.get(months) or _number(months)
    days = m["ld"] or m["ld2"] or m["ld3"]
    day = _lunar_day(days) if days else _number(m["ldd"])
    if not month or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 30):
        return None
    name = f"the {_nth(month)} lunar month"
    return f"the {_nth(day)} day of {name}" if day else name


def _century(m: regex.Match[str]) -> str | None:
    """20世纪 → the 20th century, 20世纪80年代 → the 1980s, 21世纪初 → the early 21st century,
    公元前3世纪 → the third century BC."""
    n = _number(m["cent"])
    if not n or n > (50 if m["bc"] else 21):
        return None
    if m["cdec"] is not None:
        decade = 0 if m["cdec"] == "零" else _number(m["cdec"])
        if decade is None or decade % 10 or decade > 90 or m["bc"]:
            return None
        years = f"{(n - 1) * 100 + decade}s"
        if m["cedge"] not in (None, "初", "末", "中期"):
            return None  # 80年代上半叶: no such English
        return _CENTURY_EDGES[m["cedge"]].format(years) if m["cedge"] else f"the {years}"
    name = f"{_nth(n)} century" + (" BC" if m["bc"] else "")
    return _CENTURY_EDGES[m["cedge"]].format(name) if m["cedge"] else f"the {name}"


def _decade(m: regex.Match[str]) -> str:
    """1990年代 → the 1990s, 1990年代初 → the early 1990s."""
    years = f"{m['decy']}s"
    return _CENTURY_EDGES[m["dedge"]].format(years) if m["dedge"] else f"the {years}"


def _era_year(m: regex.Match[str]) -> str | None:
    """公元前278年 → 278 BC; 公元618年 → AD 618 (公元2024年 → 2024)."""
    if m["ady"] is not None:
        n = int(m["ady"])
        return None if not n else str(n) if n >= 1000 else f"AD {n}"
    digits = m["bcy"].translate(_DIGITS)
    year = int(digits) if digits.isdigit() else _number(m["bcy"])  # 公元前二七八年 or 公元前二百七十八年
    return f"{year} BC" if year else None


def _edge(m: regex.Match[str]) -> str | None:
    """9月底 → the end of September, 9月初 → early September, 9月中旬 → mid-September, 2024年底 →
    the end of 2024, 今年年初 → early this year, 年底 → the end of the year."""
    if m["bedge"] is not None:
        return _BARE_EDGES[m["bedge"]]
    if m["medge"] is not None:
        month = _number(m["em"])
        year = _number(m["ey"], year=True) if m["ey"] else None
        if not month or not 1 <= month <= 12 or (m["ey"] and year is None):
            return None
        name = calendar.month_name[month] + (f" {year}" if year else f" {_WHEN[m['erel']]}" if m["erel"] else "")
        return _MONTH_EDGES[m["medge"]].format(name)
    if m["yedge"] is not None:
        year = _number(m["ey2"], year=True)
        return _YEAR_EDGES[m["yedge"]].format(year) if year else None
    return _YEAR_EDGES[m["yedge2"]].format(_WHEN[m["erel2"]])


def _race_time(m: regex.Match[str]) -> str:
    """46秒40 → 46.40 seconds, 1分23秒 → 1 minute 23 seconds, 2小时05分12秒 → 2 hours 5 minutes 12
    seconds (a race's time; the digits after 秒 are hundredths, written as given)."""
    if m["sec"] is not None:
        return f"{int(m['sec'])}.{m['secf']} seconds"
    parts = []
    for value, unit in ((m["sh"], "hour"), (m["sm"], "minute")):
        if value is not None:
            n = int(value)
            parts.append(f"{n} {unit}" + ("" if n == 1 else "s"))
    seconds = f"{int(m['ss'])}.{m['sf']}" if m["sf"] else str(int(m["ss"]))
    parts.append(f"{seconds} second" + ("" if seconds == "1" else "s"))
    return " ".join(parts)


def _roc_date(m: regex.Match[str]) -> str | None:
    """114年1月1日 → January 1, 2025: Taiwan's official calendar counts years from 1912 (民國)."""
    year, month = int(m["ry"]) + 1911, int(m["rm"])
    day = int(m["rd"]) if m["rd"] else 0
    if not 1 <= month <= 12 or (day and not 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    name = calendar.month_name[month]
    return f"{name} {day}, {year}" if day else f"{name} {year}"


def _colon_clock(m: regex.Match[str]) -> str | None:
    """18:00时 → 6 p.m., 9:30时 → 9:30 a.m.: a 24-hour time with 时 after it."""
    hour, minute = int(m["hc"]), int(m["mc"])
    if hour > 24 or (hour == 24 and minute):
        return None
    if hour in (0, 24) and not minute:
        return "midnight"
    if hour == 12 and not minute:
        return "noon"
    clock = f"{hour % 12 or 12}" + (f":{minute:02d}" if minute else "")
    return f"{clock} {'a.m.' if hour < 12 else 'p.m.'}"


def _hours_minutes(m: regex.Match[str]) -> str | None:
    """1小时03分 → 1 hour 3 minutes, 2个小时30分钟 → 2 hours 30 minutes."""
    hours, minutes = int(m["hh"]), int(m["hm"])
    if minutes >= 60:
        return None
    return f"{hours} hour{'' if hours == 1 else 's'} {minutes} minute{'' if minutes == 1 else 's'}"


def _prison_term(m: regex.Match[str]) -> str | None:
    """12年有期徒刑 → 12 years in prison, 3年6个月有期徒刑 → 3 years and 6 months in prison (Xinhua)."""
    years, months = _number(m["jail"]), _number(m["jailm"]) if m["jailm"] else 0
    if not years:
        return None
    term = f"{years} year{'' if years == 1 else 's'}"
    if months:
        term += f" and {months} month{'' if months == 1 else 's'}"
    return f"{term} in prison"


def _floor(m: regex.Match[str]) -> str:
    """5楼 → fifth floor, 12楼 → 12th floor (AP spells out first to ninth)."""
    return f"{_nth(int(m['floor']))} floor"


def _type(m: regex.Match[str]) -> str:
    """055型 destroyer → Type 055 destroyer: a ship's or weapon's type, as the PLA's English names it."""
    return f"Type {m['typ']}"


def _times(m: regex.Match[str]) -> str:
    """1.5倍 the normal wage → 1.5 times the normal wage (倍 before the English it multiplies)."""
    return f"{m['bei']} times"


def _times_a_day(m: regex.Match[str]) -> str | None:
    """一天三次 → three times a day, 3次/天 → 3 times a day (a dose, a schedule)."""
    figure = m["tpd"] or m["tpd2"]
    n = _number(figure)
    if not n:
        return None
    written = _SPELLED[n - 1] if n <= 9 and not figure.isdigit() else str(n)
    return "once a day" if n == 1 else "twice a day" if n == 2 else f"{written} times a day"


def _per_mille(m: regex.Match[str]) -> str | None:
    """千分之五 → 0.5 percent, 万分之三 → 0.03 percent."""
    value = _decimal(m["pmv"])
    if value is None:
        return None
    percent = Decimal(value) / (10 if m["permil"] == "千" else 100)
    return f"{percent.normalize():f} percent"


def _share(m: regex.Match[str]) -> str | None:
    """两成 → 20 percent, 三成 → 30 percent, 4成5 → 45 percent (成 is a tenth)."""
    n = _number(m["cheng"])
    tenth = _number(m["cheng2"]) or 0 if m["cheng2"] else 0  # 4成5: 45 percent
    return f"{n * 10 + tenth} percent" if n else None


def _discount(m: regex.Match[str]) -> str | None:
    """8折 → 20% off, 8.5折 and 85折 → 15% off, 五折 → 50% off (折 is the tenths paid)."""
    digits = m["zhe"].translate(_DIGITS)
    if not regex.fullmatch(r"[1-9](?:\.?[1-9])?", digits):
        return None
    paid = Decimal(digits if "." in digits or len(digits) == 1 else f"{digits[0]}.{digits[1]}")
    return f"{(100 - paid * 10).normalize():f}% off"


_SPORT_BEFORE = regex.compile(
    r"(?i:\b(?:beat|beats|beating|defeat|defeats|defeated|won|win|wins|winning|lost|lose|loses|losing|victory|"
    r"score|scored|scores|draw|drew|match|game|games|final|semifinal|semifinals|quarterfinal|quarterfinals|"
    r"edged|edge|thrashed|routed|downed|trailed|trailing|led|leads|leading|set|sets|round|league|cup)\b)[^.!?;]*$"
)
_SPORT_AFTER = regex.compile(r"[ ]?(?i:win|victory|triumph|defeat|loss|lead|scoreline|draw|rout|comeback)\b")
_RATIO_BEFORE = regex.compile(r"(?i:\b(?:ratio|proportion|odds)\b)[^.!?;]{0,30}$")
_SCORE_WORDS = ("战胜", "击败", "获胜", "取胜", "力克", "胜", "负", "落败", "告负", "逆转", "的比分", "的总比分", "大胜", "险胜", "完胜")


def _score(m: regex.Match[str], text: str) -> tuple[str | None, bool]:
    """3比1 → 3-1 (以3比1: by 3-1): sure in a game (beat Japan 以3比1, a 3比1 win), a likely
    reading elsewhere; a ratio (a ratio of 3比1) is 3:1."""
    first, second = _number(m["s1"]), _number(m["s2"])
    if first is None or second is None:
        return None, False
    after = text[m.end() : m.end() + 4]
    if regex.match(r"\p{Han}", after) and not after.startswith(_SCORE_WORDS):
        return None, False  # 一比一复刻 (a one-to-one replica): another word
    before = text[max(0, m.start() - 80) : m.start()]
    if _RATIO_BEFORE.search(before):
        return f"{first}:{second}", True
    sure = m["yi"] is not None or _SPORT_BEFORE.search(before) is not None or _SPORT_AFTER.match(text, m.end()) is not None
    return f"{first}-{second}", sure


_POINTS_BEFORE = regex.compile(
    r"(?i:\b(?:scored|scoring|scores|score of|netted|tallied|poured in|racked up|finished with|led with|added|"
    r"contributed|chipped in|chipped in with|averaged|averaging|averages|have|has|had|earned|collected|level on|sit on"
    r"|sits on|top with|tops with)[ ])$"  # Port have 31分 (a league table's points)
)
_POINTS_AFTER = regex.compile(
    r"(?:,|[ ](?:and|to go with|plus|with))[ ](?:\d+|[a-z]+)[ ](?i:rebounds|assists|steals|blocks|boards|turnovers)\b"
)


def _points(m: regex.Match[str], text: str) -> str | None:
    """28分 → 28 points, where the English around it keeps score: scored 28分, 28分 and 10
    rebounds. Elsewhere 分 may be minutes, a mark or a cent: left alone."""
    if not (_POINTS_BEFORE.search(text, max(0, m.start() - 30), m.start()) or _POINTS_AFTER.match(text, m.end())):
        return None
    return f"{m['pts']} point" + ("" if m["pts"] == "1" else "s")


def _term(m: regex.Match[str]) -> str | None:
    """10年期 → 10-year (10年期国债: 10-year treasury bonds), 3个月期 → 3-month."""
    n = _number(m["term"])
    if not n:
        return None
    written = _SPELLED[n - 1] if n <= 9 and not m["term"].isdigit() else str(n)
    return f"{written}-{'year' if m['termu'] == '年' else 'month'}"


def _temperature(m: regex.Match[str]) -> str | None:
    """35摄氏度 → 35 degrees Celsius, 零下40摄氏度 → minus 40 degrees Celsius (零下40度: minus 40
    degrees; 度 alone is no temperature without 零下)."""
    number, unit = (m["temp"], m["tunit"]) if m["temp"] is not None else (m["temp2"], m["tunit2"])
    value = number if number[0].isdigit() else _number(number)
    if value is None:
        return None
    scale = {"摄氏度": " Celsius", "℃": " Celsius", "华氏度": " Fahrenheit", "度": ""}[unit]
    degrees = "degree" if str(value) == "1" else "degrees"
    return f"{'minus ' if m['below'] else ''}{value} {degrees}{scale}"


_QUAKES = {"地震": " earthquake", "强震": " strong earthquake", "余震": " aftershock", None: ""}


def _magnitude(m: regex.Match[str]) -> str:
    """7.1级地震 → 7.1-magnitude earthquake, 6.2级 quake → 6.2-magnitude quake, as Xinhua writes an
    earthquake's Richter magnitude (里氏, "on the Richter scale", is left unsaid)."""
    magnitude, quake = (m["mag"], m["quake"]) if m["mag"] is not None else (m["mag2"], None)
    if quake == "强震":
        return f"strong {magnitude}-magnitude earthquake"
    return f"{magnitude}-magnitude{_QUAKES[quake]}"


def _event(m: regex.Match[str]) -> str:
    """100米自由泳 → 100-meter freestyle, 10米台 → 10-meter platform."""
    return f"{m['evq']}-meter {_EVENTS[m['event']]}"


_READERS = (
    ("lunar", _lunar), ("lm2", _lunar), ("lm3", _lunar), ("ny", _lunar), ("nye", _lunar), ("cent", _century),
    ("decy", _decade), ("bcy", _era_year), ("ady", _era_year), ("em", _edge), ("ey2", _edge), ("erel2", _edge),
    ("bedge", _edge), ("hx", _about_clock), ("hb", _hour), ("hd", _hour_dian), ("per", _per_unit), ("died", _died_aged), ("cmp", _compared), ("ppt", _percentage_points), ("halfh", _half_hour), ("fden", _fraction), ("wd", _weekday), ("apct", _approximate), ("eamt", _each), ("ipt", _index_points), ("mr1", _month_range), ("sm", _race_time), ("sec", _race_time), ("permil", _per_mille),
    ("cheng", _share), ("zhe", _discount), ("term", _term), ("temp", _temperature), ("temp2", _temperature),
    ("evq", _event), ("mag", _magnitude), ("mag2", _magnitude), ("ry", _roc_date), ("hc", _colon_clock), ("hh", _hours_minutes), ("tpd", _times_a_day), ("tpd2", _times_a_day), ("bei", _times), ("typ", _type), ("jail", _prison_term), ("floor", _floor),
)  # fmt: skip  # the groups read by a function of their own


def _number(text: str | None, year: bool = False) -> int | None:
    """Digits, or Chinese numerals: counted (十五 = 15, 一千零五 = 1005) or, for a year, digit by digit
    (二〇二四)."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if year:
        digits = text.translate(_DIGITS)
        return int(digits) if digits.isdigit() and 1800 <= int(digits) <= 2099 else None
    return chinese_number(text, BELOW_WAN)


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


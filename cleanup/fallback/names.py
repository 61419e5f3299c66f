"""People's and places' names: pinyin as English writes them.

A Chinese name is written surname first, then the given name as one word: 刘白 → Liu Bai,
欧阳娜娜 → Ouyang Nana. The surname has its own reading, which is not always the character's
common one (曾 is *céng* "once" but the surname Zeng; likewise 单 Shan, 解 Xie, 区 Ou, 仇 Qiu,
朴 Piao, 查 Zha): the table below gives the name reading of the common surnames (a test checks
each against CC-CEDICT's ``surname`` entries). Place names are the joined pinyin of the name,
with a generic suffix in English (洋山港 → Yangshan Port).

Whether a run of characters *is* a name is decided by the caller (``compose``), from jieba's
part-of-speech tags and this table.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from .pinyin import spelled

_SINGLE = (
    "王Wang 李Li 张Zhang 刘Liu 陈Chen 杨Yang 黄Huang 赵Zhao 吴Wu 周Zhou 徐Xu 孙Sun "
    "马Ma 朱Zhu 胡Hu 郭Guo 何He 高Gao 林Lin 罗Luo 郑Zheng 梁Liang 谢Xie 宋Song "
    "唐Tang 许Xu 韩Han 冯Feng 邓Deng 曹Cao 彭Peng 曾Zeng 肖Xiao 田Tian 董Dong 袁Yuan "
    "潘Pan 于Yu 蒋Jiang 蔡Cai 余Yu 杜Du 叶Ye 程Cheng 苏Su 魏Wei 吕Lyu 丁Ding "
    "任Ren 沈Shen 姚Yao 卢Lu 姜Jiang 崔Cui 钟Zhong 谭Tan 陆Lu 汪Wang 范Fan 金Jin "
    "石Shi 廖Liao 贾Jia 夏Xia 韦Wei 付Fu 方Fang 白Bai 邹Zou 孟Meng 熊Xiong 秦Qin "
    "邱Qiu 江Jiang 尹Yin 薛Xue 闫Yan 段Duan 雷Lei 侯Hou 龙Long 史Shi 陶Tao 黎Li "
    "贺He 顾Gu 毛Mao 郝Hao 龚Gong 邵Shao 万Wan 钱Qian 严Yan 覃Qin 武Wu 戴Dai "
    "莫Mo 孔Kong 向Xiang 汤Tang 常Chang 温Wen 康Kang 施Shi 文Wen 牛Niu 樊Fan 葛Ge "
    "邢Xing 安An 齐Qi 易Yi 乔Qiao 伍Wu 庞Pang 颜Yan 倪Ni 庄Zhuang 聂Nie 章Zhang "
    "鲁Lu 岳Yue 翟Zhai 殷Yin 詹Zhan 申Shen 欧Ou 耿Geng 关Guan 兰Lan 焦Jiao 俞Yu "
    "左Zuo 柳Liu 甘Gan 祝Zhu 包Bao 宁Ning 尚Shang 符Fu 舒Shu 阮Ruan 柯Ke 纪Ji "
    "梅Mei 童Tong 凌Ling 毕Bi 单Shan 季Ji 裴Pei 霍Huo 涂Tu 成Cheng 苗Miao 谷Gu "
    "盛Sheng 曲Qu 翁Weng 冉Ran 骆Luo 蓝Lan 路Lu 游You 辛Xin 靳Jin 管Guan 柴Chai "
    "蒙Meng 鲍Bao 华Hua 喻Yu 祁Qi 蒲Pu 房Fang 滕Teng 屈Qu 饶Rao 解Xie 牟Mou "
    "艾Ai 尤You 阳Yang 时Shi 穆Mu 农Nong 司Si 卓Zhuo 古Gu 吉Ji 缪Miao 简Jian "
    "车Che 项Xiang 连Lian 芦Lu 麦Mai 褚Chu 娄Lou 窦Dou 戚Qi 岑Cen 景Jing 党Dang "
    "宫Gong 费Fei 卜Bu 冷Leng 晏Yan 席Xi 卫Wei 米Mi 柏Bai 宗Zong 瞿Qu 桂Gui "
    "全Quan 佟Tong 应Ying 臧Zang 闵Min 苟Gou 邬Wu 边Bian 卞Bian 姬Ji 师Shi 仇Qiu "
    "栾Luan 隋Sui 商Shang 刁Diao 沙Sha 荣Rong 巫Wu 寇Kou 桑Sang 郎Lang 甄Zhen 丛Cong "
    "仲Zhong 虞Yu 敖Ao 巩Gong 明Ming 佘She 池Chi 查Zha 麻Ma 苑Yuan 迟Chi 邝Kuang "
    "区Ou 芈Mi 蓟Ji 冼Xian 杭Hang 钮Niu 鞠Ju 丰Feng 谌Chen 戈Ge 綦Qi 竺Zhu "
    "裘Qiu 莘Shen 濮Pu 蔺Lin 缑Gou 郦Li 乐Yue 朴Piao 盖Ge 尉Wei 那Na 召Shao "
    "诸Zhu "
)
_COMPOUND = (
    "欧阳Ouyang 司马Sima 上官Shangguan 诸葛Zhuge 东方Dongfang 皇甫Huangfu 尉迟Yuchi 公孙Gongsun "
    "慕容Murong 长孙Zhangsun 宇文Yuwen 司徒Situ 夏侯Xiahou 轩辕Xuanyuan 令狐Linghu 端木Duanmu "
    "西门Ximen 南宫Nangong 独孤Dugu 呼延Huyan 申屠Shentu 太史Taishi 百里Baili 东郭Dongguo "
    "闻人Wenren 赫连Helian 澹台Tantai 公冶Gongye 宗政Zongzheng 濮阳Puyang 淳于Chunyu 单于Chanyu "
    "钟离Zhongli 万俟Moqi 拓跋Tuoba 司空Sikong 左丘Zuoqiu 第五Diwu "
)
SURNAMES: dict[str, str] = dict(regex.findall(r"(\p{Han})([A-Za-z]+)", _SINGLE))
COMPOUND_SURNAMES: dict[str, str] = dict(regex.findall(r"(\p{Han}{2})([A-Za-z]+)", _COMPOUND))
SURNAME_READINGS = frozenset(SURNAMES.values())  # Zhang, Wang …: a surname written in pinyin
PLACE_SUFFIXES = {
    "省": "Province", "市": "City", "县": "County", "区": "District", "镇": "Town", "乡": "Township",
    "村": "Village", "港": "Port", "岛": "Island", "湾": "Bay", "湖": "Lake", "路": "Road", "街": "Street",
}
# A title or honorific right before the characters says they are a name (Mr 曾 → Mr Zeng).
# A title after a bare surname (王先生, 张律师) goes before it in English, as news writes it: Mr
# Wang, lawyer Zhang; and a bare surname that opens a clause before a verb of saying is the
# speaker (王表示: Wang said), as in a news report's second reference.
TITLES_AFTER = {
    "先生": "Mr", "女士": "Ms", "小姐": "Ms", "教授": "Professor", "博士": "Dr", "医生": "Dr",
    "大夫": "Dr", "法官": "Judge", "律师": "lawyer", "老师": "teacher", "院士": "Academician",
    "记者": "reporter", "警官": "officer", "主任": "Director", "书记": "Secretary",
    "部长": "Minister", "市长": "Mayor", "省长": "Governor", "局长": "Director", "大使": "Ambassador",
    "将军": "General", "总理": "Premier", "教练": "coach", "经理": "manager", "师傅": "Master",
    # kinship terms of address, as China Daily and Xinhua write them before a surname
    "大爷": "Uncle", "大伯": "Uncle", "叔叔": "Uncle", "阿姨": "Auntie", "大妈": "Auntie",
    "大娘": "Auntie", "奶奶": "Granny", "爷爷": "Grandpa", "婆婆": "Granny",
    "副部长": "Vice Minister", "副市长": "Vice Mayor", "副省长": "Vice Governor", "副主任": "Deputy Director",
    "副局长": "Deputy Director",
}  # fmt: skip
SAYING = frozenset("表示 说 指出 强调 称 认为 介绍 透露 坦言 回应 说道 告诉 提到 解释 补充 表态 呼吁".split())
HONORIFIC = regex.compile(
    r"(?:\b(?i:Mr|Mrs|Ms|Miss|Mme|Dr|Prof|Professor|Madam|Mister|Sir|Dame|President|Premier|Minister"
    r"|Chairman|Chairwoman|Chair|General|Director|Secretary|Governor|Mayor|Ambassador|Spokesperson"
    r"|spokesperson|spokesman|spokeswoman|Judge|Senator|Commissioner|Vice|Deputy|Captain|Colonel"
    r"|Academician|academician|reporter|Reporter|correspondent|Correspondent|editor|Editor|lawyer|Lawyer"
    r"|Coach|Uncle|Auntie|Grandpa|Granny|Master|surnamed|named|chief|head|officer|Party Secretary)\.?"
    r"|\bby|\bBy|【By)\s*$"
)


def surname_at(text: str) -> tuple[str, str] | None:
    """The surname ``text`` starts with and its reading, compound surnames first."""
    if text[:2] in COMPOUND_SURNAMES:
        return text[:2], COMPOUND_SURNAMES[text[:2]]
    if text[:1] in SURNAMES:
        return text[:1], SURNAMES[text[:1]]
    return None


def person(simplified: str) -> str | None:
    """``Surname Given`` for a surname followed by a one- or two-character given name."""
    found = surname_at(simplified)
    if found is None:
        return None
    surname, reading = found
    given = simplified[len(surname) :]
    if any(c in "您你我他她它咱们" for c in given):  # 祝您: "wish you", no name
        return None
    if given in ("某", "某某"):  # 王某: a name withheld, as court news does; English gives the surname
        return reading
    if not 1 <= len(given) <= 2 or given in TITLES_AFTER:  # 王阿姨 is Auntie Wang, not "Wang Ayi"
        return None
    joined = spelled(given)
    return f"{reading} {joined}" if joined else None


def surname_alone(simplified: str) -> str | None:
    """The reading of a bare surname (曾 → Zeng), for a name standing alone after a title."""
    found = surname_at(simplified)
    return found[1] if found and found[0] == simplified else None


ROAD_SUFFIXES = {"大街": "Street", "大道": "Avenue", "胡同": "Hutong", "路": "Road", "街": "Street", "巷": "Lane"}
# The units below a city, as Chinese governments write them in English (Futian District, Shiyan
# Subdistrict, Longteng Community); the longest first.
LOCAL_SUFFIXES = {
    "街道": "Subdistrict", "社区": "Community", "新区": "New Area", "区": "District", "县": "County",
    "镇": "Town", "乡": "Township", "村": "Village",
}  # fmt: skip
NAMED_SUFFIXES = {**ROAD_SUFFIXES, **LOCAL_SUFFIXES}
FUNCTION_CHARACTERS = frozenset("之的了于以其而")  # never in a place's name: 之日起 is "from the day"


def road(simplified: str, spell: Callable[[str], str] = spelled, suffixes: dict[str, str] = ROAD_SUFFIXES) -> str | None:
    """A street's name as Chinese cities sign it in English: 建国路 → Jianguo Road, 长安街 →
    Chang'an Street (``spell`` reads the name: a dictionary word's own reading first); with
    ``NAMED_SUFFIXES``, a district or community too (福田区 → Futian District)."""
    for suffix, english in sorted(suffixes.items(), key=lambda item: -len(item[0])):
        stem = simplified.removesuffix(suffix)
        if stem != simplified and stem and not FUNCTION_CHARACTERS.intersection(stem):
            joined = spell(stem)
            return f"{joined} {english}" if joined else None
    return None


def place(simplified: str, spell: Callable[[str], str] = spelled) -> str | None:
    """Joined pinyin, with a generic suffix in English: 洋山港 → Yangshan Port."""
    if FUNCTION_CHARACTERS.intersection(simplified):
        return None
    stem, suffix = simplified, ""
    if len(simplified) > 2 and simplified[-1] in PLACE_SUFFIXES:
        stem, suffix = simplified[:-1], " " + PLACE_SUFFIXES[simplified[-1]]
    joined = spell(stem)
    return joined + suffix if joined else None


def after_honorific(text: str, start: int) -> bool:
    return HONORIFIC.search(text[max(0, start - 20) : start]) is not None


_SPEAKS = regex.compile(
    r"[ ]?(?:said|says|told|added|noted|stressed|explained|replied|recalled|warned|argued|insisted"
    r"|wrote|asked|answered|believes|believed|thinks|thought|urged|pointed out|was quoted)\b(?! to be| by)"
)


def named_here(text: str, start: int, end: int) -> bool:
    """Whether the characters at ``text[start:end]`` stand where a name stands: after a title (Mr
    曾), before ``family`` (the 王 family), or before a verb of saying (李 said: Li said, a
    second reference to a speaker)."""
    if after_honorific(text, start) or _FAMILY.match(text, end) is not None or _MASKED.match(text, end):
        return True  # the 王 family: the Wang family; 张** (a user's masked name): Zhang**
    return _SPEAKS.match(text, end) is not None and _ARTICLE.search(text, max(0, start - 4), start) is None


_FAMILY = regex.compile(r"[ ]?(?:family|families|clan|household)\b")
_MASKED = regex.compile(r"[*＊]{1,4}")  # the rest of a name a site hides: 张** is a user surnamed Zhang


_ARTICLE = regex.compile(r"(?i)\b(?:the|a|an)[ ]$")  # the 王 said: a king, not Mr Wang

"""Render a run of unknown Chinese as English, word by word, when that reads as English.

The run (already simplified) is segmented and tagged as ``jieba.posseg`` does it (``segment``);
adjacent words that together form a CC-CEDICT headword are joined (公众 + 号 → 公众号, "official
account"). Each word then becomes a *part*:

* a person's name: a surname followed by one or two characters (刘 + 白 → Liu Bai), or by a
  given name jieba knows (欧阳 + 娜娜 → Ouyang Nana), or a word jieba tags as a person (``nr``)
  that CC-CEDICT does not know (its ``nr`` tags also fall on 雷达 "radar") — ``name:pinyin``;
* another proper noun (``ns``, ``nt``, ``nz``): as CC-CEDICT names it (香港 → Hong Kong), else
  from the CC-CEDICT words in it (英国 + 政府), else as joined pinyin (洋山 → Yangshan) —
  ``place:pinyin`` for places;
* a function word from ``grammar`` (或 → or; 了 → nothing);
* a CC-CEDICT sense (``senses``), following one cross-reference when the entry has nothing else;
  a jieba word CC-CEDICT lacks is split into the longest CC-CEDICT words it contains.

The parts are composed only when every one has English and the run is not a string of lone
characters that no dictionary groups (three or more in a row: 美 + 新 + 里 would be "beautiful
new inside"). Otherwise there is no proposal.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import regex

from ..english import named_body, title_case
from . import names
from .grammar import FUNCTION_WORDS, POSSESSIVE, function_english, past
from .index import Index
from .pinyin import join, readings, spelled
from .segment import Word, segment
from .senses import Reading, news_senses, read

CEDICT, NAME, PLACE, FUNCTION, GLOSSARY = "CC-CEDICT", "name:pinyin", "place:pinyin", "grammar", "glossary"
MAX_JOIN = 4  # segments joined into one CC-CEDICT headword at most
MAX_LONE = 2  # lone single characters in a row that are still read as words
PROPER_TAGS = ("nr", "ns", "nt", "nz")  # jieba's person, place, organisation, other proper noun


@dataclass(frozen=True)
class Part:
    han: str
    english: str  # "" for a function word that English does without
    source: str
    detail: str = ""  # the CC-CEDICT headword and pinyin, for the note
    verb: bool = False  # the English is a verb ("to receive" in CC-CEDICT)


def parts_of(simplified: str, index: Index, glossary: Mapping[str, str] | None = None) -> list[Part] | None:
    """The parts of a run, or ``None`` when some part has no English or the run does not read."""
    words = _join_headwords(segment(simplified, index, {k: "glossary" for k in glossary or {}}), index)
    parts: list[Part] = []
    i = 0
    while i < len(words):
        street = _street_at(words, i, index)
        if street is not None:
            parts.append(street)
            i += 2
            continue
        name, used = _name_at(words, i)
        if name is not None:
            parts.append(name)
            i += used
            continue
        part = word_part(words[i], index, glossary or {}, alone=len(words) == 1)
        if part is None:
            return None
        parts.append(part)
        i += 1
    return parts if _reads(parts) else None


def _join_headwords(words: list[Word], index: Index) -> list[Word]:
    """Join adjacent segments that together are a CC-CEDICT headword, longest first, or a
    function word of the grammar table that jieba splits (更多 → 更 + 多, which would read
    "more many")."""
    spans = {
        "".join(w.text for w in words[i:j])
        for i in range(len(words))
        for j in range(i + 2, min(len(words), i + MAX_JOIN) + 1)
    }
    known = index.entries(spans) if spans else {}
    out, i = [], 0
    while i < len(words):
        for j in range(min(len(words), i + MAX_JOIN), i + 1, -1):
            text = "".join(w.text for w in words[i:j])
            if (text in known and read(known[text]).sense is not None) or text in FUNCTION_WORDS:
                out.append(Word(text, words[i].start, "", 0))
                i = j
                break
        else:
            out.append(words[i])
            i += 1
    return out


# Words that name streets in every Chinese city (人民路, 解放路, 中山路): a street's name, not a
# phrase, before 路 or 街. Other words are read so only when jieba tags them a name.
STREET_WORDS = frozenset(
    "人民 解放 建设 中山 和平 胜利 文化 友谊 新华 光明 幸福 团结 东风 青年 工业 学院 中华 复兴".split()
)


def _street_at(words: list[Word], i: int, index: Index) -> Part | None:
    """A street named by two words, the second a street's generic: 人民 + 路 → Renmin Road."""
    if i + 1 >= len(words) or words[i + 1].text not in names.NAMED_SUFFIXES:
        return None
    word = words[i]
    if len(word.text) < 2 or not (word.text in STREET_WORDS or word.tag.startswith(("ns", "nr", "nz"))):
        return None
    street = names.road(
        word.text + words[i + 1].text, functools.partial(_read_as_name, index=index), names.NAMED_SUFFIXES
    )
    return Part(word.text + words[i + 1].text, street, PLACE) if street else None


def _name_at(words: list[Word], i: int) -> tuple[Part | None, int]:
    """A person's name starting at word ``i``, and how many words it takes."""
    word = words[i]
    found = names.surname_at(word.text)
    if found is not None and word.text[len(found[0]) :] in names.TITLES_AFTER:  # one word: 张律师
        return Part(word.text, f"{names.TITLES_AFTER[word.text[len(found[0]) :]]} {found[1]}", NAME), 1
    titled = i + 1 < len(words) and words[i + 1].text in names.TITLES_AFTER
    personal = titled and words[i + 1].text in PERSONAL_TITLES and len(word.text) in (2, 3)
    if found is not None and found[0] != word.text and (word.tag.startswith("nr") or personal) and titled:
        full = names.person(word.text)  # 张文宏教授 → Professor Zhang Wenhong
        if full is not None:
            return Part(word.text + words[i + 1].text, f"{names.TITLES_AFTER[words[i + 1].text]} {full}", NAME), 2
    if found is None or found[0] != word.text:
        return None, 0
    for used in (1, 2):  # a title after one or two words makes them a given name: 张 + 亚东 + 教授
        given = "".join(w.text for w in words[i + 1 : i + 1 + used])
        after = i + 1 + used
        if after < len(words) and words[after].text in names.TITLES_AFTER and 1 <= len(given) <= 2:
            full = names.person(word.text + given)
            if full is not None and not any(w.text in NOT_GIVEN for w in words[i + 1 : after]):
                title = names.TITLES_AFTER[words[after].text]
                return Part("".join(w.text for w in words[i : after + 1]), f"{title} {full}", NAME), used + 2
    if i + 1 < len(words) and words[i + 1].text in names.TITLES_AFTER:  # 王先生 → Mr Wang, 张律师 → lawyer
        return Part(word.text + words[i + 1].text, f"{names.TITLES_AFTER[words[i + 1].text]} {found[1]}", NAME), 2
    surname_word = word.tag.startswith("nr") or word.tag == "q"  # jieba reads 陈 as a surname; 章 as "chapter"
    if i == 0 and len(words) == 2 and len(words[1].text) == 2 and surname_word and _plain_given(words[1]):
        english = names.person(word.text + words[1].text)  # 陈文静 alone: Chen Wenjing, not "Chen gentle"
        if english:
            return Part(word.text + words[1].text, english, NAME), 2
    given, used = "", 0
    for nxt in words[i + 1 : i + 3]:
        if len(given) + len(nxt.text) > 2 or not _can_be_given(nxt):
            break
        given, used = given + nxt.text, used + 1
    if not given and i + 1 < len(words):
        nxt, reading = words[i + 1], found[1]
        if i == 0 and nxt.text in names.SAYING:  # 王表示 → Wang said: a surname that opens a clause
            return Part(word.text, reading, NAME), 1
    english = names.person(word.text + given) if given else None
    return (Part(word.text + given, english, NAME), used + 1) if english else (None, 0)


# Titles only a person takes: before one, a word that begins with a surname is a name whatever
# jieba tags it (钟南山院士: 钟南山 is also a mountain). Not 市长 or 书记, which follow places too.
PERSONAL_TITLES = frozenset("先生 女士 小姐 教授 博士 医生 大夫 院士 律师 老师 法官".split())

# Characters that end a name rather than continue it: 刘白说 is Liu Bai + said.
NOT_GIVEN = frozenset("说称讲道问答是在和与的了也都就要会对到为被把从向将等及或并不没又还却已今昨曾您你我他她它咱")


def _plain_given(word: Word) -> bool:
    """A two-character word that may be a given name after a surname when the two are the whole
    run (陈 + 文静, 赵 + 光明, 章 + 建华): a noun, an adjective or a name, not a verb or a function
    word (张开 + 嘴 is no name)."""
    return word.text not in FUNCTION_WORDS and not word.tag.startswith(("v", "p", "c", "r", "u", "d", "m", "q", "f"))


def _can_be_given(word: Word) -> bool:
    """A single character, or a word jieba tags as a name, that is not a function word."""
    if word.text in NOT_GIVEN or function_english(word.text, word.tag) is not None:
        return False
    if word.tag.startswith(("p", "c", "r")):
        return False
    return len(word.text) == 1 or word.tag.startswith("nr")


def word_part(word: Word, index: Index, glossary: Mapping[str, str], alone: bool = False) -> Part | None:
    """English for one word. A word standing alone is read in the dictionary before the grammar
    table: without a sentence around it, 等 is as likely "wait" as "etc."."""
    if word.text in glossary:
        return Part(word.text, glossary[word.text], GLOSSARY)
    grammar = function_english(word.text, word.tag)
    if alone and grammar:
        return dictionary_part(word, index) or Part(word.text, grammar, FUNCTION)
    if grammar is not None:
        return Part(word.text, grammar, FUNCTION)
    district = _district(word, index)
    if district is not None:
        return district
    if word.tag.startswith(PROPER_TAGS):
        return dictionary_part(word, index) or _proper_noun(word, index)
    return dictionary_part(word, index) or _split(word, index)


_GENERICS = ("District", "County", "Area", "Zone", "Banner")


def _district(word: Word, index: Index) -> Part | None:
    """A district or county by the name CC-CEDICT gives it, with its generic: the dictionary
    sometimes describes one instead (西湖区 "West Lake area", 江北区 "Chongqing's main airport",
    中山区 "Zhongshan") and the reading then is the pinyin of its name (Xihu District, Jiangbei
    District, Zhongshan District). Only for CC-CEDICT's proper names: 社区 and 灾区 are nouns."""
    if len(word.text) < 3 or word.text[-1] not in "区县":
        return None
    entries = index.entries([word.text]).get(word.text, [])
    if not any(e.pinyin[:1].isupper() for e in entries):
        return None
    part = dictionary_part(word, index)
    if part is not None and part.english.endswith(_GENERICS):
        return part
    name = names.road(word.text, functools.partial(_read_as_name, index=index), names.NAMED_SUFFIXES)
    return Part(word.text, name, PLACE, f"{word.text}: the district's name in pinyin") if name else part


def _proper_noun(word: Word, index: Index) -> Part | None:
    """A name jieba knows and CC-CEDICT does not: a street or district by its generic (建国路 →
    Jianguo Road, 武侯区 → Wuhou District), a person (``nr``) as ``Surname Given``, a place
    (``ns``) as joined pinyin with its generic suffix in English, an organisation or other proper
    noun (``nt``, ``nz``) from its CC-CEDICT words (西南 + 地区) or else as joined pinyin."""
    suffixes = names.ROAD_SUFFIXES | {"区": "District"} if word.tag.startswith("nr") else names.NAMED_SUFFIXES
    spell = functools.partial(_read_as_name, index=index)
    street = names.road(word.text, spell, suffixes) if len(word.text) > 2 else None
    if street is not None:
        return Part(word.text, street, PLACE)  # 建国路 is Jianguo Road, not "found a country road"
    if word.tag.startswith("nr"):
        return _spelled(word.text, names.person(word.text), NAME) if word.tag != "nrt" else None
    split = _split(word, index)
    if split is not None:
        return split
    if len(word.text) < 2:
        return None
    if word.tag.startswith("ns"):
        return _spelled(word.text, names.place(word.text, spell), PLACE)
    return _spelled(word.text, spelled(word.text), NAME)


def _read_as_name(text: str, index: Index) -> str:
    """Joined pinyin for a name, with a dictionary word's own reading where CC-CEDICT has the
    word (长安 is Chang'an, not Zhang'an, the first reading of 长), else character by character."""
    entries = index.entries([text]).get(text, [])
    for entry in sorted(entries, key=lambda e: not e.pinyin[:1].isupper()):
        syllables = [regex.sub(r"\d", "", s).lower().replace("u:", "ü") for s in entry.pinyin.split()]
        if len(syllables) == len(text) and all(s.isalpha() for s in syllables):
            return join(syllables)
    return spelled(text)


def _spelled(han: str, english: str | None, source: str) -> Part | None:
    return Part(han, english, source) if english else None


def dictionary_part(word: Word, index: Index, follow: int = 1) -> Part | None:
    """A CC-CEDICT sense for the word, following one cross-reference when that is all it has."""
    reading = _reading(word.text, word.tag, index)
    if reading.function_word:
        return Part(word.text, "", FUNCTION)
    if reading.sense is not None:
        sense = reading.sense
        return Part(word.text, sense.english, CEDICT, f"{word.text} [{sense.entry.pinyin}]", sense.verb)
    if reading.reference and follow > 0:
        target = Word(reading.reference, word.start, word.tag, 0)
        part = dictionary_part(target, index, follow - 1)
        return Part(word.text, part.english, part.source, part.detail, part.verb) if part else None
    return None


@functools.lru_cache(maxsize=16384)
def _reading(text: str, tag: str, index: Index) -> Reading:
    """What CC-CEDICT says about a word, remembered: a batch meets the same words in document
    after document, and each reading costs a query and a parse of every sense."""
    entries = index.entries([text]).get(text, [])
    return read(entries, tag, readings(text) if len(text) == 1 else (), news_senses().get(text, ""))


def _split(word: Word, index: Index) -> Part | None:
    """A jieba word CC-CEDICT lacks, as the longest CC-CEDICT words inside it: 每周五 → 每周 +
    五 ("every week 5"), 西南地区 → 西南 + 地区. One of them must be a word of two or more
    characters: a word read character by character (帮扶 → "help help", 拉帮结派 → "pull help
    knot clique") is not English, and neither is an idiom read word by word."""
    if len(word.text) < 2 or word.tag.startswith("i"):  # an idiom (成语) does not compose
        return None
    text = word.text
    subs = {text[i:j] for i in range(len(text)) for j in range(i + 1, len(text) + 1) if j - i < len(text)}
    known = index.entries(subs)
    pieces, i = [], 0
    while i < len(text):
        j = next((j for j in range(len(text), i, -1) if text[i:j] in known and j - i < len(text)), i + 1)
        part = dictionary_part(Word(text[i:j], i, "", 0), index)
        if part is None or not part.english:
            return None
        pieces.append(part)
        i = j
    if all(len(p.han) == 1 for p in pieces):
        return None
    english = " ".join(p.english for p in pieces)
    return Part(text, english, CEDICT, " + ".join(p.detail for p in pieces))


def _reads(parts: list[Part]) -> bool:
    """Some English, and no long string of lone characters that no dictionary word groups."""
    if not any(p.english for p in parts):
        return False
    content = sum(1 for p in parts if len(p.han) == 1 and p.english and p.source == CEDICT)
    if content >= 2 and 2 * content >= len(parts):
        return False  # 黑 + 田东 + 彦 (a Japanese name) is not "black Tiandong accomplished"
    lone = 0
    for p in parts:
        lone = lone + 1 if len(p.han) == 1 and p.english else 0
        if lone > MAX_LONE:
            return False
    return True


def english_of(parts: list[Part]) -> str:
    """The parts in order; a pronoun before 的 becomes possessive (我们的 → our), a verb before
    了 past (买了 → bought), and so does a verb of saying after a name (王表示 → Wang said)."""
    words: list[str] = []
    if len(parts) > 2 and parts[0].han in ("据", "根据") and parts[-1].han in names.SAYING:
        parts = parts[:-1]  # 据王先生介绍: according to Mr Wang, the verb is in "according to"
    for i, p in enumerate(parts):
        nxt = parts[i + 1].han if i + 1 < len(parts) else ""
        english = POSSESSIVE.get(p.english, p.english) if nxt == "的" else p.english
        if nxt == "的" and p.source in (NAME, PLACE) and i + 2 < len(parts):
            english += "'s"  # 张伟的父亲: Zhang Wei's father
        if (nxt == "了" and p.verb) or (p.han in names.SAYING and i and parts[i - 1].source == NAME):
            english = past(english)  # 买了 → bought; 王表示 → Wang said, as a report writes it
        if i and named_body(english) and parts[i - 1].source != NAME and parts[i - 1].english[:1].isupper():
            english = title_case(english)  # 海淀区 + 图书馆: Haidian District Library, the district's own
        if english:
            words.append(english)
    return " ".join(words)

"""Chinese glossary term left in the English text.

What it does
    Finds Han characters that spell a glossary term, in any script variant (simplified,
    traditional, Taiwan, Hong Kong), and replaces them with the term's approved English.

Why is this bad?
    Chinese characters in an English article are untranslated source text; readers cannot
    read them and search engines index them as noise.

Example
    ``maintaining an open, inclusive, and普惠 international trade environment``
    becomes ``maintaining an open, inclusive, and universally beneficial international trade
    environment``.

Fix safety
    Safe, unless the glossary entry says ``safety: suggestion`` (a key with several senses), or
    the key sits inside a longer run of Chinese that no entry covers (``李强调``: greedy
    matching cannot know the word boundaries of an untranslated clause).
    Spaces are added where the Chinese touched Latin letters or digits; a replacement that
    starts a sentence is capitalised. Chinese that repeats the English beside it (``the Belt
    and Road (一带一路) initiative``) is deleted, with its brackets, instead of translated twice
    (see ``echo``). A numbered member of a series entry (``series: true``) takes its number:
    ``神舟十八号`` becomes ``Shenzhou-18``, ``长征二号F`` becomes ``Long March-2F``.
    A place with an ``adjective`` right before an ``office`` reads as English writes it:
    ``法国外交部`` becomes ``French Foreign Ministry``; an office is capitalised before a name
    (``法国总统马克龙`` becomes ``French President Emmanuel Macron``). Composed, the place's
    safety applies: 总理 alone may be China's premier (a suggestion), 印度总理 is India's prime
    minister. Places whose office has another name (德国总理, German Chancellor) are entries.
    A person with a ``short`` name is named in full at the first mention and by the short name
    after it, as news writes names (特朗普 … 特朗普 becomes ``Donald Trump`` … ``Trump``; an
    English mention before counts). A title (``tags: [title]``) after its holder's name goes
    before it: ``马克龙总统`` (a ``person``) becomes ``President Emmanuel Macron``, safe unless
    either entry is a suggestion;
    ``Biden总统`` becomes ``President Biden``, a suggestion (the name is English text). A run
    of named places from the largest down is written as English writes an address:
    ``广东省深圳市`` becomes ``Shenzhen, Guangdong``.
    A common noun after a number or a plural word, with no other noun after it, is plural
    (``several 单克隆抗体 were approved``: several monoclonal antibodies); an ``a``/``an`` before
    the Chinese agrees with the English (``a 非典型 case``: an atypical case). A name English
    writes with "the" gets it after a preposition (``tensions in 中东``: in the Middle East); a
    generic body right after a place's name is that place's own and takes capitals
    (``海淀区应急管理局``: Haidian ... Emergency Management Bureau); a title the English says just
    before is not said twice (``Premier 李强总理``: Premier Li Qiang). Chinese in brackets that
    glosses the English before it in other words (``reserving differences (求同存异)``) is
    deleted, as a suggestion.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..english import (
    THE_BEFORE,
    attributive_plural,
    bare_count_plural,
    before_plural_of_place,
    capitalise,
    modifies_noun,
    named_body,
    ordinal_needs_the,
    plural,
    plural_here,
    sentence_start,
    singular,
    singular_here,
    singular_subject,
    takes_the,
    the_missing,
    title_case,
    verb_next,
)
from ..gerunds import gerund_as_verb
from ..glossary.entries import Entry
from ..han import TERM, UNKNOWN, HanPiece, member
from ..model import Edit, Finding, Fix, Safety, Span
from ..scan import Scan
from ..zh import has_han
from .affiliated import reordered
from .base import han_padding, replace, replace_after_article, report
from .echo import aside_edits, bracket_name_edits, bracket_restating, echo_edits, english_in_brackets, gloss_edits
from .laws import law_title
from .sentences import framed

CODE = "ZH001"
NAME = "chinese-term"
DEFAULT = "safe"


def _safety(safety: Safety, partial: bool, number: int = 0) -> Safety:
    """A key matched inside a longer untranslated passage is a suggestion (see ``han``); a
    numbered member of a series (天宫二号) is no other sense of its key, and is safe."""
    if partial:
        return Safety.SUGGESTION
    return Safety.SAFE if number else safety


def may_stay_chinese(scan: Scan, pos: int) -> bool:
    """Whether the Chinese right after a term may be left as it is: a run no entry covers, or a
    term that is only a suggestion. The term pads itself toward it, and that Chinese does not
    pad toward the term (``上海市疾控中心`` → ``Shanghai 疾控中心`` by the safe fixes alone,
    ``Shanghai Center for Disease Control and Prevention`` with the suggestion too)."""
    nxt = scan.pieces_by_start.get(pos)
    if nxt is None or nxt.kind not in (UNKNOWN, TERM):
        return False
    if nxt.kind == UNKNOWN:
        return True
    entry = scan.glossary.entry(nxt.entry)
    return _described(scan, nxt, entry, "")[1] is Safety.SUGGESTION


def _amount_ends_at(scan: Scan, pos: int) -> bool:
    """Whether an amount ZH004 writes ends at ``pos`` (it pads itself toward Chinese that may stay)."""
    return any(end == pos for _, end in scan.amounts) if scan.han else False


def term_ends_at(scan: Scan, pos: int) -> bool:
    """Whether a glossary term ends at ``pos`` (it pads itself toward what follows it there)."""
    return pos in scan.term_ends


def english_for(scan: Scan, start: int, end: int, en: str) -> str:
    """The approved English, capitalised at a sentence start and padded for its neighbours."""
    if en[:1].islower() and sentence_start(scan.text, start):
        en = capitalise(en)
    return han_padding(scan.text, start, end, en)


def _name_follows(scan: Scan, pos: int) -> bool:
    """A name seems to follow: a capitalised word (总统 Macron), a person the glossary knows
    (总统马克龙), or unknown Chinese that begins with a surname (总统李明). Not any Chinese: in
    海军军演 (naval drills) nobody is named, and the office stays in lower case."""
    text = scan.text
    pos += text.startswith(" ", pos)
    ch = text[pos : pos + 1]
    if ch.isupper():
        return True
    if not has_han(ch):
        return False
    nxt = scan.pieces_by_start.get(pos)
    if nxt is None:
        return False
    if nxt.kind == TERM:
        return nxt.entry in scan.glossary.persons
    from ..fallback.names import surname_at  # only documents with such Chinese load the tables

    if nxt.kind != UNKNOWN or not 2 <= nxt.end - nxt.start <= 4:
        return False
    return surname_at(text[nxt.start : nxt.end]) is not None


# One or two capitalised words right before a title: the name of its holder (Biden总统,
# Joe Biden 总统). Not a sentence's function word or an honorific (The总统, Mr 总统).
_NOT_NAMES = (
    "The This That These Those It Its He His She Her They Their We Our You Your A An And But Or So If "
    "As At By For From In Into Of On To With When While After Before Since Meanwhile However Also Then "
    "Yesterday Today Tomorrow Mr Mrs Ms Dr New Former "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December"
).split()
_NAME_BEFORE = regex.compile(
    rf"(?<![\w.])(?!(?:{'|'.join(_NOT_NAMES)})\b)"
    r"((?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?[ ])?[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)[ ]?$"
)


def _name_before(scan: Scan, piece: HanPiece) -> regex.Match[str] | None:
    """The holder's name written in English right before a title (``tags: [title]``)."""
    if piece.entry not in scan.glossary.titles:
        return None
    return _NAME_BEFORE.search(scan.text, max(0, piece.start - 60), piece.start)


def _mentioned_before(scan: Scan, piece: HanPiece, index: int, entry: Entry) -> bool:
    """Whether the person has been named before this piece: by the full name in English, or as
    Chinese that an earlier piece renders. The short name alone does not count: it may be a
    word (May) or a relative (Ivanka Trump). The first mention is found once per person."""
    first = scan.first_mentions.get(index)
    if first is None:
        pieces = (p.start for p in scan.han if p.kind == TERM and index in (p.entry, p.person))
        english = regex.search(rf"(?<!\w){regex.escape(entry.en)}(?!\w)", scan.text)
        first = min(next(pieces, len(scan.text)), english.start() if english else len(scan.text))
        scan.first_mentions[index] = first
    return first < piece.start


def _name(scan: Scan, piece: HanPiece, index: int) -> str:
    """A person's name as news writes it: in full at the first mention, then the ``short`` form
    (特朗普 … 特朗普 → Donald Trump … Trump)."""
    entry = scan.glossary.entry(index)
    if entry.short and _mentioned_before(scan, piece, index, entry):
        return entry.short
    return entry.en


# A bare unit of local government before a body's name, as an adjective: 省 + 公安厅 is the
# provincial public security department, 县 + 发改委 the county development and reform commission.
LOCAL_UNITS = {"省": "provincial", "市": "municipal", "县": "county", "区": "district"}


def _local_office(scan: Scan, piece: HanPiece, entry: Entry) -> str | None:
    """A national body's short name after a Chinese place or a bare 省/市/县/区 is that place's
    own body: 广东省发改委 is the Guangdong Development and Reform Commission and 县发改委 the
    county's, not the National Development and Reform Commission. A place with an adjective
    (a country: 中国发改委) does not count."""
    if not entry.office or not entry.en.startswith("National ") or piece.place >= 0 or piece.person >= 0:
        return None
    before = scan.pieces_by_end.get(piece.start)
    if before is None:
        return None
    if before.kind == UNKNOWN:
        return entry.office.lower() if scan.text[before.start : before.end] in LOCAL_UNITS else None
    place = scan.glossary.entry(before.entry) if before.kind == TERM and before.person < 0 else None
    return entry.office if place is not None and not place.adjective and place.en[:1].isupper() else None


def _english(scan: Scan, piece: HanPiece, entry: Entry) -> str:
    """The entry's English; an office takes its place's adjective (法国外交部 → French Foreign
    Ministry) and title case before a name (President Emmanuel Macron); a title named after its
    holder goes before the name, as English writes it (马克龙总统 → President Emmanuel Macron)."""
    if piece.number:
        return f"{entry.en}-{member(piece, scan.text)}"  # 神舟十八号 → Shenzhou-18, 长征三号乙 → Long March-3B
    if piece.person >= 0:
        return f"{title_case(entry.en)} {_name(scan, piece, piece.person)}"
    if piece.chain:  # 广东省深圳市 → Shenzhen, Guangdong
        return ", ".join(scan.glossary.entry(i).en for i in reversed(piece.chain))
    local = _local_office(scan, piece, entry)
    if local is not None:
        return local
    if entry.adjective and not entry.office and (
        modifies_noun(scan.text, piece.start, piece.end) or before_plural_of_place(scan.text, piece.end)
    ):
        return entry.adjective  # a 日本 company: a Japanese company
    if not entry.office:
        english = gerund_as_verb(scan.text, piece.start, _name(scan, piece, piece.entry))  # should 求同存异: seek …
        if singular_here(scan.text, piece.start, english) or singular_subject(scan.text, piece.start, piece.end, english):
            return singular(english)  # a 无人机: a drone; the 航天员 was: the astronaut
        if english.islower() and _NAME_AFTER.match(scan.text, piece.end):
            return singular(english)  # 航天员 Wang Yaping: astronaut Wang Yaping, a title before one name
        if english.islower() and scan.text[piece.end : piece.end + 2] in ("'s", "’s"):
            return singular(english)  # The 航天员's spacesuit: the astronaut's (the writer's 's is singular)
        if attributive_plural(scan.text, piece.start, piece.end, english):
            return singular(english)  # several 新能源汽车 makers: new energy vehicle makers
        if plural_here(scan.text, piece.start, piece.end, english, entry.inflect):
            return plural(english)
        if entry.inflect and bare_count_plural(scan.text, piece.start, piece.end, english):
            return plural(english)  # Sales in 一线城市 fell: in first-tier cities
        return english
    form = entry.office if piece.place >= 0 else entry.en
    if _name_follows(scan, piece.end):
        form = title_case(form)
    return f"{scan.glossary.entry(piece.place).adjective} {form}" if piece.place >= 0 else form


_NAME_AFTER = regex.compile(r"[ ][A-Z][a-z]+ [A-Z][a-z]+\b(?! and\b)")  # a person's name after a term
_SAID_IN_CHINESE = regex.compile(r"[ ]?(?:(?:in|in simplified|in traditional) (?:Chinese|Mandarin|Cantonese)|for short)\b")
_NAMED_IN_CHINESE = regex.compile(  # known in Chinese as 紫禁城; its Chinese name, 故宫; the characters 福
    r"(?:\b(?:in|in simplified|in traditional) (?:Chinese|Mandarin|Cantonese)(?: as| is| was)?"
    r"|\b(?:Chinese|Mandarin|Cantonese) (?:name|names|characters?|word|words|term|phrase|title)(?: is| was| of| for)?"
    r"|\bthe characters?)[ ]?[,:]?[ ]?[\"“'‘]?$",
    regex.IGNORECASE,
)


def meant_as_chinese(text: str, start: int, end: int) -> bool:
    """Whether the text gives the Chinese at ``text[start:end]`` as Chinese on purpose, to be
    left: ``Tesla (特斯拉 in Chinese)``, ``known in Chinese as 紫禁城``, ``the characters 福``."""
    return bool(_SAID_IN_CHINESE.match(text, end) or _NAMED_IN_CHINESE.search(text, max(0, start - 40), start))
_CHAIN_GOES_ON = regex.compile(r" (?!(?i:province|city|county|district)\b)[A-Za-z]")
_THE_BEFORE_TITLE = regex.compile(r"(?<![\w'’])[Tt]he ?[《〈“\"]\Z")
_NEXT_WORDS = regex.compile(r"[ ]?((?:[A-Za-z'’-]+ ?){1,6})")


PLACE_ENDINGS = tuple("省市县区镇乡村州盟旗")


def named_by_place(scan: Scan, piece: HanPiece, english: str) -> bool:
    """Whether a generic body's English (lower case) follows right after a place's name: a glossary
    term in capitals, or Chinese no entry covers that ends as a place does (海淀区)."""
    if not named_body(english):
        return False
    before = scan.pieces_by_end.get(piece.start)
    if before is None:
        return False
    if before.kind == TERM:
        return scan.glossary.entry(before.entry).en[:1].isupper() and before.person < 0
    named = before.end - before.start > 1  # a bare 省 (provincial) names no place
    return before.kind == UNKNOWN and named and scan.text[before.end - 1] in PLACE_ENDINGS


def _without_title_said(text: str, start: int, english: str) -> str:
    """A name's English without the title the text says right before it: ``Premier李强总理`` is
    "Premier Li Qiang", not "Premier Premier Li Qiang"."""
    words = english.split(" ")
    for k in range(min(3, len(words) - 1), 0, -1):
        title, rest = " ".join(words[:k]), words[k:]
        if not (title[:1].isupper() and all(w[:1].isupper() for w in rest)):
            continue
        before = text[max(0, start - len(title) - 2) : start].rstrip()
        lead = before[: len(before) - len(title)]
        if before.lower().endswith(title.lower()) and not lead[-1:].isalpha():
            return " ".join(rest)
    return english


_BETWEEN_BEFORE = regex.compile(r"(?<![\w'’])(?i:between)[ ]$")
_COUNTRY = r"[A-Z][\w.]*(?: [A-Z][\w.]*)?"
_PAIR = regex.compile(rf"({_COUNTRY})-({_COUNTRY})(?:-({_COUNTRY}))?")


def _pair_after_between(text: str, start: int, english: str) -> str:
    """Two countries' joint name after "between" as the two names: ``between 中日`` is "between
    China and Japan", not "between China-Japan" (and ``between 中美``: China and the US)."""
    pair = _PAIR.fullmatch(english)
    if pair is None or not _BETWEEN_BEFORE.search(text, max(0, start - 9), start):
        return english
    names = [f"the {n}" if takes_the(n) else n for n in pair.groups() if n]
    return f"{', '.join(names[:-1])} and {names[-1]}"  # between 中日韩: China, Japan and South Korea


_LEADING_FUNCTION = frozenset("with a an to of in on for at by and as from".split())


def _without_words_said_before(text: str, start: int, english: str) -> str:
    """The English without its first function words or name when the text says them right before
    the Chinese: ``with a 缓期二年执行`` is "with a two-year reprieve", not "with a with a …";
    ``WeChat 公众号`` is "WeChat official account"."""
    words = english.split(" ")
    for k in range(min(2, len(words) - 1), 0, -1):
        lead = words[:k]
        if not all(w.lower() in _LEADING_FUNCTION or w[:1].isupper() for w in lead):
            continue  # function words, or a name: the hospital's WeChat 公众号 (WeChat official account)
        said = " ".join(lead)
        before = text[max(0, start - len(said) - 2) : start].rstrip(" ")
        if before.lower().endswith(said.lower()) and not before[: len(before) - len(said)][-1:].isalpha():
            return " ".join(words[k:])
    return english


def without_next_words(text: str, end: int, english: str) -> tuple[str, int]:
    """The English to put in, and how far past ``end`` it reaches, when the text says the last
    words of it right after the Chinese: ``the 金沙江 River`` is the Jinsha River, not "the Jinsha
    River River"; ``The 中国科学院 Academy of Sciences`` is the Chinese Academy of Sciences. When
    the text says them in another case (``the 北京协和医院 hospital``), the fix takes them in and
    writes the name whole (Peking Union Medical College Hospital): nothing is said twice."""
    words = english.split(" ")
    following = _NEXT_WORDS.match(text, end)
    if following is None or len(words) < 2:
        return english, 0
    said = following.group(1).split()
    for k in range(min(len(words) - 1, len(said)), 0, -1):
        tail = " ".join(words[-k:])
        said_tail = " ".join(said[:k])
        if said_tail == tail:
            return " ".join(words[:-k]), 0
        if said_tail.lower() == tail.lower():
            reach = regex.match(r"[ ]?" + r"\s+".join(map(regex.escape, said[:k])), text[end:])
            if reach is not None and not tail.islower():
                return english, reach.end()
    return english, 0


def _described(scan: Scan, piece: HanPiece, entry: Entry, before: str) -> tuple[str, Safety]:
    """The message and safety of a piece: a plain term, or one composed with its place, its
    holder's name or the places above it."""
    g = scan.glossary
    if piece.place >= 0:  # the place decides: 印度总理 is India's prime minister
        place = g.entry(piece.place)
        message = f"Chinese term '{before}' left in English; glossary: {place.en} ({place.adjective}) + {entry.en}"
        return message, _safety(place.safety, piece.partial)
    if piece.person >= 0:  # either may doubt: 总理 after a name may still be China's premier
        person = g.entry(piece.person)
        message = f"Chinese term '{before}' left in English; glossary: {person.en} + {entry.en}, title first"
        doubt = Safety.SUGGESTION in (person.safety, entry.safety)
        return message, Safety.SUGGESTION if doubt else _safety(entry.safety, piece.partial)
    if piece.chain:
        message = f"Chinese places '{before}' left in English; English writes the smallest first"
        doubt = any(g.entry(i).safety is Safety.SUGGESTION for i in piece.chain)
        return message, Safety.SUGGESTION if doubt else _safety(entry.safety, piece.partial)
    series = f" (member {piece.number} of a numbered series)" if piece.number else ""
    message = f"Chinese term '{before}' left in English; glossary: {entry.en}{series}"
    return message, _safety(entry.safety, piece.partial, piece.number)


def check(scan: Scan) -> Iterator[Finding]:
    for piece in scan.han:
        if piece.kind != TERM:
            continue
        entry = scan.glossary.entry(piece.entry)
        if entry.kind == "currency":
            continue  # currency words and amounts belong to ZH004
        before = scan.text[piece.start : piece.end]
        message, safety = _described(scan, piece, entry, before)
        if meant_as_chinese(scan.text, piece.start, piece.end):  # Tesla (特斯拉 in Chinese): a gloss meant to stay
            yield report(CODE, piece.start, piece.end, f"{message}; the text gives it as Chinese: left", entry.origin)
            continue
        given = english_in_brackets(scan.text, piece.start, piece.end, entry.en) or bracket_restating(
            scan.text, piece.start, piece.end, entry.en
        )
        if given is not None:  # 集采 (volume-based procurement): the text's own English stays
            message = f"Chinese term '{before}' ({entry.en}) before its English in brackets; keep the English"
            yield replace_after_article(scan.text, CODE, given[0], given[1], given[2], Safety.SAFE, message, entry.origin)
            continue
        english = _english(scan, piece, entry)
        # the English beside it may be a wrong rendering EN001 fixes: Ningde Times (宁德时代)
        holder = (
            scan.glossary.entry(piece.person) if piece.person >= 0 else entry
        )  # 马克龙总统: Macron, not "president"
        names = (english, holder.en, *holder.variants, *holder.wrong, *((holder.short,) if holder.short else ()))
        echo = echo_edits(scan.text, piece.start, piece.end, names)
        gloss = None if echo is not None else gloss_edits(scan.text, piece.start, piece.end, english)
        gloss = gloss or (None if echo is not None else bracket_name_edits(scan.text, piece.start, piece.end, entry.en))
        gloss = gloss or (None if echo is not None else aside_edits(scan.text, piece.start, piece.end, names))
        if gloss is not None:
            message = f"Chinese term '{before}' ({entry.en}) glosses the English before it; delete it"
            yield Finding(CODE, Span(piece.start, piece.end), message, Fix(gloss, Safety.SUGGESTION), entry.origin)
            continue
        if echo is not None:
            message = f"Chinese term '{before}' repeats the English beside it ({entry.en}); delete it"
            yield Finding(CODE, Span(piece.start, piece.end), message, Fix(echo, safety), entry.origin)
            continue
        title = law_title(scan, piece, safety, message, entry.origin)
        if title is not None:  # 中华人民共和国刑法 → Criminal Law of the People's Republic of China
            yield title
            continue
        sentence = framed(scan, piece, safety, entry.safety, message, entry.origin)
        if sentence is not None:  # 有期徒刑3年 → 3 years in prison
            yield sentence
            continue
        hospital = reordered(scan, piece, english, safety, message, entry.origin)
        if hospital is not None:  # 浙江大学附属第一医院: the First Affiliated Hospital of Zhejiang University
            yield hospital
            if hospital.fix is None or hospital.fix.safety is safety:
                continue  # else the term's own safe fix stands for those who take no suggestions
        named = _name_before(scan, piece) if piece.person < 0 and piece.place < 0 else None
        if named is not None:  # Biden总统 → President Biden
            start = named.start()
            message = f"title '{before}' ({entry.en}) after the name '{named.group(1)}'; English puts it first"
            after = english_for(scan, start, piece.end, f"{title_case(entry.en)} {named.group(1)}")
            yield replace(CODE, start, piece.end, after, Safety.SUGGESTION, message, entry.origin)
            continue
        english, reach = without_next_words(scan.text, piece.end, english)
        english = _without_title_said(scan.text, piece.start, english)
        english = _without_words_said_before(scan.text, piece.start, english)
        english = _pair_after_between(scan.text, piece.start, english)
        if named_by_place(scan, piece, english):
            english = title_case(english)  # 海淀区应急管理局: Haidian District Emergency Management Bureau
        if (
            piece.person < 0
            and not piece.chain
            and "person" not in entry.tags  # Nathan Law is a man, not a law
            and the_missing(scan.text, piece.start, piece.end, english)
            and not _name_follows(scan, piece.end)  # a title before a name takes none: President … Andrew Leung
        ):
            english = f"the {english}"  # tensions in 中东: in the Middle East
        elif piece.person < 0 and ordinal_needs_the(scan.text, piece.start, english):
            english = f"the {english}"  # In 上半年: In the first half
        end = piece.end + reach  # the English after it, when said in another case, is taken in
        if english.endswith("s") and scan.text[end : end + 2] in ("'s", "’s") and not reach:
            english, end = english + scan.text[end], end + 2  # 联合国's budget: the United Nations' budget (AP)
        if piece.chain and _CHAIN_GOES_ON.match(scan.text, end):
            english += ","  # from 江苏省南京市 came: from Nanjing, Jiangsu, came (a closing comma, AP)
        if english.startswith("The ") and _THE_BEFORE_TITLE.search(scan.text, max(0, piece.start - 8), piece.start):
            english = english[4:]  # the 《流浪地球2》 premiere: the "Wandering Earth 2" premiere
        after = english_for(scan, piece.start, end, english)
        if piece.number and scan.text[piece.end : piece.end + 1].isupper() and after.endswith(" "):
            after = after[:-1]  # a model letter belongs to the number: 长征二号F → Long March-2F
        if not reach and may_stay_chinese(scan, piece.end) and not after.endswith(" "):
            after += " "  # Chinese that may stay goes on: keep the English apart from it
        if safety is Safety.SAFE and _said_nearby(scan.text, piece.start, end, english):
            safety = Safety.SUGGESTION  # this year's 高考, China's national college entrance examination
            message += "; the text says this English right beside it: check it is not said twice"
        if safety is Safety.SUGGESTION and (term_ends_at(scan, piece.start) or _amount_ends_at(scan, piece.start)):
            after = after.removeprefix(" ")  # the term or amount before pads itself toward this one
        the = _the_before_place(scan, piece, end, english)
        if the is not None:  # The 中国 said: China said; exports to the 中国.: to China.
            fix = Fix((Edit(Span(the, end), after.lstrip(" ")),), safety)
            yield Finding(CODE, Span(piece.start, end), message + "; a country or city takes no 'the'", fix, entry.origin)
            continue
        yield replace_after_article(scan.text, CODE, piece.start, end, after, safety, message, entry.origin)


_END_NEXT = regex.compile(r"[.;:!?](?:\s|$)")  # not a comma: The 中国, Japan and South Korea summit


def _the_before_place(scan: Scan, piece: HanPiece, end: int, english: str) -> int | None:
    """Where a "the" the text puts before a country's or city's name begins, when English
    writes the name without one and nothing makes it a modifier: ``The 中国 said`` is "China
    said"; ``the 中国 market`` keeps it."""
    if piece.entry not in scan.glossary.adjectives or piece.place >= 0 or takes_the(english) or not english[:1].isupper():
        return None
    the = THE_BEFORE.search(scan.text, max(0, piece.start - 4), piece.start)
    if the is None or not (verb_next(scan.text, end) or _END_NEXT.match(scan.text, end)):
        return None
    return the.start()


NEARBY = 100  # characters each side in which an appositive or a gloss says the English again
_BREAK_AFTER = regex.compile(
    r"(?:\s*(?:[,，(（]|—|–|--)|\s+or)\s*[\"“]?(?:(?:the|a|an|its|their|[A-Z][\w-]*['’]s)\s+)?"
)  # 双减, the double reduction; 双减 or "double reduction"
_BREAK_BEFORE = regex.compile(
    r"(?:\s*(?:[,，(（]|—|–|--)\s*(?:(?:also |commonly )?(?:known as|called|dubbed) )?|\s+(?:also |commonly )?(?:known as|called|dubbed)\s+)$"
)  # the centralized procurement program, known as 集采
_WORD = regex.compile(r"[\w-]+\s+")
_LAST_WORD = regex.compile(r"\s+[\w'’-]+$")


def _said_nearby(text: str, start: int, end: int, english: str) -> bool:
    """Whether the text says a term's English (of two words or more) right beside it, as an
    apposition or gloss (``this year's 高考, China's national college entrance examination``,
    ``the emergency management bureau (应急管理局)``): the translator glossed the Chinese, and
    putting the English in would say it twice. The same English later in the sentence is no gloss
    (``the 上海证券交易所 said trading on the Shanghai Stock Exchange was orderly``)."""
    if " " not in english:
        return False
    said = english.removeprefix("the ").lower()
    after = _BREAK_AFTER.match(text, end)
    if after is not None:
        at = after.end()
        for _ in range(3):  # up to two words before it: China's national …
            if text[at : at + len(said)].lower() == said and not text[at + len(said) : at + len(said) + 1].isalnum():
                return True
            word = _WORD.match(text, at)
            if word is None:
                break
            at = word.end()
    brk = _BREAK_BEFORE.search(text, max(0, start - 30), start)
    if brk is not None:
        head = text[max(0, brk.start() - NEARBY) : brk.start()].lower()
        for _ in range(4):  # up to three words after it: the emergency management bureau of Beijing (应急管理局)
            if head.endswith(said):
                return True
            last = _LAST_WORD.search(head)
            if last is None:
                break
            head = head[: last.start()]
    return False

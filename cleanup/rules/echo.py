"""Chinese that repeats the English beside it: delete it rather than translate it again.

Translations often keep the source term next to its English: ``the Belt and Road (一带一路)
initiative``, ``Global Times 环球时报 said``, ``一带一路 (Belt and Road)``. Replacing the Chinese
with its English would say the term twice (``Belt and Road (Belt and Road)``); the fix that
reads as English deletes the Chinese, with its brackets and the space that set it apart.

The English must be the whole of what the Chinese means, word for word (case, ``the`` in front,
the kind of apostrophe and runs of spaces aside), and stand as whole words right next to the
Chinese: before it, after it, or in brackets after it. A dictionary proposal of one word may also
be the start of the English word the Chinese is glued to (``fearful懼``: 懼 is "fear"), since the
translator's word then already carries it.

Three looser echoes are offered as suggestions only (``gloss_edits``, ``near_echo_edits``,
``bracket_name_edits``): Chinese in brackets whose proposal shares most of its content words with
the English before it; Chinese right beside English that says its proposal's words in another
form (``deeply worried 擔憂``); and a bracket that begins with a name the English just gave and
ends with a company's legal form (``Huawei Technologies Co., Ltd. (华为技术有限公司)``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ..english import plural
from ..model import Edit, Span

OPEN, CLOSE = "(（", ")）"
SPACE = " \t"


def _norm(text: str) -> str:
    """Case, apostrophes, spaces and the dot of an abbreviation (Mr. Wang: Mr Wang) aside."""
    return " ".join(text.replace("’", "'").replace(".", "").casefold().split())


def _forms(english: Iterable[str]) -> list[str]:
    """``_forms_of``, remembered: the same terms recur in document after document."""
    return _forms_of(tuple(english))


@functools.lru_cache(maxsize=4096)
def _forms_of(english: tuple[str, ...]) -> list[str]:
    """The English to look for, normalised, with and without a leading ``the``."""
    forms = set()
    for en in english:
        norm = _norm(en)
        if norm:
            for form in (norm, norm.replace("'", ""), norm.replace("-", " "), plural(norm)):  # Singles Day; ID cards
                forms.add(form)
                forms.add(form.removeprefix("the "))
    return sorted(forms - {""}, key=len, reverse=True)


@functools.lru_cache(maxsize=1024)
def _spelling(form: str, at_end: bool = False) -> re.Pattern[str]:
    """``form`` as text may write it: any case, any run of spaces, either apostrophe."""
    words = (re.escape(w).replace("'", "['’]") + r"\.?" for w in form.split())
    return re.compile(r"\s+".join(words) + (r"\Z" if at_end else ""), re.IGNORECASE)


def _ends_with(text: str, end: int, forms: list[str]) -> bool:
    """Whether whole words ending at ``end`` spell one of ``forms``."""
    if not any(_norm(text[max(0, end - len(w)) : end]) == w for w in {f.rsplit(" ", 1)[-1] for f in forms}):
        return False  # the last word differs: no need to match the whole form
    window = text[max(0, end - 4 * max(map(len, forms))) : end]
    for form in forms:
        m = _spelling(form, at_end=True).search(window)
        start = end - len(window) + m.start() if m else -1
        if m and (start == 0 or not text[start - 1].isalnum()):
            return True
    return False


def _starts_with(text: str, start: int, forms: list[str]) -> int:
    """The end of whole words starting at ``start`` that spell one of ``forms``, else 0."""
    if not any(_norm(text[start : start + len(w)]) == w for w in {f.split(" ", 1)[0] for f in forms}):
        return 0  # the first word differs
    for form in forms:
        m = _spelling(form).match(text, start)
        if m and (m.end() == len(text) or not text[m.end()].isalnum()):
            return m.end()
    return 0


def _skip_back(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in SPACE:
        pos -= 1
    return pos


def _skip_on(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in SPACE:
        pos += 1
    return pos


_LEGAL_SUFFIX = re.compile(r",? (?:Co\.,? Ltd\.?|Co\.|Ltd\.?|Inc\.?|Corp\.?|Corporation|Limited|Company)\Z")
_ACRONYM = re.compile(r"(?<![\w'’-])([A-Z]{2,6})\Z")
_SMALL = frozenset("of and the for in on to at".split())


def _acronym_before(text: str, end: int, english: Iterable[str]) -> bool:
    """Whether the word ending at ``end`` is the capitals' acronym of one of ``english``: ``IAEA
    (国际原子能机构)`` gives the Chinese of the International Atomic Energy Agency."""
    word = _ACRONYM.search(text, max(0, end - 7), end)
    if word is None:
        return False
    initials = {"".join(w[0] for w in en.split() if w.lower() not in _SMALL).upper() for en in english}
    return word.group(1) in initials


_CLOSING_QUOTES = "\"'”’»」』"


def _said_before(text: str, end: int, forms: list[str], english: tuple[str, ...]) -> bool:
    """Whether the English ending at ``end`` says the term: one of its forms, its acronym (IAEA),
    or its name with a company's legal form after it (… Group Co., Ltd.)."""
    if _ends_with(text, end, forms) or _acronym_before(text, end, english):
        return True
    if end > 0 and text[end - 1] in _CLOSING_QUOTES and _ends_with(text, end - 1, forms):
        return True  # the so-called "involution" (内卷): the English in quotes
    legal = _LEGAL_SUFFIX.search(text, max(0, end - 24), end)
    return legal is not None and _ends_with(text, legal.start(), forms)


def _deleted(text: str, start: int, end: int) -> tuple[Edit, ...]:
    """Delete ``[start, end)``, leaving one space where two words would otherwise touch."""
    left = text[start - 1] if start else ""
    right = text[end] if end < len(text) else ""
    gap = " " if left and (left.isalnum() or left in ".,;:!?)]”") and right.isalnum() else ""
    return (Edit(Span(start, end), gap),)


def echo_edits(text: str, start: int, end: int, english: Iterable[str]) -> tuple[Edit, ...] | None:
    """Edits that delete the Chinese at ``[start, end)`` because the English beside it already
    says ``english``, or ``None``."""
    english = tuple(english)
    forms = _forms(english)
    if not forms:
        return None
    if start > 0 and text[start - 1] in "《〈" and text[end : end + 1] in "》〉":
        start, end = start - 1, end + 1  # "Ne Zha 2" (《哪吒之魔童闹海》): the title marks go with it
    before, after = _skip_back(text, start), _skip_on(text, end)
    if before > 0 and text[before - 1] == "/" and _ends_with(text, before - 1, forms):
        return (Edit(Span(before - 1, end), ""),)  # Tesla/特斯拉: the name twice
    in_bracket = before > 0 and text[before - 1] in OPEN and after < len(text)
    if in_bracket and text[after] in ",，" + CLOSE:
        outside = _skip_back(text, before - 1)  # "Belt and Road (一带一路)": the English before the bracket
        if _said_before(text, outside, forms, english):
            if text[after] in CLOSE:
                return _deleted(text, outside, after + 1)
            return (Edit(Span(start, _skip_on(text, after + 1)), ""),)  # Nvidia (英伟达, NVDA): the rest stays
    if in_bracket and text[after] in CLOSE:
        beyond = _skip_on(text, after + 1)  # "(一带一路) Belt and Road"
        if _starts_with(text, beyond, forms):
            return (Edit(Span(before - 1, beyond), ""),)
        return None
    if _ends_with(text, before, forms):  # "Global Times 环球时报", "Belt and Road一带一路"
        return _deleted(text, before, end)
    if after < len(text) and text[after] in OPEN:  # "一带一路 (Belt and Road)"
        inner = _skip_on(text, after + 1)
        words_end = _starts_with(text, inner, forms)
        close = _skip_on(text, words_end)
        if words_end and close < len(text) and text[close] in CLOSE:
            return (Edit(Span(start, inner), ""), Edit(Span(words_end, close + 1), ""))
        return None
    if after > end and _starts_with(text, after, forms):  # "环球时报 Global Times"
        return _deleted(text, start, after)
    return None


def glued_word_edits(text: str, start: int, end: int, word: str) -> tuple[Edit, ...] | None:
    """Delete the Chinese glued to the end of an English word that begins with its one-word
    proposal (``fearful懼`` with 懼 "fear"), or ``None``."""
    word = word.casefold()
    if start == 0 or " " in word or len(word) < 3 or not text[start - 1].isalpha():
        return None
    begin = start
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    glued = text[begin:start].casefold()
    if glued.startswith(word) and len(glued) > len(word):
        return _deleted(text, start, end)
    return None


_STOP = frozenset(
    """a an the and or but of to in on at by for with from into as is are was were be been it its this that
    these those their his her our not no so than then while also very""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
WINDOW = 15  # words before the bracket that a gloss may repeat


def _stems(text: str) -> set[str]:
    return {w.casefold()[:5] for w in _WORD.findall(text) if w.casefold() not in _STOP}


def gloss_edits(text: str, start: int, end: int, english: str) -> tuple[Edit, ...] | None:
    """Delete Chinese in brackets right after English that says the same in other words: in
    ``seeking common ground while reserving differences (求同存异)`` the Chinese is the source of
    the English before it, and its proposal shares most of that English's words. More than half
    of the proposal's content words (compared by their first five letters) must be among the
    last words of the sentence before the bracket; a bracket that adds a name or a fact (``the
    company (华为)``) shares none and is translated instead."""
    before, after = _skip_back(text, start), _skip_on(text, end)
    if not (before > 0 and text[before - 1] in OPEN and after < len(text) and text[after] in CLOSE):
        return None
    wanted = _stems(english)
    outside = _skip_back(text, before - 1)
    if not wanted or outside == 0 or not text[outside - 1].isalnum():
        return None
    sentence = re.split(r"[.!?。！？]\s", text[max(0, outside - 200) : outside])[-1]
    if len(english.split()) == 1:  # a one-word proposal: one of the last words says it (resettled (安置))
        last = {w.casefold()[:5] for w in _WORD.findall(" ".join(sentence.split()[-NEAR:])) if len(w) > 3}
        return _deleted(text, outside, after + 1) if english.casefold()[:5] in last else None
    shared = wanted & _stems(" ".join(sentence.split()[-WINDOW:]))
    if 2 * len(shared) <= len(wanted) or len(shared) < 2:
        return None  # one shared word is too little: the minister (时任部长) adds "at the time"
    if "的" in text[start:end] and shared != wanted:
        return None  # Zhang Wei (张伟的父亲): his father, someone else, not a gloss of the name
    return _deleted(text, outside, after + 1)


NEAR = 3  # English words on either side that an untranslated word may repeat


def near_echo_edits(text: str, start: int, end: int, english: str) -> tuple[Edit, ...] | None:
    """Delete Chinese set right beside English that already says what its proposal says, in
    another form of the same words: ``not tight enough紧`` (紧 "tight"), ``deeply worried 擔憂``
    (worry), ``exceeded expectations 超预期`` (exceed expect). The proposal's content words (at
    most three, compared by a light stem) must be the words right before the Chinese, in order,
    or the words right after it: in ``The reporter said 记者 were barred`` the Chinese is the
    next clause's subject, not an echo."""
    wanted = [_stem(w) for w in _WORD.findall(english) if w.casefold() not in _STOP]
    if not wanted or len(wanted) > NEAR:
        return None
    left = re.split(r"[.!?。！？\n]", text[max(0, start - 60) : start])[-1].split()
    right = re.split(r"[.!?。！？\n]", text[end : end + 60])[0].split()
    glued = start > 0 and text[start - 1].isalpha()  # not tight enough紧: the word before is in reach
    reach = NEAR if glued else len(wanted)
    left_words = [_stem(w) for w in _WORD.findall(" ".join(left[-reach:]))]
    right_words = [_stem(w) for w in _WORD.findall(" ".join(right[: len(wanted)]))]
    if _holds(left_words, wanted):  # the words right before, in order: "exceeded expectations 超预期"
        return _deleted(text, _skip_back(text, start), end)
    if right_words == wanted:  # or right after: "擔憂 worried"
        return _deleted(text, start, _skip_on(text, end))
    return None


def _holds(words: list[str], wanted: list[str]) -> bool:
    """Whether ``wanted`` is a run of consecutive ``words``."""
    n = len(wanted)
    return any(words[i : i + n] == wanted for i in range(len(words) - n + 1))


_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ied", "ies", "ed", "es", "s", "ly")


def _stem(word: str) -> str:
    """A light stem: worried, worry → worri; expectations, expect → expect; exceeded → exceed."""
    word = word.casefold().replace("’", "'").removesuffix("'s")
    if word.endswith(("ied", "ies")) and len(word) > 5:
        return word[:-3] + "i"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 5:
            word = word[: -len(suffix)]
            break
    return word[:-1] + "i" if word.endswith("y") and len(word) > 4 else word


# How a company's Chinese name ends (华为技术有限公司): after the name the English gave, such a
# bracket holds nothing but the name.
LEGAL_FORMS = ("有限公司", "有限责任公司", "股份公司", "集团", "公司", "有限公司）", "控股")


def bracket_name_edits(text: str, start: int, end: int, english: str) -> tuple[Edit, ...] | None:
    """Delete a bracket of Chinese that begins with a name the English before it already says:
    ``Huawei Technologies Co., Ltd. (华为技术有限公司)`` gives the company's Chinese name after its
    English one. The name (a glossary term at the bracket's start) must be among the last words
    before the bracket, every content word of it; the rest of the bracket is its Chinese too."""
    open_at = start - 1
    while open_at >= 0 and text[open_at] in SPACE:
        open_at -= 1
    if open_at < 0 or text[open_at] not in OPEN:
        return None
    close = end
    while close < len(text) and (_is_han(text[close]) or text[close] in "·・ "):
        close += 1
    if close >= len(text) or text[close] not in CLOSE or close == end:
        return None  # no bracket, or the term is all of it (echo_edits' case)
    if not text[end:close].rstrip().endswith(LEGAL_FORMS) or close - end > 12:
        return None  # the rest may be a new fact (李娜的教练: her coach), not the name's Chinese
    wanted = {w.casefold()[:4] for w in _WORD.findall(english) if w.casefold() not in _STOP}
    outside = _skip_back(text, open_at)
    words = re.split(r"[.!?;。！？；\n]\s", text[max(0, outside - 120) : outside])[-1].split()[-6:]
    seen = {w.casefold()[:4] for w in _WORD.findall(" ".join(words)) if w.casefold() not in _STOP}
    if not wanted or not wanted <= seen or outside == 0 or not text[outside - 1].isalnum() and text[outside - 1] != ".":
        return None
    return _deleted(text, outside, close + 1)


_ASIDE = re.compile(
    r"(,?)\s*(?:also\s+|otherwise\s+|commonly\s+|popularly\s+|locally\s+)?"
    r"(?:known\s+as|called|dubbed|named|or|aka|a\.k\.a\.|i\.e\.)\s*[\"“‘']?\Z",
    re.IGNORECASE,
)
_QUOTES = "\"”’'"


def aside_edits(text: str, start: int, end: int, english: Iterable[str]) -> tuple[Edit, ...] | None:
    """Delete an aside that gives the Chinese for the English just before it: ``Apollo Go, known
    as 萝卜快跑, has grown`` (the aside says "known as Apollo Go"), ``refund only, or 仅退款``. The
    English before the connective must be the term's English; the aside goes with its commas."""
    forms = _forms(english)
    aside = _ASIDE.search(text, max(0, start - 40), start) if forms else None
    if aside is None or not _ends_with(text, aside.start(), forms):
        return None
    close = end + (text[end : end + 1] in _QUOTES and text[aside.end() - 1 : aside.end()] in "\"“‘'")
    if aside.group(1) and text[close : close + 1] == ",":
        close += 1  # the aside's closing comma: "Apollo Go has grown"
    return _deleted(text, aside.start(), close)


_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’&.-]*[ ])*[A-Z][\w'’&.-]+\Z")
_RELATIONAL = frozenset("的之与和及或等")


def name_bracket_edits(text: str, start: int, end: int) -> tuple[Edit, ...] | None:
    """Delete a bracket of Chinese right after a name the English gives in capitals: ``China
    Passenger Car Association (乘联会)``, ``Home Inn (如家)`` give the name's Chinese, which no
    entry covers, and it adds nothing for an English reader. The bracket holds the Chinese alone,
    at most eight characters and no word that relates it to something else (李娜的教练)."""
    open_at = _skip_back(text, start) - 1
    close = _skip_on(text, end)
    if open_at < 0 or text[open_at] not in OPEN or close >= len(text) or text[close] not in CLOSE:
        return None
    if end - start > 8 or _RELATIONAL.intersection(text[start:end]):
        return None
    outside = _skip_back(text, open_at)
    if _NAME_BEFORE.search(text, max(0, outside - 80), outside) is None:
        return None
    return _deleted(text, outside, close + 1)


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


_ENGLISH_BRACKET = re.compile(r"[ ]?[(（]([A-Za-z][A-Za-z0-9'’&.,/ -]{2,80}?)[)）]")
_TITLE_OPEN, _TITLE_CLOSE = "《〈", "》〉"


def english_in_brackets(text: str, start: int, end: int, english: str | None = None) -> tuple[int, int, str] | None:
    """Where the Chinese at ``text[start:end]`` (with the rest of its title in marks) and the
    brackets after it go, and the English the brackets hold that takes their place: ``national
    集采 (volume-based procurement)`` is national volume-based procurement, ``《維護國家安全條例》
    (Safeguarding National Security Ordinance)`` the ordinance. The translator said it in
    English; the glossary's own English would say it twice. Not an acronym alone (国家医保局
    (NHSA): the name and its acronym both belong), nor the pinyin of a name (ZH003's ``飞跃
    (Feiyue)``), nor what relates it to something else (``(see below)``)."""
    begin, after = start, end
    if start > 0 and text[start - 1] in _TITLE_OPEN:
        close = _TITLE_END.match(text, end)
        if close is not None:  # 《中华人民共和国刑法》: the title's other pieces go too
            begin, after = start - 1, close.end()
    m = _ENGLISH_BRACKET.match(text, after)
    if m is None:
        return None
    gloss = m.group(1).strip()
    words = gloss.split()
    if "," in gloss or any(c.isdigit() for c in gloss) or words[0].lower() in _NOT_A_GLOSS:
        return None  # an aside, a caption, a clause: (Xiaohongshu, or RedNote), (left), (launched in 2013)
    capitals = len(words) >= 2 and all(w[:1].isupper() or w.lower() in _STOP for w in words)
    if english is not None and not (begin < start and capitals):  # a whole title in marks: its name in capitals
        # the glossary's English must share a word with it: the same thing, said otherwise
        if not {w.lower() for w in _WORD.findall(gloss)} & {w.lower() for w in _WORD.findall(english) if w.lower() not in _STOP}:
            return None
    elif not capitals:
        return None  # with no entry, only a name in capitals: (China Foreign Affairs University)
    return begin, m.end(), gloss


_TITLE_END = re.compile(r"[\u3400-\u9fff·]{0,40}[》〉]")
_NOT_A_GLOSS = frozenset(
    """see i.e. e.g. ie eg formerly now also or and from photo file left right center centre pictured front back
    top bottom middle second third a an the not which who that first launched founded aged age pseudonym alias
    né née""".split()
)


def bracketed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all of a bracket's content (``March 5 (3月5日)``) or has a
    bracket right after it (``3亿元 (300 million yuan)``). An amount or a date is an echo of the
    English beside it only so; two amounts side by side may be a list."""
    inside = start > 0 and text[start - 1 : start] in ("(", "（") and text[end : end + 1] in (")", "）")
    return inside or text[end:].lstrip(" ")[:1] in ("(", "（")


def bracket_restating(text: str, start: int, end: int, english: str) -> tuple[int, int, str] | None:
    """Chinese whose bracket begins with its own English and goes on: ``小红书 (Xiaohongshu, or
    RedNote)`` is Xiaohongshu (or RedNote); the English is said once, the rest of the bracket kept."""
    m = _BRACKET_AFTER.match(text, end)
    if m is None:
        return None
    inside = m.group(1)
    head, comma, rest = inside.partition(",")
    if not comma or head.strip().lower() != english.lower() or not rest.strip():
        return None
    return start, m.end(), f"{head.strip()} ({rest.strip()})"


_BRACKET_AFTER = re.compile(r"[ ]?[(（]([^()（）\n]{1,120})[)）]")

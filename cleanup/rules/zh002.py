"""Mixed Latin and Han token: a transliteration that stopped halfway.

What it does
    Finds Latin letters glued to Han characters (``Guan察者网``, ``Ren民日报``, ``Renmin日报``,
    ``人民Ribao``). When the Latin part is the pinyin of the characters the token is missing from
    a glossary term (``guan`` = 观, so 观察者网), the whole token is replaced with the term's
    English. A glued capitalised fragment that spells pinyin but resolves to nothing is reported
    as one token, never half fixed.

Why is this bad?
    The reader sees neither the English name nor the Chinese one; the token is unsearchable.

Example
    ``By Guan察者网 Liu Bai`` becomes ``By Observer Network Liu Bai``.

Fix safety
    Safe when the glossary resolves the token (the entry's own safety applies); otherwise the
    finding is report-only and names the `cleanup glossary add` command that would cover it.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..english import the_missing
from ..han import MIXED, MIXED_UNKNOWN, looks_transliterated, member
from ..model import Edit, Finding, Fix, Origin, Safety, Span
from ..scan import Scan
from ..zh import HAN
from .base import replace_after_article, report
from .zh001 import _safety, english_for, without_next_words

CODE = "ZH002"
NAME = "mixed-token"
DEFAULT = "safe when the glossary resolves it"


def check(scan: Scan) -> Iterator[Finding]:
    for piece in scan.han:
        token = scan.text[piece.start : piece.end]
        if piece.kind == MIXED:
            entry = scan.glossary.entry(piece.entry)
            message = f"mixed token '{token}' is {piece.key} ({entry.en})"
            english = f"{entry.en}-{member(piece, scan.text)}" if piece.number else entry.en  # Shen舟二十号: Shenzhou-20
            english = without_next_words(scan.text, piece.end, english)[0]  # Hua泰证券 Securities: said once
            if not piece.number and the_missing(scan.text, piece.start, piece.end, english):
                english = f"the {english}"  # He said Guo务院 had approved: the State Council
            after = english_for(scan, piece.start, piece.end, english)
            safety = _safety(entry.safety, piece.partial)
            yield replace_after_article(scan.text, CODE, piece.start, piece.end, after, safety, message, entry.origin)
        elif piece.kind == MIXED_UNKNOWN:
            han = "".join(HAN.findall(token))
            echo = _name_echo(scan.text, piece.start, piece.end, han)
            if echo is not None:  # Kang Yi康义: the name, then the same name in Chinese
                message = f"'{han}' repeats the name before it ({echo}); delete it"
                edit = Edit(Span(piece.end - len(han), piece.end), "")
                yield Finding(CODE, Span(piece.start, piece.end), message, Fix((edit,), Safety.SUGGESTION), Origin("name:pinyin"))
                continue
            read = _read_whole(token, han, scan.text[piece.end : piece.end + 20], scan.text[max(0, piece.start - 20) : piece.start])
            if read is not None:  # Chen某 → Chen; Hua西 Hospital → Huaxi Hospital
                english, why = read
                message = f"mixed token '{token}' matches no glossary entry; {why}: {english}"
                if not token.endswith("某"):  # a withheld name is no term to add
                    message += f"; cover it with: cleanup glossary add --zh {han} --en ENGLISH"
                after = english_for(scan, piece.start, piece.end, english)
                fix = Fix((Edit(Span(piece.start, piece.end), after),), Safety.SUGGESTION)
                yield Finding(CODE, Span(piece.start, piece.end), message, fix, Origin("name:pinyin"))
                continue
            message = (
                f"mixed token '{token}' matches no glossary entry; "
                f"cover it with: cleanup glossary add --zh {han} --en ENGLISH"
            )
            yield report(CODE, piece.start, piece.end, message, Origin("unresolved"))


_WITHHELD = regex.compile(r"([A-Z][a-z]+)(?:某某|某)")  # Chen某: a name withheld, as court news writes it
_NAME_BEFORE = regex.compile(r"[A-Z][a-z]+[ ]$")  # a surname already said before the token
_NAMED_PLACE_AFTER = regex.compile(r"[ ]?[A-Z]")  # Hua西 Hospital: a place's name, joined (Huaxi)
_SURNAME_THEN_GIVEN = regex.compile(r"([A-Z][a-z]+)(\p{Han}{2})")  # Zhang艺谋: a surname, then the given name
_PINYIN_THEN_HAN = regex.compile(r"([A-Z][a-z]+)(\p{Han})")  # Hua西: the translator stopped one character short


_PLACE_GENERICS = {"县": "County", "区": "District", "镇": "Town", "乡": "Township", "村": "Village", "省": "Province"}
_GENERIC_ENDS = frozenset("元币网报台社部局厅委省市县区镇村路街号年月日人股")


def _read_whole(token: str, han: str, after: str = "", before: str = "") -> tuple[str, str] | None:
    """A reading of a token no entry resolves, with why: a surname before 某 (``Chen某`` is
    Chen, as ``陈某`` is), or a pinyin start before the rest of a name in Chinese, spelled on
    (``Hua西`` → Huaxi). ``None`` when the token is neither."""
    withheld = _WITHHELD.fullmatch(token)
    if withheld is not None and looks_transliterated(withheld.group(1)):
        return withheld.group(1), "a surname before 某, a name withheld"
    halfway = _PINYIN_THEN_HAN.fullmatch(token)
    if halfway is not None and looks_transliterated(halfway.group(1)) and halfway.group(2) in _PLACE_GENERICS:
        generic = _PLACE_GENERICS[halfway.group(2)]  # Anji县 → Anji County, Xihu区 → Xihu District
        return f"{halfway.group(1)} {generic}", f"a place's name in pinyin and its generic {halfway.group(2)}"
    given = _SURNAME_THEN_GIVEN.fullmatch(token)
    if given is not None and given.group(2)[-1] not in _GENERIC_ENDS:
        from ..fallback.names import SURNAME_READINGS  # the pinyin tables load only for such a token
        from ..fallback.pinyin import spelled as spell

        name = spell(given.group(2)) if given.group(1) in SURNAME_READINGS else ""
        if name:  # Zhang艺谋 → Zhang Yimou
            return f"{given.group(1)} {name.replace(chr(39), '')}", "a surname in pinyin before a given name in Chinese"
    if halfway is None or not looks_transliterated(halfway.group(1)) or halfway.group(2) in _GENERIC_ENDS:
        return None  # Mei元 is half of 美元 (dollars), no name: a generic ends no pinyin name
    from ..fallback.pinyin import spelled  # the pinyin tables load only for such a token

    rest = spelled(halfway.group(2))
    if not rest:
        return None
    from ..fallback.names import SURNAME_READINGS

    surname_first = halfway.group(1) in SURNAME_READINGS and not _NAME_BEFORE.search(before)  # Xi Jin平: Jinping
    if surname_first and not _NAMED_PLACE_AFTER.match(after):
        return f"{halfway.group(1)} {rest.replace(chr(39), '')}", "a surname in pinyin before a given name in Chinese"
    return halfway.group(1) + rest.lower().replace("'", ""), "pinyin begun in Latin letters and ended in Chinese"


def _name_echo(text: str, start: int, end: int, han: str) -> str | None:
    """The name that the English right before a token's trailing Chinese already spells: in
    ``Kang Yi康义`` the pinyin of 康义 is the two words before it."""
    if not text[start:end].endswith(han):
        return None
    from ..fallback.names import person  # the pinyin tables load only for such a token

    name = person(han)
    before = text[max(0, end - len(han) - len(name or "") - 1) : end - len(han)] if name else ""
    if name is None or not before.casefold().endswith(name.casefold()):
        return None
    lead = text[: end - len(han) - len(name)]
    return name if not lead[-1:].isalpha() else None

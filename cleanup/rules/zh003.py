"""Chinese text that no glossary entry covers.

What it does
    Finds every run of Han characters that no glossary key covers and shows its pinyin. When a
    fallback source knows the run, the finding carries a suggested replacement, and the source
    is named in the message and in the change log (``entry``/``source``):

    * ``name:pinyin`` — a person's name as English writes it, surname first (刘白 → Liu Bai,
      欧阳娜娜 → Ouyang Nana, with surname readings: 曾 Zeng, 单 Shan, 解 Xie, 区 Ou);
    * ``place:pinyin`` — a place name as joined pinyin (洋山 → Yangshan), when CC-CEDICT has no
      English name for it (香港 → Hong Kong);
    * ``CC-CEDICT`` — the dictionary sense English news needs (倡议 → proposal, not "to
      suggest"), or the run's words composed when that reads as English (收到了 → receive;
      美新里那个分店 → Meixinli that branch, ``place:pinyin+CC-CEDICT``).

    When the English beside the run already says what the suggestion says (``fearful懼``, 懼
    "fear"; ``the Great Wall (长城)``; in other forms of the same words, ``deeply worried 擔憂``),
    the suggestion deletes the run instead (see ``echo``). The proposal fits the English around
    it: a noun agrees in number (``several 银行``: banks), a counter after a figure is dropped
    (``3名医生``: 3 doctors), a title the English already gives is not said twice (``Professor
    李教授``: Professor Li), and a street's generic after a named place is capitalised
    (``中关村大街``: Zhongguancun Street).
    Otherwise the run is reported with its pinyin and the ``cleanup glossary add`` command that
    would cover it. The suggestion is in that command too, ready to curate.

Why is this bad?
    Untranslated Chinese in English text: readers cannot read it. The tool cannot know the
    right English without a curated entry, but a dictionary or a name's pinyin gives the
    editor a starting point.

Example
    ``a US倡议 plan`` gets the suggestion ``a US proposal plan`` (CC-CEDICT); ``By 刘白 and
    欧阳娜娜`` gets ``By Liu Bai and Ouyang Nana`` (name:pinyin); ``the affected area贏.`` gets
    ``the affected area win.`` (CC-CEDICT), for a human to reword; ``search 介观生科 online``
    is reported only (no dictionary word, no name).

Fix safety
    Suggestion at best, never applied by default (``--suggestions`` applies it): a dictionary
    knows words, not the sentence they were in. Spaces are added where the Chinese touched
    Latin letters or digits, and a replacement that starts a sentence is capitalised. A run
    with no proposal, or of more than 100 characters (a paragraph), is report-only.
"""

from __future__ import annotations

import dataclasses
import shlex
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from ..english import NOUN_PAIR, plural, plural_here, said_next, singular, singular_here, title_case
from ..han import TERM, UNKNOWN, HanPiece
from ..model import Edit, Finding, Fix, Origin, Safety, Span
from ..scan import Scan
from ..zh import pinyin_matches, pinyin_of
from .base import replace_after_article, report
from .echo import (
    aside_edits,
    echo_edits,
    english_in_brackets,
    gloss_edits,
    glued_word_edits,
    name_bracket_edits,
    near_echo_edits,
)
from .zh001 import LOCAL_UNITS, english_for, meant_as_chinese, named_by_place, term_ends_at

if TYPE_CHECKING:  # the fallback package is imported only by documents that need it (start-up)
    from ..fallback import Proposal

_WORD_AFTER = regex.compile(r" ?([A-Za-z]+)")

CODE = "ZH003"
NAME = "unknown-chinese"
DEFAULT = "suggestion from fallbacks, else report"


def _before_term(
    scan: Scan, piece: HanPiece, proposal: Proposal | None, terms: dict[int, HanPiece]
) -> Proposal | None:
    """A place's proposal loses the generic word that the glossary term or the English word
    right after it begins with: 泸定 (Luding county) + 县委 (county Party committee) is not
    "Luding county county Party committee", nor 泸定 county "Luding county county"."""
    if proposal is None or " " not in proposal.english:
        return proposal
    head, _, last = proposal.english.rpartition(" ")
    following = terms.get(piece.end)
    if following is not None:
        first = scan.glossary.entry(following.entry).en.split(" ", 1)[0]
    else:  # or the English right after it: 泸定 county
        word = _WORD_AFTER.match(scan.text, piece.end)
        first = word.group(1) if word else ""
    if last.lower() != first.lower():
        return proposal
    return dataclasses.replace(proposal, english=head, note=f"{proposal.note}; '{last}' is in the term after it")


_AUXILIARY = regex.compile(r"(?<![\w'’])(?:been|being|be|was|were|is|are|get|got|gets|getting|has|have|had)[ ]$", regex.I)


def _inflected(scan: Scan, piece: HanPiece, proposal: Proposal | None) -> Proposal | None:
    """A one-word verb after ``been``, ``was``, ``has``... takes its past participle: ``had been
    抓获`` is "had been arrested", not "had been arrest"."""
    if proposal is None or not proposal.verb:
        return proposal
    if _AUXILIARY.search(scan.text, max(0, piece.start - 9), piece.start) is None:
        return proposal
    from ..fallback.grammar import participle

    english = participle(proposal.english)
    return dataclasses.replace(proposal, english=english, note=f"{proposal.note}; after an auxiliary: {english}")


_COURTESY = regex.compile(r"(?<![\w'’])(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor)\.?[ ]$")
_OFFICE_BEFORE = regex.compile(
    r"(?<![\w'’])(?i:chief|head|director|secretary|minister|mayor|governor|chairman|president)[ ]$"
)
_COURTESIES = frozenset("Mr Ms Mrs Dr Professor".split())


def _title_before(before: str, title: str) -> bool:
    """Whether the English before a name ends with its title (a comma after it aside)."""
    return before.rstrip(" ,").lower().endswith(title.lower())


def _title_said(scan: Scan, piece: HanPiece, proposal: Proposal | None) -> tuple[Proposal | None, int]:
    """A name's proposal and where its fix starts, when the English right before the run gives a
    title too: the same title is said once (``Professor 李教授``: Professor Li; ``Vice Minister
    王受文副部长``: Vice Minister Wang Shouwen), an office before an office keeps the English one
    (``Bureau chief 高峰局长``: Bureau chief Gao Feng), and a courtesy title before a real one
    gives way to it (``Mr 王教授``: Professor Wang, ``Dr. 李华主任``: Director Li Hua)."""
    if proposal is None or " " not in proposal.english:
        return proposal, piece.start
    from ..fallback.names import TITLES_AFTER

    english = proposal.english
    title = max((t for t in set(TITLES_AFTER.values()) if english.startswith(t + " ")), key=len, default="")
    if not title:
        return proposal, piece.start
    before = scan.text[max(0, piece.start - 30) : piece.start]
    rest = english[len(title) + 1 :]
    said = _title_before(before, title)  # The mayor, 李市长: The mayor, Li
    office = _OFFICE_BEFORE.search(before) is not None and title not in _COURTESIES
    if said or office:
        return dataclasses.replace(proposal, english=rest, note=f"{proposal.note}; a title is said before it"), piece.start
    courtesy = _COURTESY.search(before)
    if courtesy is not None:  # Mr 王教授: the Chinese title is the real one
        note = f"{proposal.note}; '{courtesy.group().strip()}' before it gives way to {title}"
        return dataclasses.replace(proposal, note=note), piece.start - len(courtesy.group())
    return proposal, piece.start


def _unit_echo(text: str, start: int, end: int, english: str) -> tuple[Edit, ...] | None:
    """A one-word unit after a figure that the English right after says again, in the plural
    too: ``20架次 sorties`` is 20 sorties (架次 is "sortie")."""
    if " " in english or not said_next(text, end, english):
        return None
    if _FIGURE_BEFORE.search(text, max(0, start - 16), start) is None:
        return None
    return (Edit(Span(start, end), ""),)


def _local_unit(scan: Scan, piece: HanPiece, han: str) -> Finding | None:
    """A bare 省, 市, 县 or 区 right before a glossary term names the level of government the
    body belongs to: an adjective (provincial, municipal, county, district)."""
    adjective = LOCAL_UNITS.get(han)
    following = scan.pieces_by_start.get(piece.end) if adjective else None
    if adjective is None or following is None or following.kind != TERM:
        return None
    message = f"'{han}' before a body's name: the level of government it belongs to, {adjective}"
    after = english_for(scan, piece.start, piece.end, adjective)
    return replace_after_article(scan.text, CODE, piece.start, piece.end, after, Safety.SUGGESTION, message, Origin("grammar"))


def _spaced_title(scan: Scan, piece: HanPiece, han: str) -> Finding | None:
    """A title after a name, one space apart (``刘伦旭 教授``), written before it as one name:
    Professor Liu Lunxu; once only, when the English before the name says the title already."""
    from ..fallback.names import TITLES_AFTER, person

    title = TITLES_AFTER.get(han)
    name_piece = scan.pieces_by_end.get(piece.start - 1) if title and scan.text[piece.start - 1] == " " else None
    if name_piece is None or name_piece.kind != UNKNOWN or title is None or not title[:1].isupper():
        return None
    name = person(scan.text[name_piece.start : name_piece.end])
    if name is None:
        return None
    said = _title_before(scan.text[max(0, name_piece.start - 30) : name_piece.start], title)
    english = name if said else f"{title} {name}"
    message = f"'{scan.text[name_piece.start : piece.end]}': a name and its title after it; English: {english}"
    after = english_for(scan, name_piece.start, piece.end, english)
    fix = Fix((Edit(Span(name_piece.start, piece.end), after),), Safety.SUGGESTION)
    return Finding(CODE, Span(piece.start, piece.end), message, fix, Origin("name:pinyin"))


def _street_of(scan: Scan, piece: HanPiece, proposal: Proposal | None) -> Proposal | None:
    """A street's generic right after a named place is part of the street's name: 中关村 + 大街 is
    Zhongguancun Street, not "Zhongguancun street"."""
    from ..fallback import Proposal
    from ..fallback.names import ROAD_SUFFIXES

    generic = ROAD_SUFFIXES.get(scan.text[piece.start : piece.end])
    before = scan.pieces_by_end.get(piece.start) if generic else None
    if generic is None or before is None or before.kind != TERM or not scan.glossary.entry(before.entry).en[:1].isupper():
        return proposal
    return Proposal(generic, "place:pinyin", f"the street generic after {scan.glossary.entry(before.entry).en}")


def _agreeing(scan: Scan, piece: HanPiece, proposal: Proposal) -> str:
    """A dictionary noun agrees with the English before it, as a glossary term does (ZH001):
    ``several 银行 raised`` is several banks, ``a 无人机`` a drone."""
    english = proposal.english
    if proposal.verb or proposal.source != "CC-CEDICT":
        return english
    if singular_here(scan.text, piece.start, english):
        return singular(english)
    return plural(english) if plural_here(scan.text, piece.start, piece.end, english) else english


_FIGURE_BEFORE = regex.compile(r"(?:^|[^\d.,])(\d[\d,]*(?:\.\d+)?)[ ]?$")


def _counted(scan: Scan, piece: HanPiece) -> Proposal | None:
    """A counter between a figure and the Chinese noun it counts is dropped, and the noun is
    plural after any figure but 1: 3名医生 → 3 doctors. A counter alone before a glossary term
    is dropped too (8次 + 助攻: 8 assists); a verb or a phrase after the counter is left to the
    run's own proposal."""
    from ..dates import COUNTERS

    han = scan.text[piece.start : piece.end]
    figure = _FIGURE_BEFORE.search(scan.text, max(0, piece.start - 16), piece.start)
    if figure is None or han[0] not in COUNTERS:
        return None
    from ..fallback import Proposal, propose

    following = scan.pieces_by_start.get(piece.end)
    if len(han) == 1 and following is not None and following.kind == TERM:  # 8次 + 助攻 (a term)
        return Proposal("", "grammar", f"the counter {han} dropped after a figure")
    if len(han) < 2:
        return None

    noun = propose(han[1:], scan.text, piece.start + 1, piece.end)
    pair = noun is not None and NOUN_PAIR.fullmatch(noun.english) is not None
    if noun is None or noun.verb or (len(noun.english.split()) > 2 and not pair):
        return None  # a verb or a phrase: no noun to count (two nouns joined by "and" are counted)
    english = noun.english if figure.group(1) == "1" or not noun.english.islower() else plural(noun.english)
    return dataclasses.replace(noun, english=english, note=f"{noun.note}; the counter {han[0]} dropped after a figure")


def _outside(pieces: list[HanPiece], dates: list[tuple[int, int]]) -> Iterator[HanPiece]:
    """The pieces, with the Chinese dates and quantities cut out of unknown ones: those are
    ZH005's (2024年3月5日: 年, 月, 日 are no words here), and 举行百分之五 is 举行 + 5 percent."""
    for piece in pieces:
        inside = [(s, e) for s, e in dates if s < piece.end and piece.start < e] if piece.kind == UNKNOWN else []
        if not inside:
            yield piece
            continue
        start = piece.start
        for s, e in inside:
            if start < s:
                yield dataclasses.replace(piece, start=start, end=s)
            start = max(start, e)
        if start < piece.end:
            yield dataclasses.replace(piece, start=start, end=piece.end)


# A work's Chinese title in brackets right after its English title in quotes: "Ne Zha 2" (《哪吒之魔童闹海》).
_TITLE_GLOSS_BEFORE = regex.compile(r"(?<=[\"”’'])[ ]?[（(]《$")
_TITLE_GLOSS_AFTER = regex.compile(r"》[)）]")
_COMPANY_WORDS = frozenset(("公司", "有限公司", "股份有限公司", "有限责任公司"))  # 公司 after a brand's Latin name
_PINYIN_BRACKET = regex.compile(r"[ ]?[（(]([A-Z][A-Za-z'’]*(?:[ -][A-Za-z'’]+){0,3})[)）]")


_DESIGNATION_BRACKET = regex.compile(r"[ ]?[（(]$")
_DESIGNATION_NUMBER = regex.compile(r"-?(\d+[A-Z]?)[)）]")


def _designation_echo(text: str, start: int, end: int, letters: str) -> tuple[Edit, ...] | None:
    """The bracket deleted when it gives in Chinese the type the English before it names:
    ``the J-20 (歼-20) fighter``."""
    opened = _DESIGNATION_BRACKET.search(text, max(0, start - 2), start)
    number = _DESIGNATION_NUMBER.match(text, end)
    if opened is None or number is None:
        return None
    said = f"{letters}-{number.group(1)}"
    if not text[: opened.start()].rstrip(" ").endswith(said):
        return None
    return (Edit(Span(opened.start(), number.end()), ""),)


def _spelled_after(text: str, start: int, end: int, han: str) -> tuple[Edit, ...] | None:
    """The Chinese and the brackets gone, when the brackets right after it spell its pinyin: the
    text names the thing in pinyin itself (``飞跃 (Feiyue)``)."""
    m = _PINYIN_BRACKET.match(text, end)
    if m is None or not pinyin_matches(m.group(1), han):
        return None
    return (Edit(Span(start, m.end()), m.group(1)),)


def check(scan: Scan) -> Iterator[Finding]:
    dates = sorted([(d.start, d.end) for d in scan.chinese_dates] + scan.amounts)  # ZH005's and ZH004's
    terms: dict[int, HanPiece] | None = None  # glossary pieces by start, made when first needed
    for piece in _outside(scan.han, dates):
        if piece.kind != UNKNOWN:
            continue
        from ..fallback import DESIGNATION, propose  # loaded only by documents with Chinese no entry covers

        han = scan.text[piece.start : piece.end]
        if meant_as_chinese(scan.text, piece.start, piece.end):  # 福 in Chinese: the text means the Chinese
            message = f"'{han}' ({pinyin_of(han)}): the text gives it as Chinese; left"
            yield report(CODE, piece.start, piece.end, message, Origin("unknown-chinese"))
            continue
        unit = _local_unit(scan, piece, han)
        if unit is not None:  # 省 + 公安厅: the provincial public security department
            yield unit
            continue
        spaced = _spaced_title(scan, piece, han)
        if spaced is not None:  # 刘伦旭 教授: Professor Liu Lunxu
            yield spaced
            continue
        gloss = _TITLE_GLOSS_BEFORE.search(scan.text, max(0, piece.start - 4), piece.start)
        close = _TITLE_GLOSS_AFTER.match(scan.text, piece.end) if gloss is not None else None
        if gloss is not None and close is not None:  # "Blossoms Shanghai" (《繁花》): the title's Chinese, deleted
            message = f"'{han}' ({pinyin_of(han)}): the Chinese title after the English title it gives; delete it"
            edit = Edit(Span(gloss.start(), close.end()), "")
            yield Finding(CODE, Span(piece.start, piece.end), message, Fix((edit,), Safety.SAFE), Origin("echo"))
            continue
        bracket = name_bracket_edits(scan.text, piece.start, piece.end)
        if bracket is not None:  # China Passenger Car Association (乘联会): the name's Chinese, deleted
            message = f"'{han}' ({pinyin_of(han)}) in brackets after the English name it gives; delete it"
            yield Finding(CODE, Span(piece.start, piece.end), message, Fix(bracket, Safety.SUGGESTION), Origin("echo"))
            continue
        if han in _COMPANY_WORDS and scan.text[piece.start - 1 : piece.start].isascii() and scan.text[piece.start - 1 : piece.start].isalpha():
            message = f"'{han}' ({pinyin_of(han)}) glued to the company's name: English names the company alone"
            yield Finding(CODE, Span(piece.start, piece.end), message, Fix((Edit(Span(piece.start, piece.end), ""),), Safety.SAFE), Origin("grammar"))
            continue  # Roborock公司: Roborock
        given = english_in_brackets(scan.text, piece.start, piece.end)
        if given is not None:  # 外交学院 (China Foreign Affairs University): the text's English stays
            message = f"'{han}' ({pinyin_of(han)}) before its English in brackets; keep the English"
            yield replace_after_article(scan.text, CODE, given[0], given[1], given[2], Safety.SAFE, message, Origin("echo"))
            continue
        spelled = _spelled_after(scan.text, piece.start, piece.end, han)
        if spelled is not None:  # the 飞跃 (Feiyue) brand: the Feiyue brand
            message = f"'{han}' with its own pinyin in brackets after it; keep the pinyin"
            yield Finding(CODE, Span(piece.start, piece.end), message, Fix(spelled, Safety.SAFE), Origin("name:pinyin"))
            continue
        if terms is None:
            terms = {p.start: p for p in scan.han if p.kind == TERM}
        proposal = _counted(scan, piece) or propose(han, scan.text, piece.start, piece.end)
        proposal = _before_term(scan, piece, proposal, terms)
        proposal, begin = _title_said(scan, piece, _inflected(scan, piece, proposal))
        proposal = _street_of(scan, piece, proposal)
        if proposal is None:
            message = (
                f"'{han}' ({pinyin_of(han)}) has no glossary entry; "
                f"cover it with: cleanup glossary add --zh {han} --en ENGLISH"
            )
            yield report(CODE, piece.start, piece.end, message, Origin("unknown-chinese"))
            continue
        message = (
            f"'{han}' ({pinyin_of(han)}) has no glossary entry; {proposal.source}: {proposal.note}; "
            f"cover it with: cleanup glossary add --zh {han} --en {shlex.quote(proposal.english)}"
        )
        echo = (
            echo_edits(scan.text, piece.start, piece.end, (proposal.english,))
            or glued_word_edits(scan.text, piece.start, piece.end, proposal.english)
            or gloss_edits(scan.text, piece.start, piece.end, proposal.english)
            or near_echo_edits(scan.text, piece.start, piece.end, proposal.english)
            or aside_edits(scan.text, piece.start, piece.end, (proposal.english,))
            or _unit_echo(scan.text, piece.start, piece.end, proposal.english)
        )
        if echo is not None and term_ends_at(scan, piece.start):  # the term before pads itself: 朱雀门 gate
            echo = tuple(Edit(e.span, e.text.lstrip(" ")) if e.span.start == piece.start else e for e in echo)
        if echo is None and proposal.source == DESIGNATION:
            echo = _designation_echo(scan.text, piece.start, piece.end, proposal.english)
        if echo is not None:
            message = f"'{han}' ({pinyin_of(han)}) repeats the English beside it; {proposal.source}: {proposal.note}"
            fix = Fix(echo, Safety.SAFE if proposal.source == DESIGNATION else Safety.SUGGESTION)
            yield Finding(CODE, Span(piece.start, piece.end), message, fix, Origin(proposal.source))
            continue
        english = _agreeing(scan, piece, proposal)
        if named_by_place(scan, piece, english):
            english = title_case(english)  # 郑州 + 大学: Zhengzhou University, the city's own
        after = english_for(scan, piece.start, piece.end, english) if proposal.english else ""
        if proposal.source == DESIGNATION:  # 歼-20 → J-20, 歼20 → J-20: the letters join the number
            after = after.rstrip(" ") + ("-" if scan.text[piece.end : piece.end + 1].isdigit() else "")
        if term_ends_at(scan, piece.start):
            after = after.removeprefix(" ")  # the term before pads itself toward this run
        if any(start == piece.end for start, _ in dates):
            after = after.removesuffix(" ")  # an amount or a date after it pads itself toward this run
        origin = Origin(proposal.source)
        if begin < piece.start:  # the courtesy title before it goes too
            fix = Fix((Edit(Span(begin, piece.end), after.lstrip(" ")),), Safety.SUGGESTION)
            yield Finding(CODE, Span(piece.start, piece.end), message, fix, origin)
            continue
        safety = Safety.SAFE if proposal.source == DESIGNATION else Safety.SUGGESTION  # 歼-20 is the J-20, nothing else
        yield replace_after_article(scan.text, CODE, piece.start, piece.end, after, safety, message, origin)

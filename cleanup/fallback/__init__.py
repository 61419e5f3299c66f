"""Proposals for Chinese that no glossary entry covers.

``propose(han, text, start, end)`` returns what an editor could put in place of the Han run
``han`` found at ``text[start:end]``, and where that came from, or ``None``. Sources, in order:

1. **names** — a person's name as English writes it (``name:pinyin``: 刘白 → Liu Bai, 欧阳娜娜 →
   Ouyang Nana, surname readings right: 曾 Zeng, 单 Shan, 解 Xie, 区 Ou), or a place as
   CC-CEDICT names it (香港 → Hong Kong) or as joined pinyin (``place:pinyin``: 洋山 → Yangshan);
2. **CC-CEDICT** — the dictionary sense an English news text needs (``senses``), for the whole
   run or composed from its words when that reads as English (``compose``);
3. otherwise nothing: the caller reports the run with its pinyin.

Every proposal is a suggestion for a human, never an automatic fix: a dictionary knows words,
not the sentence they were in. The data (jieba's dictionary, CC-CEDICT) is read through a
cached index (``index``) only when a document has unknown Chinese; documents without any never
load it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import regex

from ..english import title_case
from ..zh import HAN
from . import names
from .compose import CEDICT, FUNCTION, GLOSSARY, NAME, Part, english_of, parts_of
from .index import Index, default_index
from .senses import read

DESIGNATION = "designation"
_NUMBER_NEXT = regex.compile(r"-?\d")
# The letters of the PLA's type designations, as Chinese and foreign English writes them: 歼-20 is
# the J-20 (jian, fighter), 运-20 the Y-20, 东风-41 the DF-41. Read only right before a number.
DESIGNATIONS = {
    "歼": "J", "轰": "H", "运": "Y", "直": "Z", "强": "Q", "歼轰": "JH", "空警": "KJ", "东风": "DF",
    "巨浪": "JL", "红旗": "HQ", "鹰击": "YJ", "长剑": "CJ", "攻击": "GJ", "无侦": "WZ", "彩虹": "CH",
}  # fmt: skip
_RUN = regex.compile(r"[\p{Han}\u3007]+")
RARE = 100  # a lone character rarer than this in jieba's counts is more likely a name
MAX_RUN = 100  # characters: a longer run is a paragraph, and a gloss of it is no replacement


@dataclass(frozen=True)
class Proposal:
    english: str
    source: str  # "CC-CEDICT", "name:pinyin", "place:pinyin", or several joined with "+"
    note: str  # what the proposal was built from, for the editor
    verb: bool = False  # one word, a verb: after "been" it takes its participle (ZH003)


def propose(
    han: str, text: str, start: int, end: int, *, glossary: Mapping[str, str] | None = None
) -> Proposal | None:
    """A proposal for the Han run ``han`` found at ``text[start:end]``, or ``None``.

    ``glossary`` (simplified key → English) adds words the segmenter keeps whole, as the glossary
    would; the rule passes none, since a run no key covers contains none.
    """
    if len(han) > MAX_RUN or not HAN.fullmatch(han):  # Han only; a middle dot may join a name
        return None
    designation = DESIGNATIONS.get(han) if _NUMBER_NEXT.match(text, end) else None
    if designation is not None:  # 歼-20: the J-20, as the PLA's types are written in English
        return Proposal(designation, DESIGNATION, f"{han}: the letters of a PLA type designation ({designation}-)")
    titled = names.named_here(text, start, end)
    if text[start - 1 : start] == "《" and text[end : end + 1] == "》":
        return _title(han)  # 《自然》: a work's title, Nature, not "naturally"
    if glossary:
        return _propose(han, titled, tuple(sorted(glossary.items())))
    return _remembered(han, titled)


@functools.lru_cache(maxsize=1024)
def _title(han: str) -> Proposal | None:
    """The title of a work in 《》 read as a name: a one-word title takes its noun sense, every
    title is in title case (《自然》 → Nature); CC-CEDICT's own name for a work comes first."""
    index = default_index()
    if index is None:
        return None
    simplified = index.simplified(han)
    sense = read(index.entries([simplified]).get(simplified, []), "nz").sense  # the first sense, not news's
    proposal = (
        Proposal(sense.english, CEDICT, f"{simplified} [{sense.entry.pinyin}] → {sense.english}")
        if sense is not None
        else _remembered(han, False)
    )
    if proposal is None:
        return None
    english = title_case(proposal.english)
    return Proposal(english, proposal.source, f"{proposal.note}; a title in 《》: {english}")


@functools.lru_cache(maxsize=4096)
def _remembered(han: str, titled: bool) -> Proposal | None:
    """The engine's verification pass asks again about the same runs: answer from memory."""
    return _propose(han, titled, ())


def _propose(han: str, titled: bool, glossary: tuple[tuple[str, str], ...]) -> Proposal | None:
    index = default_index()
    if index is None:
        return None
    words = dict(glossary)
    proposals = [_propose_run(index.simplified(run), index, titled, words) for run in _RUN.findall(han)]
    if any(p is None for p in proposals):
        return None
    done = [_romanised_elsewhere(p, run, index) for p, run in zip(proposals, _RUN.findall(han)) if p is not None]
    if len(done) == 1:
        return done[0]
    # A foreign name written with a middle dot (弗拉基米尔·普京): its parts joined by a space,
    # without a part the next one already spells out (普京 is "Vladimir Putin" on its own).
    kept = [p for p, nxt in zip(done, done[1:] + [None]) if nxt is None or p.english not in nxt.english]
    return Proposal(" ".join(p.english for p in kept), _sources(done), "; ".join(p.note for p in done))


def _romanised_elsewhere(proposal: Proposal, run: str, index: Index) -> Proposal:
    """A name written in traditional characters is most likely from Hong Kong, Macao or Taiwan,
    where names are romanised otherwise (羅健熙 is Lo Kin-hei, not Luo Jianxi): the note says so."""
    if proposal.source != NAME or index.simplified(run) == run:
        return proposal
    note = f"{proposal.note}; in traditional characters: a Hong Kong, Macao or Taiwan name may be romanised otherwise"
    return Proposal(proposal.english, proposal.source, note, proposal.verb)


def _propose_run(simplified: str, index: Index, titled: bool, glossary: Mapping[str, str]) -> Proposal | None:
    lone = _lone_name(simplified, index, titled)
    if lone is not None:
        return lone
    person = names.person(simplified) if titled or simplified.endswith("某") else None
    if person is not None:  # after a title a name stands: Academician 钟南山 is Zhong Nanshan
        return Proposal(person, NAME, f"{simplified}: a name after a title or 某: {person}")
    parts = parts_of(simplified, index, glossary)
    if not parts:
        return None
    verb = len(parts) == 1 and parts[0].verb
    return Proposal(english_of(parts), _sources(parts), _note(parts), verb)


def _lone_name(simplified: str, index: Index, titled: bool) -> Proposal | None:
    """A bare surname is a name after a title (Mr 曾 → Zeng) or before a verb of saying (李 said
    → Li said), or when the character is so rare as a word that a name is the likelier reading
    (芈 → Mi)."""
    reading = names.surname_alone(simplified)
    if reading is None:
        return None
    freq = index.words([simplified]).get(simplified, (0, ""))[0]
    if titled or freq < RARE:
        return Proposal(reading, NAME, f"{simplified}: surname {reading}")
    return None


def _sources(items: list[Part] | list[Proposal]) -> str:
    found = [s for item in items for s in item.source.split("+") if s not in (FUNCTION, GLOSSARY)]
    return "+".join(dict.fromkeys(found)) or items[0].source


def _note(parts: list[Part]) -> str:
    return "; ".join(f"{p.detail or p.han} → {p.english or '(dropped)'}" for p in parts)


__all__ = ["Proposal", "propose"]

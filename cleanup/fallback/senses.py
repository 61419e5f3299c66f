"""Choose the English an English news text needs from a CC-CEDICT entry.

A CC-CEDICT entry lists every sense of a headword: ``/``-separated senses, ``;``-separated
synonyms within a sense, with register labels, classifiers and cross-references mixed in::

    美元 [Mei3 yuan2] /American dollar/US dollar/
    等 [deng3] /to wait for; to await/by the time; when; till/and so on; etc.; et al./(bound form)
    class; rank; grade/(used to end an enumeration)/(literary) (plural suffix ...)/

Only what can stand in running English is kept. Dropped: classifiers (``CL:``), cross-references
(``see``, ``variant of``, ``also written``, ``abbr. for``), pronunciations, surnames (names are
the ``names`` module's job), and senses labelled literary, archaic, old, classical, dialect,
bound form, Taiwan-only and the like. A sense that only describes grammar (``(completed action
marker)``) marks a function word. A gloss loses qualifiers in parentheses and a leading ``to``;
one naming Chinese characters, ``sb``/``sth``, or longer than four words is a description, not a
translation, and is dropped; a fragment ending in ``of`` (``in all parts of``) is used only when
nothing better is offered.

Choice: a sense listed for the word in ``news_senses.tsv`` wins when CC-CEDICT has it (约 is
"approximately", not "make an appointment"; 全球 "global", not "entire"): a reviewed table of
the senses frequent words take in news, each one of the word's own CC-CEDICT glosses, so the
table chooses and never invents. Otherwise: entries in the order of the character's common
readings (``更`` is *gèng* "more" before *gēng* "to change"); senses that are verbs, or are
not, as jieba's tag prefers; then the first
sense, unless the second says the same much shorter (the shortest common sense: ``美元`` is
``US dollar``, not ``American dollar``; but ``信息`` stays ``information``, not ``news``).
Within a sense, its first synonym, unless that is a description (``brother's son; nephew`` →
nephew).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import regex

from .index import Entry

MAX_WORDS = 4
SHORTER = 2 / 3  # the second sense wins when it is at most this share of the first's length
NOUN_VERB_TAGS = frozenset("nvatsfb")  # jieba tags that say whether a verb sense is wanted
_DROP = re.compile(
    r"^(?:CL:|see\b|(?:old |archaic |unofficial |erroneous |Japanese |ancient )?variant of\b"
    r"|also (?:written|called|used)\b|also pr\.|Taiwan pr\.|pr\.\s|abbr\.\s|used in\b|radical\b|Kangxi\b"
    r"|(?:two-character |three-character )?surname\b|\w+ \(surname\)|component\b"
    r"|\((?:literary|archaic|arch\.|old|classical|dialect|bound form|Tw|Taiwan|Cantonese|onom\.|"
    r"obsolete|Buddhism|Taoism|TCM|euph\.|euphemism|vulgar|derog\.|slang|Internet slang)\))",
    re.IGNORECASE,
)
_GRAMMAR = re.compile(r"^\([^()]*\)$|\b(?:particle|marker|classifier|measure word)\b|^-\w+$", re.I)
_PARENS = re.compile(r"\s*\([^()]*\)|\s*\[[^\]]*\]")
_EMBEDDED = regex.compile(r"\s*\p{Han}+(?:\|\p{Han}+)?(?:\[[^\]]*\])?")  # 聯合王國|联合王国[...]
# A district or county described before it is named: "Haidian, inner district of northeast
# Beijing", "Fengtai inner district of southwest Beijing".
_DESCRIBED_PLACE = re.compile(
    r"^((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,2}),? (?:(?:inner|outer|suburban|rural|urban|central|new|former"
    r"|subprovincial|north|south|east|west|northeast|northwest|southeast|southwest|northern|southern"
    r"|eastern|western) )+(district|county)\b"
)
_NAMED_PLACE = re.compile(
    r"^((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,2}) (district|county|city|prefecture|town|township|province|lake"
    r"|mountain|river|island|bay|port|new area|development zone)(?: of [A-Z][^,]*)?$"
)
_UNUSABLE = re.compile(r"\||\b(?:sb|sth|sb's|one's)\b|\.\.\.|^(?:lit|fig)\.|^-|-$")  # and non-ASCII
_DANGLING = re.compile(r"\bof$")  # "in all parts of": a fragment, not a word
_REF = regex.compile(r"^(?:\w+ )?(?:variant of|see(?: also)?|also written|abbr\. for)\s+(?:\S*?\|)?(\p{Han}+)")


@dataclass(frozen=True)
class Sense:
    english: str
    entry: Entry
    verb: bool  # the gloss was an infinitive ("to wait for")
    lead: int = 0  # length of the sense's first-listed synonym


@dataclass(frozen=True)
class Reading:
    """What the entries say about a word: its English, or that it is a function word, or where
    a cross-reference points when nothing else was usable (``variant of 姪|侄[zhi2]`` → 侄)."""

    sense: Sense | None
    function_word: bool = False
    reference: str = ""


@functools.cache
def news_senses() -> dict[str, str]:
    """word → the gloss English news needs, from the package's ``news_senses.tsv``."""
    text = resources.files(__package__).joinpath("news_senses.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {word: gloss for word, gloss in rows}


def read(entries: Sequence[Entry], tag: str = "", common: Sequence[str] = (), prefer: str = "") -> Reading:
    """The English for a word from its entries, jieba's ``tag`` and its ``common`` readings
    (tone numbers, most common first). A word jieba tags as a proper noun (``nr``, ``ns``,
    ``nt``, ``nz``) reads its proper-noun entries first (江山: the city Jiangshan). ``prefer``
    is the gloss news needs (``news_senses``), chosen when the entries list it."""
    senses: list[list[Sense]] = []
    reference = ""
    for i, entry in enumerate(_ordered(entries, common, tag.startswith(("nr", "ns", "nt", "nz")))):
        for raw in (part.strip() for part in entry.defs.split("/")):
            if not raw:
                continue
            if _DROP.match(raw):
                reference = reference or _referenced(raw)
            elif _GRAMMAR.search(raw):
                if i == 0 and not senses:
                    return Reading(None, function_word=True)
            else:
                glosses = _glosses(raw, entry)
                if glosses:
                    senses.append(glosses)
    preferred = next((s for sense in senses for s in sense if s.english == prefer), None) if prefer else None
    return Reading(preferred or _choose(senses, tag), reference=reference if not senses else "")


def _ordered(entries: Sequence[Entry], common: Sequence[str], proper: bool) -> list[Entry]:
    """Entries of common readings first; variant characters (an entry that is also "variant
    of" another: 蹔 beside 暫) last; proper nouns (capitalised pinyin) after common words, or
    before them when the word is a proper noun."""
    rank = {reading: i for i, reading in enumerate(common)}

    def key(entry: Entry) -> tuple[int, bool, bool]:
        variant = "variant of" in entry.defs
        return rank.get(entry.pinyin.lower(), len(rank)), variant, entry.pinyin[:1].isupper() != proper

    return sorted(entries, key=key)


def _glosses(raw: str, entry: Entry) -> list[Sense]:
    """One sense's usable synonyms, cleaned, in CC-CEDICT's order (commonest first), except
    that fragments and descriptions go last."""
    out = []
    for gloss in raw.split(";"):
        verb = gloss.strip().startswith("to ")
        text = _clean(gloss, proper=entry.pinyin[:1].isupper())
        if text and text.isascii() and not _UNUSABLE.search(text) and len(text.split()) <= MAX_WORDS:
            out.append(Sense(text, entry, verb))
    lead = len(out[0].english) if out else 0
    out = [Sense(s.english, s.entry, s.verb, lead) for s in out]
    return sorted(out, key=lambda s: (bool(_DANGLING.search(s.english)), _descriptive(s.english)))


def _descriptive(gloss: str) -> bool:
    """A gloss that describes rather than names (``brother's son``, ``make a telephone call``):
    a later one-word synonym is preferred to it (``nephew``); otherwise the order stands."""
    return "'s" in gloss or len(gloss.split()) >= 3


def _clean(gloss: str, proper: bool) -> str:
    """Drop qualifiers, embedded references, a leading ``to``/``a``; a proper noun loses its
    description (``Hubei Province in central China, capital Wuhan`` → Hubei Province) and keeps
    the first of its spellings (``Garze or Kandze`` → Garze)."""
    text = _PARENS.sub("", _EMBEDDED.sub("", gloss)).strip()
    if proper:
        described = _DESCRIBED_PLACE.match(text)
        if described:  # Haidian, inner district of northeast Beijing → Haidian District
            name = described.group(1)  # Pudong New District, subprovincial district: named already
            named_already = name.rsplit(" ", 1)[-1].lower() in ("district", "county", "area", "zone")
            return name if named_already else f"{name} {described.group(2).title()}"
        text = re.split(r",| in | or ", text)[0]
        named = _NAMED_PLACE.match(text)
        if named:  # Fangshan district of Beijing → Fangshan District: the generic is part of the name
            text = f"{named.group(1)} {named.group(2).title()}"
    text = re.sub(r"^to (?!be\b)|^an? |\s+(?:for )?oneself$", "", text.strip().replace('"', ""))
    return text.strip(" ,")


def _choose(senses: list[list[Sense]], tag: str) -> Sense | None:
    """The first sense's gloss, or the second's when it is the same sense, shorter."""
    if tag[:1] in NOUN_VERB_TAGS:
        wants_verb = tag.startswith("v")
        senses = [s for s in senses if s[0].verb == wants_verb] or senses
    senses = sorted(senses, key=lambda s: bool(_DANGLING.search(s[0].english)))
    if not senses:
        return None
    first = senses[0][0]
    second = senses[1][0] if len(senses) > 1 else None
    if second is not None and _same_but_shorter(second, first):
        return second
    return first


def _same_but_shorter(second: Sense, first: Sense) -> bool:
    """The second sense says the first one shorter: same entry, same head word, much shorter
    (``American dollar`` / ``US dollar``; not ``information`` / ``news``)."""
    same_head = first.english.split()[-1].lower() == second.english.split()[-1].lower()
    return second.entry == first.entry and same_head and second.lead <= SHORTER * first.lead


def _referenced(raw: str) -> str:
    m = _REF.search(raw)
    return m.group(1) if m else ""

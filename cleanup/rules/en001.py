"""Wrong English rendering of a glossary term or name.

What it does
    Finds English renderings a glossary entry lists as ``wrong`` (machine-translation errors,
    often from a round trip through Chinese) and replaces them with the entry's English. Whole
    words only; multi-word keys; the case of the text is kept (lower, Capitalised, Title Case,
    UPPER) unless the English is a name with its own capitals; plurals follow when the entry
    says ``inflect``.

Why is this bad?
    Names and official terms have one established English form; ``Minion Houston`` for
    Mignon Houston is an error a reader notices and a search misses.

Example
    ``Deputy Spokesperson Minion Houston`` becomes ``Deputy Spokesperson Mignon Houston``.

Fix safety
    Safe, unless the entry says ``safety: suggestion`` (the wrong form is also correct English
    in another sense). A key written with capitals only matches that capitalisation. A wrong form
    that is only named (``what some Western media still call One Belt One Road``, ``a slogan,
    "One Belt, One Road"``) is left: the text quotes the form, it does not use it.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..english import agree_article, transfer_case
from ..han import looks_transliterated
from ..model import Edit, Finding, Fix, Safety, Span
from ..scan import EnHit, Scan

CODE = "EN001"
NAME = "wrong-rendering"
DEFAULT = "safe"
ROLE = "wrong"


def hit_finding(scan: Scan, hit: EnHit, code: str, message: str, safety=None) -> Finding:  # type: ignore[no-untyped-def]
    entry = scan.glossary.entry(hit.key.entry)
    before = scan.text[hit.start : hit.end]
    after = transfer_case(before, hit.key.replacement)
    end = hit.end
    apostrophe = scan.text[end : end + 1]
    possessive = apostrophe in ("'", "’") and not scan.text[end + 1 : end + 2].isalpha()
    if possessive and before[-1:] in "sS" and after[-1:] not in "sS":
        after, end = f"{after}{apostrophe}s", end + 1  # Ningde Times' shares → CATL's shares
    start, after = agree_article(scan.text, hit.start, after)  # a Surging News reporter → a The Paper: once
    fix = Fix((Edit(Span(start, end), after),), safety or entry.safety)
    return Finding(code, Span(hit.start, hit.end), message, fix, entry.origin)


_MENTIONED = regex.compile(
    r"(?i)(?<![\w'’-])(?:call|calls|called|calling|dubbed|dubs|known as|termed|slogan|slogans)[,:]?\s*[\"“‘']?$"
    # a quoted form the sentence talks about: used the phrase "new crown pneumonia", write "India-Pacific"
    r"|(?i)(?<![\w'’-])(?:phrase|term|word|words|expression|wording|name|used|uses|use|using|write|writes|wrote"
    r"|written|translated as|rendered as|referred to (?:it|them) as|instead of|rather than)[,:]?\s*(?:the\s+)?[\"“‘']$"
)
# A second name given on purpose: Peking Opera, also known as Beijing Opera; X (formerly Y); X, or Y.
_ALIAS = regex.compile(r"(?i)(?:(?<![\w'’-])(?:or|aka|a\.k\.a\.|formerly|previously|also)[,:]?\s*|\()[\"“‘']?$")


def mentioned(text: str, start: int, aliases: bool = False) -> bool:
    """Whether the words at ``start`` are a name only mentioned (what some media call One Belt One
    Road), or with ``aliases`` also a second name given on purpose (Peking Opera, or Beijing Opera)."""
    window = max(0, start - 40)
    return bool(_MENTIONED.search(text, window, start) or aliases and _ALIAS.search(text, window, start))


def _pinyin_name(text: str) -> bool:
    """Whether a name is Mandarin pinyin word by word (Li Zhiying), as many people's names are:
    MT's pinyin for 黎智英 is also the name of everyone called 李志英."""
    words = text.split()
    return len(words) >= 2 and all(looks_transliterated(w) for w in words)


def check(scan: Scan) -> Iterator[Finding]:
    for hit in scan.fix_hits:
        if hit.key.role != ROLE:
            continue
        if mentioned(scan.text, hit.start):
            continue  # what some media call One Belt One Road: the name is quoted, not used
        before = scan.text[hit.start : hit.end]
        message = f"'{before}' is a wrong rendering; use '{hit.key.replacement}'"
        if hit.key.entry in scan.glossary.persons and _pinyin_name(before):
            message += "; a suggestion: other people have that pinyin name (Li Zhiying is also 李志英)"
            yield hit_finding(scan, hit, CODE, message, Safety.SUGGESTION)
            continue
        yield hit_finding(scan, hit, CODE, message)

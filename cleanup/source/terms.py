"""Glossary terms in the Chinese source, and whether the English renders them.

The source is searched leftmost-longest for the glossary's Chinese keys in every script form
(the same folded keys ZH001 uses). Only terms are checked (not idioms, which translators
rightly paraphrase), only entries that are safe (a ``suggestion`` key has several senses), and
only keys of two or more characters. A term counts as rendered when the English has its
approved form, a listed variant or wrong rendering (EN001/EN003 report those at their exact
place), or the Chinese key itself (ZH001 reports it): SR001 is for a term that left no trace.
Matching is case-insensitive, treats hyphens and spaces alike and accepts plurals.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..english import plural
from ..glossary.compiled import Compiled
from ..glossary.entries import Entry
from ..model import Safety

MIN_KEY = 2


@dataclass(frozen=True)
class TermHit:
    entry: int
    key: str  # the text matched in the source
    start: int
    end: int


class TermIndex:
    """The checked glossary keys by their first two characters, built once per run: most
    positions of a Chinese text start no key, and one lookup tells so."""

    def __init__(self, glossary: Compiled) -> None:
        self.glossary = glossary
        lengths: dict[str, set[int]] = {}
        for form, key in glossary.zh.items():
            if len(form) >= MIN_KEY and _checked(glossary.entry(glossary.zh_entry[key])):
                lengths.setdefault(form[:MIN_KEY], set()).add(len(form))
        self.lengths = {start: sorted(ls, reverse=True) for start, ls in lengths.items()}

    def find(self, text: str) -> list[TermHit]:
        """Leftmost-longest glossary terms in a Chinese text."""
        out: list[TermHit] = []
        i, n = 0, len(text)
        while i < n:
            for length in self.lengths.get(text[i : i + MIN_KEY], ()):
                hit = self.glossary.zh_hit(text[i : i + length]) if i + length <= n else None
                if hit is not None:
                    out.append(TermHit(hit[0], text[i : i + length], i, i + length))
                    i += length
                    break
            else:
                i += 1
        return out


def _checked(entry: Entry) -> bool:
    return entry.kind == "term" and entry.safety is Safety.SAFE and bool(entry.en)


@functools.lru_cache(maxsize=4096)
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = []
    for form in sorted(forms, key=len, reverse=True):
        words = [re.escape(w) for w in re.split(r"[\s\-]+", form.replace("’", "'")) if w]
        if words:
            alternatives.append(r"[\s\-]+".join(words))
    body = "|".join(alternatives) or r"(?!)"
    return re.compile(rf"(?<!\w)(?:{body})(?:s|es)?(?!\w)", re.IGNORECASE)


def renderings(entry: Entry) -> tuple[str, ...]:
    forms = [entry.en, *entry.variants, *entry.wrong]
    if entry.inflect:
        forms += [plural(f) for f in forms]
    return tuple(dict.fromkeys(f for f in forms if f))


def rendered(entry: Entry, key: str, target: str) -> bool:
    """Whether ``target`` renders ``entry`` (or still holds the Chinese ``key``)."""
    if key in target:
        return True
    return _pattern(renderings(entry)).search(target.replace("’", "'")) is not None

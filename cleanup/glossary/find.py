"""Look entries up by Chinese (either script), pinyin (tones, tone numbers or none; spaced or
not) or English (approved form, wrong keys, variants; case-insensitive substring).

Chinese queries match a key in any script form, a key containing the query, or a key the query
contains (paste a sentence, get the terms in it). Exact matches are listed first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..zh import has_han, pinyin_matches, readings, script_forms, simplify, strip_tones
from .entries import Entry


@dataclass(frozen=True)
class Hit:
    entry: Entry
    exact: bool
    how: str  # zh | pinyin | en


def find(entries: list[Entry], query: str) -> list[Hit]:
    query = query.strip()
    if not query:
        return []
    if has_han(query):
        hits = _by_chinese(entries, query)
    else:
        hits = _by_english(entries, query) + _by_pinyin(entries, query)
    best: dict[str, Hit] = {}
    for hit in hits:
        old = best.get(hit.entry.id)
        if old is None or (hit.exact and not old.exact):
            best[hit.entry.id] = hit
    return sorted(best.values(), key=lambda h: (not h.exact, h.entry.file, h.entry.line))


def _by_chinese(entries: list[Entry], query: str) -> list[Hit]:
    forms = {simplify(f) for f in script_forms(query)}
    hits = []
    for entry in entries:
        if entry.kind == "punctuation":
            continue
        for key in entry.zh:
            folded = simplify(key)
            if folded in forms:
                hits.append(Hit(entry, True, "zh"))
            elif any(f in folded or folded in f for f in forms):
                hits.append(Hit(entry, False, "zh"))
    return hits


def _by_english(entries: list[Entry], query: str) -> list[Hit]:
    low = query.lower()
    hits = []
    for entry in entries:
        texts = [entry.en, *entry.wrong, *entry.variants, *entry.phrases]
        lowered = [t.lower() for t in texts if t]
        if low in lowered:
            hits.append(Hit(entry, True, "en"))
        elif any(low in t for t in lowered):
            hits.append(Hit(entry, False, "en"))
    return hits


def normalise_pinyin(text: str) -> str:
    """``Rénmín Rìbào`` / ``ren2 min2 ri4 bao4`` / ``renminribao`` → ``renminribao``."""
    bare = strip_tones(text.lower())
    return re.sub(r"[\s'’\-1-5]", "", bare)


def _by_pinyin(entries: list[Entry], query: str) -> list[Hit]:
    want = normalise_pinyin(query)
    if not want.isalpha() or not want.isascii():
        return []
    hits = []
    for entry in entries:
        if entry.kind == "punctuation":
            continue
        for key in entry.zh:
            if pinyin_matches(want, key):
                hits.append(Hit(entry, True, "pinyin"))
            elif len(want) >= 3 and want in _primary_pinyin(key):
                hits.append(Hit(entry, False, "pinyin"))
    return hits


def _primary_pinyin(key: str) -> str:
    return "".join((readings(c) or (c,))[0] for c in key)


def describe(entry: Entry) -> str:
    """``file:line id: zh → en`` (what the entry matches → what it writes)."""
    keys = " / ".join(entry.zh or entry.wrong or entry.variants or entry.phrases)
    if entry.kind == "boilerplate":
        keys, english = entry.pattern, "(removed)" if not entry.keep else f"(keeps group {entry.keep})"
    else:
        english = entry.en or entry.map or "(left alone)"
    return f"{entry.file}:{entry.line} {entry.id}: {keys} → {english}"

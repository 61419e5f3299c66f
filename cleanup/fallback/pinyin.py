"""Pinyin for proposals: readings with tone numbers (to order CC-CEDICT entries) and the
spelling English uses for Chinese names and places.

Readings come from pypinyin's per-character table (``cleanup.zh.char_table``), most common
first. Names and places are written without tone marks, syllables joined, with an apostrophe
where a syllable starting with a, o or e would otherwise run into the previous one (``Xi'an``),
and ü as ``yu`` after l and n (``Lyu``), as Chinese passports spell it (GB/T 28039-2011).
"""

from __future__ import annotations

import unicodedata

from ..zh import char_table

_TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}


def numbered(marked: str) -> str:
    """``gèng`` → ``geng4``, ``lǜ`` → ``lu:4`` (CC-CEDICT's spelling); no mark → tone 5."""
    tone, letters = "5", []
    for ch in unicodedata.normalize("NFD", marked):
        if ch in _TONES:
            tone = _TONES[ch]
        elif ch == "\u0308":
            letters.append(":")
        else:
            letters.append(ch)
    return "".join(letters).lower() + tone


def readings(char: str) -> list[str]:
    """Readings of one character with tone numbers, most common first."""
    raw = char_table().get(ord(char), "")
    return [numbered(r) for r in raw.split(",") if r]


def toneless(marked: str) -> str:
    """``lǚ`` → ``lü``: tone marks removed, the diaeresis kept."""
    bare = "".join(c for c in unicodedata.normalize("NFD", marked) if c not in _TONES)
    return unicodedata.normalize("NFC", bare)


def syllable(char: str) -> str:
    """The most common reading of ``char``, toneless; empty when the table lacks it."""
    raw = char_table().get(ord(char), "")
    return toneless(raw.split(",")[0]) if raw else ""


def join(syllables: list[str]) -> str:
    """Syllables joined as one word, capitalised: ``["xi", "an"]`` → ``Xi'an``."""
    out = ""
    for s in syllables:
        s = s.replace("lü", "lyu").replace("nü", "nyu").replace("ü", "u")
        if out and s[:1] in "aoe":
            out += "'"
        out += s
    return out[:1].upper() + out[1:]


def spelled(chars: str) -> str:
    """``chars`` in name spelling (``娜娜`` → ``Nana``); empty when a character has no reading."""
    syllables = [syllable(c) for c in chars]
    return join(syllables) if all(syllables) else ""

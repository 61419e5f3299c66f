"""Compile glossary entries into the matchers the rules read.

* Chinese keys: every script form (OpenCC) in a dict, looked up inside Han runs, longest first.
* English keys: one Aho-Corasick automaton over lower-cased keys; the rules collect all
  overlapping hits and choose leftmost-longest on word boundaries themselves.
* Punctuation: a character table. Boilerplate: compiled ``regex`` patterns.

Later layers win: a user's entry with the same key replaces the bundled one.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import ahocorasick
import regex

from ..english import plural
from ..zh import script_forms
from .entries import Entry

PATTERN_TIMEOUT = 1.0  # seconds a user pattern may run on one document before it is stopped


@dataclass(frozen=True)
class EnKey:
    """One English key in the automaton: what it matches and what replaces it."""

    entry: int
    text: str
    replacement: str
    role: str  # wrong | variant | idiom | approved | allow
    case_sensitive: bool


@dataclass
class Compiled:
    entries: list[Entry]
    zh: dict[str, tuple[int, str]] = field(default_factory=dict)
    zh_max: int = 0
    en: Any = None  # ahocorasick.Automaton, or None when there are no English keys
    punct: dict[str, int] = field(default_factory=dict)
    boilerplate: list[tuple[int, Any]] = field(default_factory=list)
    shadowed: list[str] = field(default_factory=list)

    def entry(self, index: int) -> Entry:
        return self.entries[index]

    @functools.cached_property
    def zh_affixes(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Proper suffixes and prefixes of every Chinese key form, for mixed-token lookup.

        Built on first use only: most documents have no mixed tokens.
        """
        suffixes: dict[str, list[str]] = {}
        prefixes: dict[str, list[str]] = {}
        for form in sorted(self.zh, key=lambda f: (-len(f), f)):
            for k in range(1, len(form)):
                suffixes.setdefault(form[k:], []).append(form)
                prefixes.setdefault(form[:k], []).append(form)
        return suffixes, prefixes


def compile_glossary(entries: list[Entry], layers: dict[str, int] | None = None) -> Compiled:
    """Build matchers; entries of a later layer replace earlier ones that share a key."""
    layers = layers or {}
    ordered = sorted(range(len(entries)), key=lambda i: layers.get(entries[i].id, 0))
    out = Compiled(entries=list(entries))
    en_keys: dict[str, list[EnKey]] = {}
    for i in ordered:
        entry = entries[i]
        if entry.kind in ("term", "idiom"):
            _add_zh(out, i, entry)
            _add_en(en_keys, i, entry)
        if entry.kind == "punctuation":
            for ch in entry.zh:
                out.punct[ch] = i
        elif entry.kind == "boilerplate":
            out.boilerplate.append((i, regex.compile(entry.pattern, regex.MULTILINE | regex.V0)))
        elif entry.kind == "allow":
            for phrase in entry.phrases:
                _put(en_keys, EnKey(i, phrase, phrase, "allow", False))
    out.en = _automaton(en_keys)
    return out


def _add_zh(out: Compiled, i: int, entry: Entry) -> None:
    for key in entry.zh:
        for form in script_forms(key):
            out.zh[form] = (i, key)
            out.zh_max = max(out.zh_max, len(form))


def _add_en(en_keys: dict[str, list[EnKey]], i: int, entry: Entry) -> None:
    role = "idiom" if entry.kind == "idiom" else "wrong"
    for key in entry.wrong:
        _put_inflected(en_keys, i, key, entry, role)
    for key in entry.variants:
        _put_inflected(en_keys, i, key, entry, "variant")
    if entry.variants:
        _put_inflected(en_keys, i, entry.en, entry, "approved")


def _put_inflected(en_keys: dict[str, list[EnKey]], i: int, key: str, entry: Entry, role: str) -> None:
    sensitive = any(c.isupper() for c in key)
    _put(en_keys, EnKey(i, key, entry.en, role, sensitive))
    if entry.inflect:
        _put(en_keys, EnKey(i, plural(key), plural(entry.en), role, sensitive))


def _put(en_keys: dict[str, list[EnKey]], key: EnKey) -> None:
    bucket = en_keys.setdefault(key.text.lower(), [])
    bucket[:] = [k for k in bucket if k.role != key.role]
    bucket.append(key)


def _automaton(en_keys: dict[str, list[EnKey]]) -> Any:
    if not en_keys:
        return None
    automaton = ahocorasick.Automaton()
    for low, keys in en_keys.items():
        automaton.add_word(low, (len(low), tuple(keys)))
    automaton.make_automaton()
    return automaton

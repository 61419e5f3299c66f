"""The English keys of a glossary: one Aho-Corasick automaton and the keys behind each word.

The automaton holds every lower-cased key once, with an integer (its *group*) as the value;
what the group stands for (which entry, the key as written, its replacement, its role, whether
case matters) lives in flat arrays beside it. Python objects per key would make a 100,000-entry
glossary three times slower to load and three times larger in memory, for keys of which a
document meets a few dozen; ``keys(group)`` builds the ``EnKey`` objects of a group the first
time a text hits it.

The keys as written and their replacements are one string, sliced by an array of offsets, rather
than two lists of strings: unpickling a list makes one ``str`` object per item (240,000 of them
for a 100,000-entry glossary: 18 ms of every load from the cache), unpickling one string and
one array is a decode and a copy (1 ms). The slices are made when ``keys`` first needs them.
Offsets rather than a separator, because a key may hold any character.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick

ROLES = ("wrong", "variant", "idiom", "approved", "allow")


@dataclass(frozen=True)
class EnKey:
    """One English key in the automaton: what it matches and what replaces it."""

    entry: int
    text: str
    replacement: str
    role: str  # wrong | variant | idiom | approved | allow
    case_sensitive: bool


class EnIndex:
    """Lower-cased key → group; group → its keys (one per role), stored flat."""

    def __init__(self, groups: Iterable[tuple[str, Iterable[EnKey]]]) -> None:
        self.automaton: Any = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self.lengths = array("i")  # group -> length of its lower-cased text
        self.starts = array("i", [0])  # group -> first key; keys of g are starts[g]:starts[g + 1]
        self.entries = array("i")
        self.roles = bytearray()
        self.sensitive = bytearray()
        strings: list[str] = []  # text and replacement of key k are strings[2k] and strings[2k + 1]
        for low, keys in groups:
            self.automaton.add_word(low, len(self.lengths))
            self.lengths.append(len(low))
            for key in keys:
                self.entries.append(key.entry)
                self.roles.append(ROLES.index(key.role))
                self.sensitive.append(key.case_sensitive)
                strings += (key.text, key.replacement)
            self.starts.append(len(self.entries))
        self.automaton.make_automaton()
        self.strings = "".join(strings)
        # strings[k] is self.strings[ends[k]:ends[k + 1]]; four bytes an offset unless they cannot hold one
        self.ends = array("i" if len(self.strings) < 2**31 else "q", [0])
        self.ends.extend(itertools.accumulate(map(len, strings)))
        self._keys: dict[int, tuple[EnKey, ...]] = {}

    def keys(self, group: int) -> tuple[EnKey, ...]:
        found = self._keys.get(group)
        if found is None:
            found = tuple(self._key(k) for k in range(self.starts[group], self.starts[group + 1]))
            self._keys[group] = found
        return found

    def _key(self, k: int) -> EnKey:
        strings, ends = self.strings, self.ends
        text = strings[ends[2 * k] : ends[2 * k + 1]]
        replacement = strings[ends[2 * k + 1] : ends[2 * k + 2]]
        return EnKey(self.entries[k], text, replacement, ROLES[self.roles[k]], bool(self.sensitive[k]))

    def iter(self, low: str) -> Iterator[tuple[int, int, int]]:
        """``(start, end, group)`` of every hit in ``low``, overlapping ones included."""
        lengths = self.lengths
        for end_index, group in self.automaton.iter(low):
            yield end_index + 1 - lengths[group], end_index + 1, group

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_keys"] = {}  # a per-process memo
        return state

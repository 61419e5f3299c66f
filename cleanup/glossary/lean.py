"""Compact pieces of the compiled glossary, cheap to load from the cache and light in memory.

A 100,000-entry glossary held as Python objects costs hundreds of megabytes and most of a
second to unpickle, while one document touches a handful of entries. So:

* ``LazyEntries`` keeps every entry as its own small ``marshal`` record (plain tuples and
  strings, a few hundred bytes) and builds an ``Entry`` only when a rule asks for it (then
  remembers it);
* ``Affixes`` answers "which keys end (or start) with these characters" for mixed tokens by
  binary search in two sorted lists, instead of a dictionary of every proper prefix and suffix
  of every key (ten times the size, for lookups that only mixed tokens ever make); the lists
  are stored as two joined strings and split on the first lookup.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import marshal
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

from ..model import Safety
from .entries import Entry, Example

_FIELDS = tuple(f.name for f in dataclasses.fields(Entry))
# marshal's format 2, not the default: from format 3 on, a string that occurs twice in a record
# is written once and referred to (and an interned one is marked), so equal entries could give
# different bytes, and ``digest`` (the resume manifest's fingerprint) would change between the
# run that compiled the glossary and one that read it from the cache.
MARSHAL_VERSION = 2


class LazyEntries(Sequence[Entry]):
    """A read-only sequence of entries stored as one record each, decoded on first access."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._blobs = [_encode(e) for e in entries]
        self._decoded: dict[int, Entry] = {}

    def __len__(self) -> int:
        return len(self._blobs)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...

    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self._blobs)
        entry = self._decoded.get(index)
        if entry is None:
            entry = _decode(self._blobs[index])
            self._decoded[index] = entry
        return entry

    def __iter__(self) -> Iterator[Entry]:
        return (self[i] for i in range(len(self._blobs)))

    def digest(self) -> str:
        """A hash of every entry, without decoding any (what a resume manifest must match)."""
        h = hashlib.sha256()
        for blob in self._blobs:
            h.update(len(blob).to_bytes(4, "little") + blob)
        return h.hexdigest()

    def __getstate__(self) -> list[bytes]:
        return self._blobs  # decoded entries are a per-process memo, never stored

    def __setstate__(self, blobs: list[bytes]) -> None:
        self._blobs, self._decoded = blobs, {}


def _encode(entry: Entry) -> bytes:
    values: list[Any] = []
    for name in _FIELDS:
        value = getattr(entry, name)
        if name == "safety":
            value = value.value
        elif name == "examples":
            value = tuple((x.text, x.out, x.line) for x in value)
        values.append(value)
    return marshal.dumps(tuple(values), MARSHAL_VERSION)


def _decode(blob: bytes) -> Entry:
    values = dict(zip(_FIELDS, marshal.loads(blob)))
    values["safety"] = Safety(values["safety"])
    values["examples"] = tuple(Example(*x) for x in values["examples"])
    return Entry(**values)


def entries_digest(entries: Sequence[Entry]) -> str:
    """The same kind of hash for a plain list (a glossary compiled in this process)."""
    if isinstance(entries, LazyEntries):
        return entries.digest()
    return LazyEntries(entries).digest()


class Affixes:
    """Chinese key forms by proper prefix and suffix, for ``Guan察者网`` → 观察者网.

    ``with_suffix("察者网")`` lists the forms that end with it and are longer, ``with_prefix``
    those that start with it; both longest first, then in code-point order (the order in which
    ``han`` tries them, so the first form whose missing characters the Latin spells wins).
    """

    def __init__(self, forms: Iterable[str]) -> None:
        self._forward = sorted(set(forms))
        self._backward = sorted(f[::-1] for f in self._forward)
        self._joined: tuple[str, str] | None = None

    def __getstate__(self) -> tuple[str, str] | tuple[list[str], list[str]]:
        """Both lists joined into one string each: sorting 190,000 keys takes half a second,
        unpickling two strings and splitting them on first use 20 ms. Keys are Han forms, so a
        newline is never part of one (the lists themselves are stored should one ever be)."""
        if self._joined is not None:
            return self._joined
        if any("\n" in f for f in self._forward):
            return self._forward, self._backward
        return "\n".join(self._forward), "\n".join(self._backward)

    def __setstate__(self, state: tuple[str, str] | tuple[list[str], list[str]]) -> None:
        forward, backward = state
        if isinstance(forward, list) and isinstance(backward, list):
            self._forward, self._backward, self._joined = forward, backward, None
        else:
            assert isinstance(forward, str) and isinstance(backward, str)
            self._joined = (forward, backward)  # split on first lookup: most runs never make one

    def _lists(self) -> tuple[list[str], list[str]]:
        if self._joined is not None:
            forward, backward = self._joined
            self._forward = forward.split("\n") if forward else []
            self._backward = backward.split("\n") if backward else []
            self._joined = None
        return self._forward, self._backward

    def with_prefix(self, prefix: str, first: Callable[[str], bool] | None = None) -> list[str]:
        """Forms ``prefix + missing``; with ``first``, only those whose ``missing[0]`` passes it."""
        block = _starting(self._lists()[0], prefix)
        if first is not None:
            j = len(prefix)
            block = [f for f in block if first(f[j])]
        return _ordered(block)

    def with_suffix(self, suffix: str, first: Callable[[str], bool] | None = None) -> list[str]:
        """Forms ``missing + suffix``; with ``first``, only those whose ``missing[0]`` passes it."""
        block = _starting(self._lists()[1], suffix[::-1])
        if first is not None:
            block = [b for b in block if first(b[-1])]
        return _ordered(b[::-1] for b in block)


_TOP = chr(0x10FFFF)


def _starting(ordered: list[str], prefix: str) -> list[str]:
    """The strings of sorted ``ordered`` that start with ``prefix`` and are longer than it
    (two binary searches and a slice: a one-character prefix can have thousands)."""
    lo = bisect.bisect_left(ordered, prefix)
    hi = bisect.bisect_left(ordered, prefix + _TOP, lo)
    if lo < hi and ordered[lo] == prefix:
        lo += 1
    return ordered[lo:hi]


def _ordered(forms: Iterable[str]) -> list[str]:
    return sorted(forms, key=lambda f: (-len(f), f))

"""Compile glossary entries into the matchers the rules read.

* Chinese keys: every script form (OpenCC) in a dict, looked up inside Han runs, longest first.
* English keys: one Aho-Corasick automaton over lower-cased keys (``enindex``); the rules collect all
  overlapping hits and choose leftmost-longest on word boundaries themselves.
* Punctuation: a character table. Boilerplate: compiled ``regex`` patterns.
* Currency: words and amount compounds (亿美元) are Chinese keys, so Han runs know them; the
  ``CurrencyIndex`` holds every script form, the bound keys and the Latin prefixes for ZH004.

Later layers win: a user's entry with the same key replaces the bundled one.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

from ..english import plural
from ..zh import script_forms
from .enindex import EnIndex, EnKey
from .entries import Entry
from .lean import Affixes, LazyEntries

PATTERN_TIMEOUT = 1.0  # seconds a user pattern may run on one document before it is stopped
# The Chinese number units an amount is written in (3亿元, 50万美元, 2万亿元), with their factors.
# Number words, not vocabulary: a unit joined to a currency key is one known piece (亿元), while
# a unit alone stays unknown (万 is also in 万一, 千万).
AMOUNT_UNITS = {
    "十": 10, "百": 100, "千": 1_000, "万": 10**4, "十万": 10**5, "百万": 10**6, "千万": 10**7,
    "亿": 10**8, "十亿": 10**9, "百亿": 10**10, "千亿": 10**11, "万亿": 10**12,
}  # fmt: skip


if TYPE_CHECKING:  # a type only: the rules import this module
    from ..rules.literals import Prefilters


@dataclass(eq=False)
class CurrencyIndex:
    """Currency keys in every script form, for ZH004. Compared by identity (a cache key)."""

    words: dict[str, int] = field(default_factory=dict)  # currency zh forms -> entry
    bound: dict[str, int] = field(default_factory=dict)  # forms only after a number (元) -> entry
    before: dict[str, int] = field(default_factory=dict)  # words before an amount (约合) -> entry
    units: dict[str, int] = field(default_factory=dict)  # unit forms (亿, 億) -> factor
    latin: dict[str, list[int]] = field(default_factory=dict)  # HK -> entries it may prefix
    english: dict[str, list[int]] = field(default_factory=dict)  # "dollars", "yuan" -> entries it names


@dataclass
class Compiled:
    entries: Sequence[Entry]  # a list when compiled here, ``LazyEntries`` when read from the cache
    # Chinese keys in every script form -> the key as the glossary writes it -> its entry. Two
    # flat dictionaries of strings and integers rather than one of (entry, key) tuples: the
    # garbage collector never tracks them (190,000 tuples at 100k entries cost every process
    # a 30 ms walk after the cache load), and they unpickle faster.
    zh: dict[str, str] = field(default_factory=dict)
    zh_entry: dict[str, int] = field(default_factory=dict)
    zh_max: int = 0
    en: EnIndex | None = None  # None when there are no English keys
    punct: dict[str, int] = field(default_factory=dict)
    boilerplate: list[tuple[int, Any]] = field(default_factory=list)
    currency: CurrencyIndex | None = None  # None in a cache written before currencies existed
    series: set[int] = field(default_factory=set)  # entries naming numbered series (神舟 in 神舟十八号)
    adjectives: set[int] = field(default_factory=set)  # places with an adjective (法国: French)
    offices: set[int] = field(default_factory=set)  # offices and bodies that take one (总统, 外交部)
    persons: set[int] = field(default_factory=set)  # tags: [person] (马克龙)
    titles: set[int] = field(default_factory=set)  # tags: [title], offices held by a person (总统, 外长)
    levels: dict[int, int] = field(default_factory=dict)  # named places: 3 province, 2 city, 1 county/district

    def entry(self, index: int) -> Entry:
        return self.entries[index]

    def zh_hit(self, form: str) -> tuple[int, str] | None:
        """``(entry, key)`` of a Chinese key form, or ``None``."""
        key = self.zh.get(form)
        return None if key is None else (self.zh_entry[key], key)

    def _put_zh(self, form: str, key: str, entry: int) -> None:
        """Every write goes through here, so that the entry of a form's key is always the entry
        that wrote the form last (any entry writing a key writes all of its forms)."""
        self.zh[form] = key
        self.zh_entry[key] = entry
        self.zh_max = max(self.zh_max, len(form))

    @functools.cached_property
    def series_by_english(self) -> dict[str, int]:
        """Numbered series by their English, lower case (shenzhou → 神舟's entry): a series
        name written in English before a number left in Chinese (Shenzhou二十号)."""
        return {self.entries[i].en.lower(): i for i in sorted(self.series)}

    @functools.cached_property
    def zh_affixes(self) -> Affixes:
        """Chinese key forms by proper prefix and suffix, for mixed-token lookup.

        Built here on first use, or read back from the cache (as two joined strings, split on
        the first lookup: sorting 190,000 keys in every worker cost half a second each).
        Currency forms are left out: pinyin glued to a currency is no transliteration to resolve.
        """
        money: set[int] = set()
        if self.currency is not None:
            for table in (self.currency.words, self.currency.bound, self.currency.before):
                money.update(table.values())
        return Affixes(form for form, key in self.zh.items() if self.zh_entry[key] not in money)

    @functools.cached_property
    def punct_runs(self) -> dict[str, tuple[str, ...]]:
        """Punctuation keys of several characters (the Chinese ellipsis ……, the dash ——) by their
        first character, longest first; single characters are looked up in ``punct``."""
        runs: dict[str, list[str]] = {}
        for key in self.punct:
            if len(key) > 1:
                runs.setdefault(key[0], []).append(key)
        return {c: tuple(sorted(keys, key=len, reverse=True)) for c, keys in runs.items()}

    @functools.cached_property
    def prefilters(self) -> Prefilters:
        """BP001's cheap tests of the boilerplate patterns (``rules.literals``). Analysing the
        patterns with the ``re`` parser costs about 2 ms each; the cache keeps the result, so a
        process pays it once per glossary edit instead of at every start."""
        from ..rules.literals import Prefilters  # the rules import this module

        return Prefilters([pattern for _, pattern in self.boilerplate])

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["zh_affixes"] = self.zh_affixes
        state["prefilters"] = self.prefilters
        if not isinstance(self.entries, LazyEntries):
            state["entries"] = LazyEntries(self.entries)
        return state


def compile_glossary(entries: list[Entry], layers: dict[str, int] | None = None) -> Compiled:
    """Build matchers; entries of a later layer replace earlier ones that share a key."""
    layers = layers or {}
    ordered = sorted(range(len(entries)), key=lambda i: layers.get(entries[i].id, 0))
    out = Compiled(entries=list(entries), currency=CurrencyIndex())
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
        elif entry.kind == "currency":
            _add_currency(out, i, entry)
    out.en = _automaton(en_keys)
    return out


def _add_zh(out: Compiled, i: int, entry: Entry) -> None:
    for key in entry.zh:
        for form in script_forms(key):
            out._put_zh(form, key, i)
    if entry.series:
        out.series.add(i)
    level = _place_level(entry)
    if level:
        out.levels[i] = level
    if entry.adjective:
        out.adjectives.add(i)
    if entry.office:
        out.offices.add(i)
    if "person" in entry.tags:
        out.persons.add(i)
    if "title" in entry.tags:
        out.titles.add(i)


_LEVEL_SUFFIXES = ((3, ("省", "自治区", "特别行政区")), (2, ("市",)), (1, ("县", "区", "旗")))


def _place_level(entry: Entry) -> int:
    """A named place's level from the suffix of one of its keys (广东省 3, 深圳市 2, 南山区 1),
    or 0. Generic terms (直辖市, municipality) are written in lower case and have none."""
    if not entry.en[:1].isupper():
        return 0
    for level, suffixes in _LEVEL_SUFFIXES:
        if any(len(key) > len(suffix) and key.endswith(suffix) for key in entry.zh for suffix in suffixes):
            return level
    return 0


def _add_currency(out: Compiled, i: int, entry: Entry) -> None:
    """Words are known pieces on their own; bound keys only inside an amount compound."""
    index = out.currency
    assert index is not None
    if not index.units:
        index.units.update((form, n) for unit, n in AMOUNT_UNITS.items() for form in script_forms(unit))
    table = index.words if entry.symbol or entry.unit else index.before
    for group, into in ((entry.zh, table), (entry.bound, index.bound)):
        for key in group:
            for form in script_forms(key):
                into[form] = i
    for latin in entry.latin:
        index.latin.setdefault(latin, []).append(i)
    if entry.symbol or entry.unit:
        for name in english_names(entry.en, entry.unit, entry.latin):
            index.english.setdefault(name, []).append(i)
    keys = list(entry.zh)
    if entry.symbol or entry.unit:
        keys += [unit + key for unit in AMOUNT_UNITS for key in (*entry.zh, *entry.bound)]
    for key in keys:
        for form in script_forms(key):
            out._put_zh(form, key, i)


def english_names(en: str, unit: str, latin: tuple[str, ...] = ()) -> set[str]:
    """Lower-case English names of a currency that MT may leave after its amount (人民币 120
    billion yuan, 美元 5 billion dollars): the name, its plural, its head word (dollar), the
    head after the currency's Latin prefix (NT dollars) and the dotted US form."""
    names = {en, unit} if unit else {en, en + "s"}
    head = en.split()[-1]
    names |= {head, unit or head + "s"}
    names |= {f"{prefix} {word}" for prefix in latin for word in (head, unit or head + "s")}
    names |= {n.replace("US ", "U.S. ", 1) for n in names if n.startswith("US ")}
    return {n.lower() for n in names if n}


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


def _automaton(en_keys: dict[str, list[EnKey]]) -> EnIndex | None:
    return EnIndex(en_keys.items()) if en_keys else None

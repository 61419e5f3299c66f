"""Strings a boilerplate pattern cannot match without: a cheap test before the pattern runs.

BP001 runs every boilerplate pattern over every document, and most documents have no
boilerplate at all. ``^(?:Copyright|©)[^\\n]{0,120}All [Rr]ights`` cannot match a text in which
no line starts with ``Copyright`` or ``©``, nor one that lacks ``All ``; a look at the lines'
first characters or a ``str.__contains__`` says so in a microsecond or a few, where the pattern
takes five to eighty. ``prefilter`` derives from a pattern

* *starts*: when the pattern begins with ``^``, strings one of which begins a line of any
  text it matches; and
* *needs*: sets of strings such that any text the pattern matches has one string of each.

Only a sound test may be used: skipping a document the pattern would match loses a finding.
The ``regex`` module has no public parser, so the pattern is read with Python's own ``re``
parser, which reads the syntax used here the same way, and the pattern gets no prefilter at
all (it always runs) whenever there is doubt:

* ``re`` cannot parse it (``\\p{Han}``, named lists, recursion, global flags after the start,
  ``(?V1)``, ``(?f)``: syntax only ``regex`` knows);
* it has what may be a POSIX class (``regex`` reads ``[[:alpha:]]`` as one set, ``re`` as a
  set and a literal ``]``), a brace outside a counted repeat such as ``{2,5}`` (``regex`` reads
  ``{e<=1}`` as fuzzy matching, ``re`` as literal text), or verbose mode;
* it is compiled with flags beyond ignore-case, multiline, dot-all, ASCII and Unicode.

Within a parsed pattern only what a match must consume counts: literal characters, run
together across groups and zero-width items (``^``, ``\\b``, lookarounds); an alternation
needs one string from each branch; a repeat needs its body only when it must occur at least
once. A class of literal characters (``[Mm]``, or ``\\(|（`` which the parser makes one) is
spelled out as its characters; other classes, ``.``, back-references and conditionals stand for
text not known here; what a lookaround looks for is not used. Case-insensitive strings are
looked for with ``regex`` itself, case-insensitively, so that its case rules (the Kelvin sign
matches ``k``) apply.

``Prefilters`` applies the tests of all a glossary's patterns to a document together: its lines
are looked up once for every pattern's starts, and only the patterns whose start begins a line
(or that have none) go on to test their needs, the rarest first.
"""

from __future__ import annotations

import functools
import importlib
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any

import regex

MAX_STRINGS = 16  # strings in one need; beyond that a run of literals is cut in two
MAX_STARTS = 64  # line starts of one pattern: looked up per line in a dictionary, so many are cheap
MAX_NEEDS = 2  # needs tested per pattern, the most telling first (each costs a scan)
RARE = 5  # weight (ASCII 1, other 8 per character) from which a string seldom occurs by chance
IGNORECASE, VERBOSE = int(regex.I), int(regex.X)  # the same values in re (not so ASCII: re's DEBUG)
ALLOWED_FLAGS = int(regex.I | regex.M | regex.S | regex.A | regex.U | regex.V0)
_POSIX_CLASS = re.compile(r"\[:[^\[\]]*:\]")  # wider than regex's [:name:] and [:^name:]
_COUNTED_REPEAT = re.compile(r"\{(?:\d+(?:,\d*)?|,\d+)\}")  # read alike by re and regex
_LINE_STARTS = ("AT_BEGINNING", "AT_BEGINNING_STRING")  # ^ (a line start with MULTILINE), \A

try:  # the parser behind ``re`` (``sre_parse`` before 3.11); without it, patterns always run
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.11+ has it
    _parser = None


@dataclass(frozen=True)
class Need:
    """At least one of ``strings`` occurs (case-insensitively when ``fold``)."""

    strings: frozenset[str]
    fold: bool = False

    @property
    def useful(self) -> bool:
        """A need with the empty string in it is met by every text."""
        return bool(self.strings) and "" not in self.strings

    def reduced(self) -> Need:
        """Without strings that contain another (``Visual China Group`` has ``Visual China``):
        a text with the longer one has the shorter, so the need is the same, and cheaper."""
        keep = {s for s in self.strings if not any(t != s and t in s for t in self.strings)}
        return Need(frozenset(keep), self.fold)

    def rank(self) -> tuple[bool, int, int]:
        """Which need to test first: one whose strings are all rare enough (long, or with
        characters outside ASCII, in English text) and fewest (each costs a scan), else the one of
        rarest strings."""
        rarity = min(sum(1 if c < "\x80" else 8 for c in s) for s in self.strings)
        rare = rarity >= RARE
        return not rare, len(self.strings) if rare else -rarity, -rarity


EMPTY = Need(frozenset({""}))  # what a zero-width item matches


@dataclass(frozen=True)
class Info:
    """What an item of a pattern matches: one of the strings of ``exact``, when that is known;
    otherwise something that meets every need in ``needs``."""

    exact: Need | None
    needs: tuple[Need, ...] = ()


UNKNOWN = Info(None)


class Doubt(Exception):
    """The pattern may mean something else to ``regex`` than to ``re``: no prefilter."""


class TextIndex:
    """The line starts of all of a glossary's prefilters, so that a document's lines are split
    and looked up once (a dictionary lookup by first character per line) for all the patterns.

    Needs are not indexed: one pass for the strings of every pattern (Aho-Corasick, a combined
    regex) costs more per document than the few ``in`` tests that a line start lets through."""

    def __init__(self, tests: Iterable[Prefilter]) -> None:
        tests = list(tests)
        by_first: dict[str, set[str]] = {}
        for start in (s for t in tests for s in t.starts):
            by_first.setdefault(start[0], set()).add(start)
        self.by_first = {c: tuple(sorted(group)) for c, group in by_first.items()}
        self.starts = frozenset(s for group in self.by_first.values() for s in group)

    def line_starts(self, text: str) -> frozenset[str]:
        """The starts that begin some line of ``text`` (a line starts where ``^`` matches)."""
        by_first, found = self.by_first, set[str]()
        for line in text.split("\n"):
            group = by_first.get(line[:1])
            if group and line.startswith(group):
                found.update(s for s in group if line.startswith(s))
        return frozenset(found)


class Document:
    """A text, and the line starts it has, found once for all the patterns (with an ``index`` of
    the glossary's prefilters; without one, each query looks for its own)."""

    def __init__(self, text: str, index: TextIndex | None = None) -> None:
        self.text = text
        self._index = index
        self._starts: frozenset[str] | None = None
        self._wide: str | None = None
        self._wide_chars: frozenset[str] | None = None

    @property
    def wide(self) -> str:
        """The text's runs of non-ASCII characters, one per line: a string of such characters only
        (转载, 【, ©) occurs in the text exactly when it occurs here, and here is short."""
        if self._wide is None:
            self._wide = "" if self.text.isascii() else "\n".join(_WIDE_RUN.findall(self.text))
        return self._wide

    @property
    def wide_chars(self) -> frozenset[str]:
        """The non-ASCII characters of the text: a string none of whose first character is here
        is not in it, known without a scan."""
        if self._wide_chars is None:
            self._wide_chars = frozenset(self.wide)
        return self._wide_chars

    def line_starts(self) -> frozenset[str]:
        """The starts of the index that begin some line of the text."""
        if self._starts is None:
            self._starts = self._index.line_starts(self.text) if self._index is not None else frozenset()
        return self._starts

    def starts_line(self, starts: tuple[str, ...]) -> bool:
        """Whether a line begins with one of ``starts``."""
        index = self._index
        if index is None or not index.starts.issuperset(starts):
            return bool(TextIndex([Prefilter(starts, (), ())]).line_starts(self.text))
        return not self.line_starts().isdisjoint(starts)


@dataclass(frozen=True)
class Prefilter:
    """The test a text must pass before a pattern runs on it: a line begins with one of
    ``starts`` if there are any, and every need is met (a start such as ``The `` begins many
    lines; a need costs one scan of the text in C, the pattern far more)."""

    starts: tuple[str, ...]
    needs: tuple[Need, ...]
    searches: tuple[regex.Pattern[str] | None, ...]  # per need: its case-insensitive search

    def may_match(self, document: Document) -> bool:
        """False only when the pattern cannot match the document's text."""
        if self.starts and not document.starts_line(self.starts):
            return False
        return self.needs_met(document)

    def needs_met(self, document: Document) -> bool:
        """Whether the text has one string of every need (the starts aside)."""
        for need, search in zip(self.needs, self.searches):
            if search is not None:
                if search.search(document.text) is None:
                    return False
            elif _wide_only(need):
                hay, chars = document.wide, document.wide_chars
                if not any(s[0] in chars and s in hay for s in need.strings):
                    return False
            elif not any(s in document.text for s in need.strings):
                return False
        return True


_WIDE_RUN = re.compile(r"[^\x00-\x7f]+")


@functools.lru_cache(maxsize=4096)
def _wide_only(need: Need) -> bool:
    """Whether every string of the need is made of non-ASCII characters only (looked for in
    ``Document.wide``, not in the whole text)."""
    return all(s and not any(c.isascii() for c in s) for s in need.strings)


class Prefilters:
    """The prefilters of a glossary's patterns, applied to a document together: its lines are
    looked up once for the line starts of all of them, only the patterns whose start some line
    has (and those with no starts) go on to their needs, and the per-pattern work of the rest
    is skipped."""

    def __init__(self, patterns: Sequence[regex.Pattern[str]]) -> None:
        self.tests = [prefilter(p) for p in patterns]
        self.index = TextIndex(t for t in self.tests if t is not None)
        by_start: dict[str, list[int]] = {}
        for position, test in enumerate(self.tests):
            for start in test.starts if test is not None else ():
                by_start.setdefault(start, []).append(position)
        self.by_start = {s: tuple(positions) for s, positions in by_start.items()}
        self.unanchored = frozenset(j for j, t in enumerate(self.tests) if t is None or not t.starts)

    def passing(self, text: str) -> list[int]:
        """The positions, in order, of the patterns that may match ``text``."""
        document = Document(text, self.index)
        chosen = set(self.unanchored)
        for start in document.line_starts():
            chosen.update(self.by_start[start])
        tests = self.tests  # a chosen pattern's start is known to begin a line: only its needs are left
        return [j for j in sorted(chosen) if (test := tests[j]) is None or test.needs_met(document)]


def prefilter(pattern: regex.Pattern[str]) -> Prefilter | None:
    """The prefilter for a compiled boilerplate pattern, or ``None``: run it on every text."""
    return _prefilter(pattern.pattern, pattern.flags)


@functools.lru_cache(maxsize=4096)
def _prefilter(source: str, flags: int) -> Prefilter | None:
    found = analyse(source, flags)
    if found is None:
        return None
    starts, needs = found
    if not starts and not needs:
        return None
    searches = tuple(_fold_search(n) if n.fold else None for n in needs)
    return Prefilter(starts, needs, searches)


def _fold_search(need: Need) -> regex.Pattern[str]:
    """``regex``'s own case-insensitive matching, Unicode rules: they accept at least what
    ASCII rules accept, so the search finds every string the pattern could have matched."""
    alternatives = "|".join(regex.escape(s) for s in sorted(need.strings, key=len, reverse=True))
    return regex.compile(alternatives, regex.IGNORECASE | regex.V0)


def analyse(source: str, flags: int) -> tuple[tuple[str, ...], tuple[Need, ...]] | None:
    """``(starts, needs)`` of a pattern, the needs most telling first; ``None`` when in doubt."""
    if _parser is None or flags & ~ALLOWED_FLAGS or _doubtful(source):
        return None
    try:
        with warnings.catch_warnings():  # re's FutureWarning on "[[" in a set is not for the user
            warnings.simplefilter("ignore")
            tree = _parser.parse(source, flags & IGNORECASE)  # the one flag the analysis reads
        if tree.state.flags & VERBOSE:
            return None
        fold = bool(tree.state.flags & IGNORECASE)
        info, starts = _sequence(tree.data, fold), _line_starts(tree.data, fold)
    except Exception:  # Doubt; re.error and whatever else re's parser raises on regex's syntax
        return None
    needs = [*info.needs, *([info.exact] if info.exact is not None else [])]
    unique = {n.reduced() for n in needs if n.useful}
    ranked = sorted(unique, key=lambda n: (n.rank(), sorted(n.strings)))
    return starts, tuple(ranked[:MAX_NEEDS])


def _doubtful(source: str) -> bool:
    """Syntax ``regex`` may read otherwise than ``re`` does (POSIX classes, fuzzy matching)."""
    if _POSIX_CLASS.search(source):
        return True
    rest = _COUNTED_REPEAT.sub("", source)
    return "{" in rest or "}" in rest


def _sequence(items: list[tuple[Any, Any]], fold: bool) -> Info:
    """Items one after another: literal runs joined into strings, other items' needs kept. The
    sequence is exact only when every item is and they all joined into one run."""
    needs: list[Need] = []
    run: Need | None = EMPTY
    whole = True
    for op, av in items:
        info = _item(op.name, av, fold)
        joined = _join(run, info.exact)
        if joined is not None:
            run = joined
            continue
        whole = False
        if run is not None and run.useful:
            needs.append(run)
        needs.extend(info.needs)
        run = info.exact
    if whole:
        return Info(run)
    if run is not None and run.useful:
        needs.append(run)
    return Info(None, tuple(needs))


def _join(left: Need | None, right: Need | None, limit: int = MAX_STRINGS) -> Need | None:
    """Each string of ``left`` followed by each of ``right``, when that is one need."""
    if left is None or right is None:
        return None
    if left == EMPTY or right == EMPTY:
        return right if left == EMPTY else left
    if left.fold != right.fold or len(left.strings) * len(right.strings) > limit:
        return None
    return Need(frozenset(a + b for a, b in product(left.strings, right.strings)), left.fold)


def _item(name: str, av: Any, fold: bool) -> Info:
    """One item of ``re``'s parse tree."""
    if name == "LITERAL":
        return Info(Need(frozenset({chr(av)}), fold))
    if name == "IN" and av and all(op.name == "LITERAL" for op, _ in av):  # [Mm], or 【|（ made a set
        return Info(Need(frozenset(chr(c) for _, c in av), fold))
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return Info(EMPTY)  # zero-width; what a lookaround looks for is not used
    if name in ("SUBPATTERN", "ATOMIC_GROUP"):
        return _sequence(*_body(name, av, fold))
    if name == "BRANCH":
        return _branch([_sequence(branch.data, fold) for branch in av[1]])
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return _repeat(av[0], av[1], _sequence(av[2].data, fold))
    return UNKNOWN  # a class, ``.``, a back-reference, a conditional: text not known here


def _body(name: str, av: Any, fold: bool) -> tuple[list[tuple[Any, Any]], bool]:
    """The items of a group and whether they ignore case (``(?i:...)``, ``(?-i:...)``)."""
    if name == "ATOMIC_GROUP":
        return av.data, fold
    _group, add, remove, body = av
    if add & VERBOSE:
        raise Doubt("verbose mode")
    return body.data, (fold or bool(add & IGNORECASE)) and not remove & IGNORECASE


def _repeat(low: int, high: int, body: Info) -> Info:
    """A repeat needs what its body needs if the body must occur; it is exact only once."""
    if low == 0:
        return UNKNOWN
    if low == high == 1:
        return body
    return Info(None, (*body.needs, *([body.exact] if body.exact is not None else [])))


def _branch(branches: list[Info]) -> Info:
    """An alternation: exact when every branch is; else one string of each branch's best need."""
    exact = [b.exact for b in branches]
    if all(e is not None for e in exact):
        union = _union(e for e in exact if e is not None)
        if union is not None:
            return Info(union)
    best = [_best(b) for b in branches]
    if any(b is None for b in best):
        return UNKNOWN
    union = _union(b for b in best if b is not None)
    return Info(None, (union,)) if union is not None else UNKNOWN


def _union(needs: Iterable[Need], limit: int = MAX_STRINGS) -> Need | None:
    """One need made of all the strings, if they share case rules and are not too many."""
    needs = list(needs)
    strings = frozenset().union(*(n.strings for n in needs))
    folds = {n.fold for n in needs if n.strings - {""}}
    if len(folds) > 1 or len(strings) > limit:
        return None
    return Need(strings, folds.pop() if folds else False)


def _best(info: Info) -> Need | None:
    """The most telling need of a branch (``None``: the branch may match without any)."""
    candidates = [n for n in (*info.needs, info.exact) if n is not None and n.useful]
    return min(candidates, key=Need.rank, default=None)


# --- line starts: what a pattern anchored with ^ begins with ------------------------------


def _line_starts(items: list[tuple[Any, Any]], fold: bool) -> tuple[str, ...]:
    """For a pattern that begins with ``^`` or ``\\A``: strings one of which begins a line of
    any text it matches, cut at a line break (a line ends there); none otherwise."""
    if not items or items[0][0].name != "AT" or items[0][1].name not in _LINE_STARTS:
        return ()
    start = _prefix(items[1:], fold)
    if start.fold or not start.useful:
        return ()
    cut = {s.split("\n", 1)[0] for s in start.strings}
    if "" in cut:
        return ()
    return tuple(sorted(s for s in cut if not any(t != s and s.startswith(t) for t in cut)))  # Editor, not Editor in


def _prefix(items: list[tuple[Any, Any]], fold: bool) -> Need:
    """Strings one of which any match of the items begins with (``EMPTY`` if none known): the
    exact items in front, and then what the first other item begins with."""
    run = EMPTY
    for op, av in items:
        name = op.name
        info = _item(name, av, fold)
        joined = _join(run, info.exact, MAX_STARTS)
        if joined is None:
            return _join(run, _item_prefix(name, av, fold), MAX_STARTS) or run
        run = joined
    return run


def _item_prefix(name: str, av: Any, fold: bool) -> Need:
    """What any match of one item (not exact) begins with."""
    if name in ("SUBPATTERN", "ATOMIC_GROUP"):
        return _prefix(*_body(name, av, fold))
    if name == "BRANCH":
        return _union((_prefix(branch.data, fold) for branch in av[1]), MAX_STARTS) or EMPTY
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] > 0:
        return _prefix(av[2].data, fold)
    return EMPTY

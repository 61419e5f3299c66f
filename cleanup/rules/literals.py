"""Strings a boilerplate pattern cannot match without: a cheap test before the pattern runs.

BP001 runs every boilerplate pattern over every document, and most documents have no
boilerplate at all. ``^(?:Copyright|©)[^\\n]{0,120}All [Rr]ights`` cannot match a text in which
no line starts with ``Copyright`` or ``©``, nor one that lacks ``All ``; a look at the lines'
first characters or a ``str.__contains__`` says so in a microsecond or a few, where the pattern
takes five to eighty. ``prefilter`` derives from a pattern

* *starts*: when the pattern begins with ``^``, strings one of which begins a line of any
  text it matches (the lines of a document are split once, for all patterns); and
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
once. Classes, ``.``, back-references and conditionals stand for text not known here; what a
lookaround looks for is not used. Case-insensitive strings are looked for with ``regex``
itself, case-insensitively, so that its case rules (the Kelvin sign matches ``k``) apply.
"""

from __future__ import annotations

import functools
import importlib
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import product
from typing import Any

import regex

MAX_STRINGS = 16  # strings in one need; beyond that a run of literals is cut in two
MAX_NEEDS = 2  # needs tested per pattern, the most telling first (each costs a scan)
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

    def rank(self) -> tuple[int, int]:
        """Which need to test first: the one of rarest strings (a long string, or one with
        characters outside ASCII, in English text), then the one of fewest (one scan each)."""
        return -min(sum(1 if c < "\x80" else 8 for c in s) for s in self.strings), len(self.strings)


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


class Document:
    """A text, and its lines by first character, split once for all the patterns."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._heads: dict[str, list[str]] | None = None

    def starts_line(self, firsts: str, starts: tuple[str, ...]) -> bool:
        """Whether a line begins with one of ``starts`` (whose first characters are ``firsts``)."""
        if self._heads is None:
            self._heads = {}
            for line in self.text.split("\n"):  # a line starts where ^ matches with MULTILINE
                if line:
                    self._heads.setdefault(line[0], []).append(line)
        heads = self._heads
        return any(line.startswith(starts) for c in firsts for line in heads.get(c, ()))


@dataclass(frozen=True)
class Prefilter:
    """The test a text must pass before a pattern runs on it: a line begins with one of
    ``starts`` if there are any (the needs are then left untested: such a line is rare and
    likely the boilerplate itself, and each need costs a scan of the text), else every need
    is met."""

    starts: tuple[str, ...]
    needs: tuple[Need, ...]
    searches: tuple[regex.Pattern[str] | None, ...]  # per need: its case-insensitive search
    firsts: str = ""  # the first characters of ``starts``

    def may_match(self, document: Document) -> bool:
        """False only when the pattern cannot match the document's text."""
        if self.starts:
            return document.starts_line(self.firsts, self.starts)
        for need, search in zip(self.needs, self.searches):
            if search is not None:
                if search.search(document.text) is None:
                    return False
            elif not any(s in document.text for s in need.strings):
                return False
        return True


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
    return Prefilter(starts, needs, searches, "".join(sorted({s[0] for s in starts})))


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


def _join(left: Need | None, right: Need | None) -> Need | None:
    """Each string of ``left`` followed by each of ``right``, when that is one need."""
    if left is None or right is None:
        return None
    if left == EMPTY or right == EMPTY:
        return right if left == EMPTY else left
    if left.fold != right.fold or len(left.strings) * len(right.strings) > MAX_STRINGS:
        return None
    return Need(frozenset(a + b for a, b in product(left.strings, right.strings)), left.fold)


def _item(name: str, av: Any, fold: bool) -> Info:
    """One item of ``re``'s parse tree."""
    if name == "LITERAL":
        return Info(Need(frozenset({chr(av)}), fold))
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


def _union(needs: Iterable[Need]) -> Need | None:
    """One need made of all the strings, if they share case rules and are not too many."""
    needs = list(needs)
    strings = frozenset().union(*(n.strings for n in needs))
    folds = {n.fold for n in needs if n.strings - {""}}
    if len(folds) > 1 or len(strings) > MAX_STRINGS:
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
        joined = _join(run, info.exact)
        if joined is None:
            return _join(run, _item_prefix(name, av, fold)) or run
        run = joined
    return run


def _item_prefix(name: str, av: Any, fold: bool) -> Need:
    """What any match of one item (not exact) begins with."""
    if name in ("SUBPATTERN", "ATOMIC_GROUP"):
        return _prefix(*_body(name, av, fold))
    if name == "BRANCH":
        return _union(_prefix(branch.data, fold) for branch in av[1]) or EMPTY
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] > 0:
        return _prefix(av[2].data, fold)
    return EMPTY

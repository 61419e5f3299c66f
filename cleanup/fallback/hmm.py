"""jieba's part-of-speech HMM: words and tags for runs of characters its dictionary lacks.

``jieba.posseg`` segments with its dictionary first; consecutive single characters that no
dictionary word covers (刘白, 美新里) are then cut again by a Viterbi search over states such as
``(B, nr)`` (begins a person's name) or ``(E, ns)`` (ends a place name). This is jieba's
``viterbi`` and ``__cut`` on the same probability tables, read per character from the index, so
that only the characters at hand are loaded; ties are broken as jieba breaks them (by comparing
state tuples), so the result is jieba's own.

Speed without changing a result (a test compares thousands of random strings with jieba):

* each character's row is parsed once per process and kept on the ``Hmm`` (there are at most
  some 21,000 Han characters, so the memo is bounded);
* jieba scores every state ``y`` from every previous state ``y0``, although only a few ``y0``
  have a transition into ``y``: the others score ``v + (-inf) + emit = -inf`` and can only win
  when no candidate is finite. So the search takes the maximum over the previous states with a
  transition into ``y`` (``into``) and, only when that maximum is not finite, scores ``y``
  jieba's way. This is exact when every probability is a logarithm (``<= 0``): then no score is
  NaN or ``+inf``, and ``-inf`` loses to any finite score. Tables with other values (never
  jieba's) are searched jieba's way throughout.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from .index import Index

MIN_FLOAT = -3.14e100
MIN_INF = float("-inf")
State = tuple[str, str]
Row = tuple[tuple[State, ...], dict[State, float], bool]  # allowed states, emissions, all <= 0
_HAN_DETAIL = re.compile("([\u4e00-\u9fd5]+)")  # jieba's re_han_detail
_SKIP_DETAIL = re.compile(r"([\.0-9]+|[a-zA-Z0-9]+)")
_NONE: dict[State, float] = {}  # ``into`` of a state nothing leads to


def _state(text: str) -> State:
    position, _, tag = text.partition(".")
    return position, tag


def _log_probs(values: Iterable[float]) -> bool:
    """Whether every value is a log probability (NaN fails ``<= 0`` too)."""
    return all(p <= 0 for p in values)


class Hmm:
    def __init__(self, index: Index) -> None:
        self.index = index
        self._states: dict[str, State] = {}  # each state parsed once, and shared by all tables
        self.start = {self._state(k): float(v) for k, v in _pairs(index.meta.get("hmm_start", ""))}
        self.trans: dict[State, dict[State, float]] = {}
        for item in index.meta.get("hmm_trans", "").split():  # "B.a>E.a:-0.005", or "B.ag>"
            a, _, rest = item.partition(">")
            row = self.trans.setdefault(self._state(a), {})
            if rest:
                b, _, p = rest.rpartition(":")
                row[self._state(b)] = float(p)
        self.into = _reverse(self.trans)
        self._logs = _log_probs(self.start.values()) and all(_log_probs(r.values()) for r in self.trans.values())
        self._rows: dict[str, Row] = {}  # per character, filled on first use

    @property
    def usable(self) -> bool:
        return bool(self.start and self.trans)

    def cut(self, text: str) -> list[tuple[str, str]]:
        """jieba's ``__cut_detail``: Han blocks through the HMM, anything else as one token."""
        out: list[tuple[str, str]] = []
        for block in _HAN_DETAIL.split(text):
            if not block:
                continue
            if _HAN_DETAIL.fullmatch(block):
                out.extend(self._cut_han(block))
            else:
                out.extend((x, "m" if re.match(r"[\.0-9]+", x) else "x") for x in _SKIP_DETAIL.split(block) if x)
        return out

    def _cut_han(self, text: str) -> list[tuple[str, str]]:
        route = self._viterbi(text)
        out, begin, following = [], 0, 0
        for i, ch in enumerate(text):
            position, tag = route[i]
            if position == "B":
                begin = i
            elif position == "E":
                out.append((text[begin : i + 1], tag))
                following = i + 1
            elif position == "S":
                out.append((ch, tag))
                following = i + 1
        if following < len(text):
            out.append((text[following:], route[following][1]))
        return out

    def _viterbi(self, obs: str) -> list[State]:
        rows = self._tables(obs)
        all_states = list(self.trans)
        allowed, emit, _ = rows[0]
        v = [{y: self.start.get(y, MIN_FLOAT) + emit.get(y, MIN_FLOAT) for y in allowed or all_states}]
        path: list[dict[State, State | None]] = [dict.fromkeys(v[0])]
        for allowed, emit, logs in rows[1:]:
            prev = [x for x in v[-1] if self.trans.get(x)] or list(v[-1])
            expected = set().union(*(self.trans[x] for x in prev))
            states = set(allowed or all_states) & expected or expected or set(all_states)
            step = self._step if logs and self._logs else self._step_all
            scores, best = step(v[-1], prev, states, emit)
            v.append(scores)
            path.append(best)
        _, state = max((p, y) for y, p in v[-1].items())
        route: list[State] = [state] * len(obs)
        for i in range(len(obs) - 1, -1, -1):
            route[i] = state
            state = path[i][state] or state
        return route

    def _step(
        self, last: dict[State, float], prev: list[State], states: Iterable[State], emit: dict[State, float]
    ) -> tuple[dict[State, float], dict[State, State | None]]:
        """One Viterbi column from the previous states with a transition into each state; a
        state none of them reaches with a finite score is scored from all (``_score_all``)."""
        scores: dict[State, float] = {}
        best: dict[State, State | None] = {}
        among = set(prev)
        for y in states:
            e = emit.get(y, MIN_FLOAT)
            into = self.into.get(y, _NONE)
            top, y1 = MIN_INF, None
            for y0 in into.keys() & among:  # max((score, y0)) as a loop: a call less per state
                p = last[y0] + into[y0] + e
                if p > top or (p == top and y1 is not None and y0 > y1):
                    top, y1 = p, y0
            if y1 is None:  # no finite score: -inf from every y0, jieba keeps the greatest y0
                top, y1 = self._score_all(last, prev, y, e)
            scores[y], best[y] = top, y1
        return scores, best

    def _step_all(
        self, last: dict[State, float], prev: list[State], states: Iterable[State], emit: dict[State, float]
    ) -> tuple[dict[State, float], dict[State, State | None]]:
        """One Viterbi column jieba's way: every state scored from every previous state."""
        scores: dict[State, float] = {}
        best: dict[State, State | None] = {}
        for y in states:
            scores[y], best[y] = self._score_all(last, prev, y, emit.get(y, MIN_FLOAT))
        return scores, best

    def _score_all(self, last: dict[State, float], prev: Sequence[State], y: State, e: float) -> tuple[float, State]:
        """jieba's score of ``y``: the best ``(score, y0)`` over every previous state ``y0``."""
        return max((last[y0] + self.trans[y0].get(y, MIN_INF) + e, y0) for y0 in prev)

    def _tables(self, text: str) -> list[Row]:
        """Each character's row, reading from the index only characters not seen before."""
        missing = set(text).difference(self._rows)
        if missing:
            found = self.index.hmm_rows(missing)
            for ch in missing:
                self._rows[ch] = self._row(*found.get(ch, ("", "")))
        return [self._rows[ch] for ch in text]

    def _row(self, allowed: str, emissions: str) -> Row:
        emit = {self._state(k): float(p) for k, p in _pairs(emissions)}
        return tuple(self._state(s) for s in allowed.split()), emit, _log_probs(emit.values())

    def _state(self, text: str) -> State:
        state = self._states.get(text)
        if state is None:
            state = self._states[text] = _state(text)
        return state


def _reverse(trans: dict[State, dict[State, float]]) -> dict[State, dict[State, float]]:
    """``into[y][y0]`` is ``trans[y0][y]``: the states that lead to ``y``, with the same floats."""
    into: dict[State, dict[State, float]] = {}
    for y0, row in trans.items():
        for y, p in row.items():
            into.setdefault(y, {})[y0] = p
    return into


def _pairs(text: str) -> list[tuple[str, str]]:
    return [tuple(item.rsplit(":", 1)) for item in text.split()]  # type: ignore[misc]


@functools.lru_cache(maxsize=4)
def hmm_for(index: Index) -> Hmm:
    return Hmm(index)

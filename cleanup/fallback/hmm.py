"""jieba's part-of-speech HMM: words and tags for runs of characters its dictionary lacks.

``jieba.posseg`` segments with its dictionary first; consecutive single characters that no
dictionary word covers (刘白, 美新里) are then cut again by a Viterbi search over states such as
``(B, nr)`` (begins a person's name) or ``(E, ns)`` (ends a place name). This is jieba's
``viterbi`` and ``__cut`` on the same probability tables, read per character from the index, so
that only the characters at hand are loaded; ties are broken as jieba breaks them (by comparing
state tuples), so the result is jieba's own.
"""

from __future__ import annotations

import functools
import re

from .index import Index

MIN_FLOAT = -3.14e100
MIN_INF = float("-inf")
State = tuple[str, str]
_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")  # jieba's re_han_detail
_SKIP_DETAIL = re.compile(r"([\.0-9]+|[a-zA-Z0-9]+)")


def _state(text: str) -> State:
    position, _, tag = text.partition(".")
    return position, tag


class Hmm:
    def __init__(self, index: Index) -> None:
        self.index = index
        self.start = {_state(k): float(v) for k, v in _pairs(index.meta.get("hmm_start", ""))}
        self.trans: dict[State, dict[State, float]] = {}
        states: dict[str, State] = {}  # each state parsed once
        for item in index.meta.get("hmm_trans", "").split():  # "B.a>E.a:-0.005", or "B.ag>"
            a, _, rest = item.partition(">")
            row = self.trans.setdefault(states.get(a) or states.setdefault(a, _state(a)), {})
            if rest:
                b, _, p = rest.rpartition(":")
                row[states.get(b) or states.setdefault(b, _state(b))] = float(p)

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
        allowed, emit = self._tables(obs)
        all_states = list(self.trans)
        v: list[dict[State, float]] = [{}]
        path: list[dict[State, State | None]] = [{}]
        for y in allowed.get(obs[0]) or all_states:
            v[0][y] = self.start.get(y, MIN_FLOAT) + emit[obs[0]].get(y, MIN_FLOAT)
            path[0][y] = None
        for t in range(1, len(obs)):
            v.append({})
            path.append({})
            prev = [x for x in path[t - 1] if self.trans.get(x)] or list(path[t - 1])
            expected = {y for x in prev for y in self.trans[x]}
            states = set(allowed.get(obs[t]) or all_states) & expected or expected or set(all_states)
            for y in states:
                prob, best = max(
                    (v[t - 1][y0] + self.trans[y0].get(y, MIN_INF) + emit[obs[t]].get(y, MIN_FLOAT), y0)
                    for y0 in prev
                )
                v[t][y], path[t][y] = prob, best
        _, state = max((v[-1][y], y) for y in path[-1])
        route: list[State] = [state] * len(obs)
        for i in range(len(obs) - 1, -1, -1):
            route[i] = state
            state = path[i][state] or state
        return route

    def _tables(self, text: str) -> tuple[dict[str, list[State]], dict[str, dict[State, float]]]:
        rows = self.index.hmm_rows(set(text))
        allowed = {ch: [_state(s) for s in rows[ch][0].split()] for ch in rows}
        emit = {ch: {_state(k): float(p) for k, p in _pairs(rows[ch][1])} for ch in rows}
        for ch in text:
            emit.setdefault(ch, {})
        return allowed, emit


def _pairs(text: str) -> list[tuple[str, str]]:
    return [tuple(item.rsplit(":", 1)) for item in text.split()]  # type: ignore[misc]


@functools.lru_cache(maxsize=4)
def hmm_for(index: Index) -> Hmm:
    return Hmm(index)

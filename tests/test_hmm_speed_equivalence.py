"""The HMM's faster Viterbi search finds jieba's route: same states, same ties.

``Hmm._viterbi`` scores each state only from the previous states with a transition into it
and reads each character's table once (see ``cleanup.fallback.hmm``). These tests hold it to
jieba's own ``viterbi`` on thousands of random strings, and to a verbatim copy of jieba's
search on small random tables made to hit the cases jieba's data rarely does: ties, ``-inf``
scores, states with no way out, characters with no table, values that are not logarithms.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from dataclasses import dataclass

import pytest

from cleanup.fallback.hmm import MIN_FLOAT, MIN_INF, Hmm, State
from cleanup.fallback.index import Index, default_index

# about 150 of the most frequent characters, and some the HMM tags as names and places
COMMON = (
    "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里"
    "所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从"
    "刘白美新区洋山港娜王李张陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
)


def random_strings(pool: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pool) for _ in range(rng.randint(1, 8))) for _ in range(count)]


@pytest.fixture(scope="module")
def index() -> Index:
    found = default_index()
    if found is None:
        pytest.skip("jieba's dictionary is not installed")
    return found


def test_same_routes_as_jieba_on_random_strings(index: Index) -> None:
    pytest.importorskip("jieba")
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
    from jieba.posseg.viterbi import viterbi

    hmm = Hmm(index)
    rare = "".join(sorted(char_state_tab_P)[::97]) + "\u9fc0\u9fc1\u9fd0"  # spread out; the last lack a table
    for text in random_strings(COMMON, 2000, seed=20260) + random_strings(rare, 200, seed=7):
        assert hmm._viterbi(text) == viterbi(text, char_state_tab_P, start_P, trans_P, emit_P)[1], text


def test_cut_unchanged_on_known_names(index: Index) -> None:
    hmm = Hmm(index)
    assert hmm.cut("刘白") == [("刘白", "nr")]
    assert hmm.cut("美新里") == [("美新里", "ns")]


# --- small random tables against jieba's search, verbatim -------------------------------------

POSITIONS, TAGS, CHARS = "BMES", ("a", "b", "nr"), "甲乙丙丁戊己"


def reference_viterbi(
    obs: str,
    start: dict[State, float],
    trans: dict[State, dict[State, float]],
    allowed: dict[str, list[State]],
    emit: dict[str, dict[State, float]],
) -> list[State]:
    """The search as it was before it was made faster: jieba's ``viterbi``, every state scored
    from every previous state (keeping going where jieba would fail on a column with no way out)."""
    all_states = list(trans)
    v: list[dict[State, float]] = [{}]
    path: list[dict[State, State | None]] = [{}]
    for y in allowed.get(obs[0]) or all_states:
        v[0][y] = start.get(y, MIN_FLOAT) + emit[obs[0]].get(y, MIN_FLOAT)
        path[0][y] = None
    for t in range(1, len(obs)):
        v.append({})
        path.append({})
        prev = [x for x in path[t - 1] if trans.get(x)] or list(path[t - 1])
        expected = {y for x in prev for y in trans[x]}
        states = set(allowed.get(obs[t]) or all_states) & expected or expected or set(all_states)
        for y in states:
            prob, best = max(
                (v[t - 1][y0] + trans[y0].get(y, MIN_INF) + emit[obs[t]].get(y, MIN_FLOAT), y0) for y0 in prev
            )
            v[t][y], path[t][y] = prob, best
    _, state = max((v[-1][y], y) for y in path[-1])
    route: list[State] = [state] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = path[i][state] or state
    return route


class FakeIndex:
    """The two things ``Hmm`` reads from an index: ``meta`` and ``hmm_rows``."""

    def __init__(self, meta: dict[str, str], rows: dict[str, tuple[str, str]]) -> None:
        self.meta = meta
        self.rows = rows

    def hmm_rows(self, chars: Collection[str]) -> dict[str, tuple[str, str]]:
        return {c: self.rows[c] for c in chars if c in self.rows}


@dataclass
class Tables:
    start: dict[State, float]
    trans: dict[State, dict[State, float]]
    allowed: dict[str, list[State]]
    emit: dict[str, dict[State, float]]

    def viterbi(self, text: str) -> list[State]:
        emit = {ch: self.emit.get(ch, {}) for ch in text}
        return reference_viterbi(text, self.start, self.trans, self.allowed, emit)

    def index(self) -> FakeIndex:
        """The tables as the index stores them (``B.a:-1.0``, ``B.a>E.a:-0.5``, ``B.a>``)."""
        trans = [
            " ".join(f"{name(a)}>{name(b)}:{p!r}" for b, p in row.items()) or f"{name(a)}>"
            for a, row in self.trans.items()
        ]
        rows = {
            ch: (" ".join(map(name, self.allowed[ch])), " ".join(f"{name(y)}:{p!r}" for y, p in self.emit[ch].items()))
            for ch in self.allowed
        }
        meta = {"hmm_start": " ".join(f"{name(s)}:{p!r}" for s, p in self.start.items()), "hmm_trans": " ".join(trans)}
        return FakeIndex(meta, rows)


def name(state: State) -> str:
    return f"{state[0]}.{state[1]}"


def random_tables(rng: random.Random, values: list[float]) -> Tables:
    """Tables over 12 states with few distinct values (many ties), some states with no
    transition out, and characters with no row or an empty list of allowed states."""
    states = [(p, t) for p in POSITIONS for t in TAGS]
    start = {s: rng.choice(values) for s in states}
    trans = {s: {y: rng.choice(values) for y in rng.sample(states, rng.randint(1, 6))} for s in states}
    for s in rng.sample(states, 3):
        trans[s] = {}
    allowed: dict[str, list[State]] = {}
    emit: dict[str, dict[State, float]] = {}
    for ch in CHARS[:-1]:  # the last character has no row at all
        allowed[ch] = [] if rng.random() < 0.2 else rng.sample(states, rng.randint(1, 6))
        emit[ch] = {y: rng.choice(values) for y in rng.sample(states, rng.randint(0, 8))}
    return Tables(start, trans, allowed, emit)


@pytest.mark.parametrize(
    ("seed", "values"),
    [
        (1, [-1.0, -2.0, -2.0, MIN_FLOAT]),  # logarithms, with ties
        (2, [-1.0, -2.0, MIN_FLOAT, MIN_INF]),  # and impossible steps: -inf scores
        (3, [-1.0, 0.5, 2.0, MIN_INF]),  # not logarithms: scored jieba's way throughout
    ],
)
def test_same_routes_as_jiebas_search_on_random_tables(seed: int, values: list[float]) -> None:
    rng = random.Random(seed)
    for _ in range(60):
        tables = random_tables(rng, values)
        hmm = Hmm(tables.index())  # type: ignore[arg-type]
        for text in random_strings(CHARS, 40, seed=rng.randint(0, 10**6)):
            assert hmm._viterbi(text) == tables.viterbi(text), (text, tables)

"""Hypothesis properties of the engine on generated documents.

Documents are built from glossary keys (Chinese and English), mixed tokens, currency amounts,
random Han, CJK punctuation, relative dates, newlines and ASCII. For every document: no
exception; offsets match ``before``; replaying the change log on the original gives the cleaned
text; inverting it gives the original back; cleaning twice changes nothing more; resolution ignores input order.
"""

from __future__ import annotations

import os
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanup.api import compile_loaded
from cleanup.edits import apply_edits, inverse_of, resolve
from cleanup.engine import clean, detect
from cleanup.glossary.loader import load_glossary
from cleanup.model import Edit, Span, Status

from .conftest import fixture_glossary_paths

SMALL = compile_loaded(load_glossary(fixture_glossary_paths(), use_default=False))
ZH_KEYS = sorted({k for e in SMALL.entries for k in e.zh})
EN_KEYS = sorted({k for e in SMALL.entries for k in e.wrong + e.variants} | {"critical minerals"})
PIECES = st.one_of(
    st.sampled_from(ZH_KEYS),
    st.sampled_from(EN_KEYS),
    st.sampled_from(EN_KEYS).map(str.upper),
    st.sampled_from(EN_KEYS).map(str.title),
    st.sampled_from(["Guan察者网", "Ren民日报", "Huan球時報", "人民Ribao", "Zhong华网", "a减20", "US倡议"]),
    st.sampled_from(["美元", "HK港币", "新元", "元", "约合", "万", "亿", "亿元", "三", "十", "数", "多", "英镑"]),
    st.sampled_from(["美元 11 billion", "HK港币5 million", "3亿元", "三亿五千万元", "1.5万元", "42億美元"]),
    st.sampled_from(["11", "500,000", "4.2", "2019", " billion", " million"]),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=1, max_size=4),
    st.sampled_from(list("，。、：；！？（）【】《》「」丨～ＡＢ１２　")),
    st.sampled_from(["On February 4th, ", "on the 5th, ", "the 4th floor", "On March 2 ", "January 13, 2026"]),
    st.sampled_from([" ", " ", "\n", "\n\n", "\r\n", ". ", ", "]),
    st.sampled_from(["IC Photo", "Original: example.com/a", "【By Wang Lin】", "This article is exclusive to X."]),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=12),
)
DOCS = st.lists(PIECES, max_size=30).map("".join)
settings.register_profile("ci", max_examples=300)
settings.register_profile("fuzz", max_examples=25_000)  # CLEANUP_FUZZ=1: the long run
settings.load_profile("fuzz" if os.environ.get("CLEANUP_FUZZ") else "ci")
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def applied_pairs(result) -> list[tuple[Edit, str]]:  # type: ignore[no-untyped-def]
    return [
        (Edit(Span(c.start, c.end), c.after), c.before)
        for c in result.changes
        if c.status is Status.APPLIED
    ]


@SETTINGS
@given(DOCS, st.booleans())
def test_change_log_replays_and_inverts(text: str, suggestions: bool) -> None:
    result = clean(text, SMALL, suggestions=suggestions)
    for change in result.changes:
        assert text[change.start : change.end] == change.before
    pairs = applied_pairs(result)
    assert apply_edits(text, [e for e, _ in pairs]) == result.cleaned
    assert apply_edits(result.cleaned, inverse_of(pairs)) == text


@SETTINGS
@given(DOCS)
def test_idempotent(text: str) -> None:
    once = clean(text, SMALL).cleaned
    assert clean(once, SMALL).cleaned == once


@SETTINGS
@given(DOCS, st.randoms(use_true_random=False))
def test_resolution_is_order_independent(text: str, rnd: random.Random) -> None:
    findings = detect(text, SMALL)
    shuffled = findings[:]
    rnd.shuffle(shuffled)
    first = [(d.finding, d.status) for d in resolve(findings, True)]
    second = [(d.finding, d.status) for d in resolve(shuffled, True)]
    assert first == second


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6), st.text(max_size=5)), max_size=8))
def test_apply_edits_matches_reference(raw: list[tuple[int, int, str]]) -> None:
    text = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"
    edits, taken = [], []
    for start, length, repl in raw:
        span = Span(start, min(start + length, len(text)))
        if any(span.overlaps(t) for t in taken):
            continue
        taken.append(span)
        edits.append(Edit(span, repl))
    reference = text
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end), reverse=True):
        reference = reference[: edit.span.start] + edit.text + reference[edit.span.end :]
    assert apply_edits(text, edits) == reference

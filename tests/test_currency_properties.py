"""Hypothesis properties of ZH004 on documents dense with currencies, numbers and numerals.

Besides the engine's general properties (``test_properties``), an amount rule can break one of
its own: a fix must not turn its neighbour into a new match (``$3`` + ``美元`` is ``3美元`` again).
So one pass of ZH004's safe fixes is final; with suggestions applied, a second pass may fix a
neighbour the first un-glued, but never touches English the first pass wrote. Offsets stay exact
however the pieces are glued together.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanup.api import compile_loaded
from cleanup.edits import apply_edits, resolve
from cleanup.engine import clean, detect
from cleanup.glossary.loader import load_glossary
from cleanup.model import Span, Status
from cleanup.rules import BY_CODE

from .conftest import fixture_glossary_paths

SMALL = compile_loaded(load_glossary(fixture_glossary_paths(), use_default=False))
PIECES = st.one_of(
    st.sampled_from(["美元", "美金", "HK", "US", "港币", "港幣", "新加坡元", "新元", "欧元", "英镑", "人民币"]),
    st.sampled_from(["元", "万", "亿", "億", "千", "百", "十", "万亿", "约合", "約合"]),
    st.sampled_from(list("〇零一二两三四五六七八九数几多余")),
    st.sampled_from(["3", "11", "1.5", "500,000", "4.244", "2019", "0", ".", ","]),
    st.sampled_from([" billion", " million", " thousand", " ", "  ", "$", "(", ")", "\n"]),
    st.sampled_from(["the ", "more than ", "a", "资金", "单元", "数字"]),
    st.sampled_from(["美元 11 billion", "HK港币5 million", "3亿元", "三亿五千万元", "約合42億美元", "1.5 万元"]),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=1, max_size=2),
)
DOCS = st.lists(PIECES, max_size=16).map("".join)
ZH004 = (BY_CODE["ZH004"],)  # alone: another rule's fix may un-glue a neighbour, by design
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=400)


def _one_pass(text: str, suggestions: bool) -> tuple[str, list[tuple[int, int]], list[Span]]:
    """Apply ZH004 once; return the text, the spans its output occupies, and what a second
    pass of ZH004 would still apply."""
    decisions = resolve(detect(text, SMALL, ZH004), suggestions)
    applied = [d.finding.fix for d in decisions if d.status is Status.APPLIED and d.finding.fix]
    edits = sorted(e for fix in applied for e in fix.edits)
    once = apply_edits(text, edits)
    written, shift = [], 0
    for edit in edits:
        start = edit.span.start + shift
        written.append((start, start + len(edit.text)))
        shift += len(edit.text) - edit.span.length
    second = resolve(detect(once, SMALL, ZH004), suggestions)
    again = [d.finding.fix.span for d in second if d.status is Status.APPLIED and d.finding.fix]
    return once, written, again


@SETTINGS
@given(DOCS)
def test_one_pass_of_safe_fixes_is_final(text: str) -> None:
    once, _, again = _one_pass(text, False)
    assert again == [], (text, once)


@SETTINGS
@given(DOCS)
def test_no_output_is_matched_again(text: str) -> None:
    """Applying a suggestion un-glues its neighbours, which a second pass may then fix; but no
    fix of the second pass touches English that the first pass wrote."""
    once, written, again = _one_pass(text, True)
    for span in again:
        assert not any(span.start < end and start < span.end for start, end in written), (text, once)


@settings(SETTINGS, max_examples=150)  # all rules: the unknown-Chinese fallbacks are slow
@given(DOCS, st.booleans())
def test_offsets_and_idempotence(text: str, suggestions: bool) -> None:
    result = clean(text, SMALL, suggestions=suggestions)
    for change in result.changes:
        assert text[change.start : change.end] == change.before
    assert clean(result.cleaned, SMALL, suggestions=suggestions).cleaned == result.cleaned

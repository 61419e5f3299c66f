from __future__ import annotations

import pytest

from cleanup.edits import apply_edits, inverse_of, resolve
from cleanup.model import Edit, Finding, Fix, Origin, Safety, Span, Status


def finding(start: int, end: int, text: str, code: str = "ZH001", safety: Safety = Safety.SAFE, entry: str = "e") -> Finding:
    return Finding(code, Span(start, end), "m", Fix((Edit(Span(start, end), text),), safety), Origin(entry))


def test_apply_edits_splices_in_order_given_any_order() -> None:
    edits = [Edit(Span(6, 11), "there"), Edit(Span(0, 5), "howdy")]
    assert apply_edits("hello world", edits) == "howdy there"


def test_apply_edits_insert_and_delete() -> None:
    assert apply_edits("abc", [Edit(Span(1, 1), "X"), Edit(Span(2, 3), "")]) == "aXb"


def test_apply_edits_rejects_overlap() -> None:
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(Span(0, 3), "x"), Edit(Span(2, 4), "y")])


def test_inverse_restores_original() -> None:
    text = "hello big world"
    edits = [Edit(Span(0, 5), "hi"), Edit(Span(10, 15), "planet")]
    cleaned = apply_edits(text, edits)
    pairs = [(e, text[e.span.start : e.span.end]) for e in edits]
    assert apply_edits(cleaned, inverse_of(pairs)) == text


def test_resolve_longest_wins_at_same_start_and_records_the_winner() -> None:
    short, long = finding(0, 3, "a"), finding(0, 6, "b", code="EN001", entry="long")
    decisions = {d.finding: d for d in resolve([short, long])}
    assert decisions[long].status is Status.APPLIED
    assert decisions[short].status is Status.SKIPPED_OVERLAP
    assert "EN001 long" in decisions[short].reason


def test_resolve_earlier_start_wins() -> None:
    first, second = finding(0, 4, "a"), finding(2, 9, "b")
    decisions = {d.finding: d.status for d in resolve([second, first])}
    assert decisions == {first: Status.APPLIED, second: Status.SKIPPED_OVERLAP}


def test_resolve_suggestions_only_on_request() -> None:
    sug = finding(0, 2, "x", safety=Safety.SUGGESTION)
    assert resolve([sug])[0].status is Status.SUGGESTED
    assert resolve([sug], suggestions=True)[0].status is Status.APPLIED


def test_resolve_report_only() -> None:
    report = Finding("ZH003", Span(0, 1), "m", None, Origin("x"))
    assert resolve([report])[0].status is Status.REPORT_ONLY


def test_touching_spans_do_not_conflict() -> None:
    a, b = finding(0, 2, "x"), finding(2, 4, "y")
    assert all(d.status is Status.APPLIED for d in resolve([a, b]))

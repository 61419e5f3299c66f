"""The seed article as a golden test: cleaned text, change log and diff, reviewed by a person.

Regenerate with ``pytest tests/test_seed.py --update-golden`` and read the diff before committing.
"""

from __future__ import annotations

import json

import pytest

from cleanup.engine import clean
from cleanup.model import Safety, Status
from cleanup.report.diff import unified
from cleanup.zh import has_han

from .conftest import ROOT

SEED = ROOT / "seeds" / "observer-critical-minerals.txt"
GOLDEN = ROOT / "tests" / "golden"
CJK_PUNCT = set("，。、：；！？（）【】《》「」『』〔〕")


@pytest.fixture(scope="module")
def result(bundled):  # type: ignore[no-untyped-def]
    return clean(SEED.read_text(encoding="utf-8"), bundled, path="seeds/observer-critical-minerals.txt")


def _golden(name: str, actual: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run pytest --update-golden and review it"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def test_golden_files(result, request) -> None:  # type: ignore[no-untyped-def]
    update = request.config.getoption("--update-golden")
    _golden("observer-critical-minerals.cleaned.txt", result.cleaned, update)
    # `source` (glossary FILE:LINE) is left out: it moves whenever a glossary file is edited.
    records = [{k: v for k, v in c.as_dict().items() if k != "source"} for c in result.changes]
    log = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    _golden("observer-critical-minerals.changes.jsonl", log, update)
    _golden("observer-critical-minerals.diff", unified(result), update)


def test_no_chinese_and_no_cjk_punctuation_left(result) -> None:  # type: ignore[no-untyped-def]
    assert not has_han(result.cleaned)
    assert not CJK_PUNCT & set(result.cleaned)


def test_nothing_safe_left_to_fix(result, bundled) -> None:  # type: ignore[no-untyped-def]
    again = clean(result.cleaned, bundled)
    assert [c for c in again.changes if c.status is Status.APPLIED] == []


def test_correct_names_are_untouched(result) -> None:  # type: ignore[no-untyped-def]
    correct = ["Lin Jian", "Rubio", "Vance", "South China Morning Post", "Council on Foreign Relations",
               "The Wall Street Journal", "Export-Import Bank", "Department of Energy"]
    for name in correct:
        start = result.original.find(name)
        assert start >= 0
        touched = [c for c in result.changes if c.status is Status.APPLIED and c.start < start + len(name) and start < c.end]
        assert touched == [], f"{name} was changed: {touched}"


def test_change_log_replays(result) -> None:  # type: ignore[no-untyped-def]
    text = result.original
    for c in sorted((c for c in result.changes if c.status is Status.APPLIED), key=lambda c: c.start, reverse=True):
        assert text[c.start : c.end] == c.before
        text = text[: c.start] + (c.after or "") + text[c.end :]
    assert text == result.cleaned
    assert all(c.safety is Safety.SAFE for c in result.changes if c.status is Status.APPLIED)

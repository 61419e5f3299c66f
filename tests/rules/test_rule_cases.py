"""Per-rule cases from ``tests/rules/cases/<CODE>.yaml``, run on a small fixture glossary.

Each case gives input text and the exact expected output (default: safe fixes only; with
``suggestions: true`` suggestions too), and optionally the findings it must produce:
``findings: [[CODE, status, before]]``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cleanup.engine import clean
from cleanup.rules import BY_CODE

CASES_DIR = Path(__file__).parent / "cases"


def _cases() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append((f"{path.stem}-{case['name']}", case | {"rule": data["rule"]}))
    return out


def test_every_rule_has_a_case_file() -> None:
    assert {p.stem for p in CASES_DIR.glob("*.yaml")} == set(BY_CODE)


@pytest.mark.parametrize(("name", "case"), _cases(), ids=[n for n, _ in _cases()])
def test_case(name: str, case: dict, small) -> None:
    result = clean(case["in"], small, suggestions=case.get("suggestions", False))
    expected = case.get("out", case["in"])
    assert result.cleaned == expected
    for code, status, before in case.get("findings", []):
        assert any(
            c.code == code and c.status.value == status and c.before == before for c in result.changes
        ), f"no {code} {status} {before!r} in {[(c.code, c.status.value, c.before) for c in result.changes]}"
    for code in case.get("absent", []):
        assert not [c for c in result.changes if c.code == code]

"""The source-aware rules' cases (``tests/rules/cases/SR*.yaml``): the Chinese ``source`` and the
English ``in`` checked together; ``pair_findings`` is every SR finding, as [CODE, text pointed at]."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cleanup.glossary.compiled import Compiled
from cleanup.rules import RULES, SOURCE_RULES
from cleanup.source.check import check_translation

CASES_DIR = Path(__file__).parent / "rules" / "cases"


def _cases() -> list[tuple[str, dict[str, object]]]:
    out = []
    for path in sorted(CASES_DIR.glob("SR*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append((f"{path.stem}-{case['name']}", case))
    return out


def test_every_source_rule_has_cases() -> None:
    assert {p.stem for p in CASES_DIR.glob("SR*.yaml")} == {r.code for r in SOURCE_RULES}


@pytest.mark.parametrize(("name", "case"), _cases(), ids=[n for n, _ in _cases()])
def test_source_case(name: str, case: dict, small: Compiled) -> None:  # type: ignore[type-arg]
    result = check_translation(
        ("source.zh.txt", case["source"]), ("target.en.txt", case["in"]), small, RULES + SOURCE_RULES
    )
    found = [[c.code, c.before] for c in result.changes if c.code.startswith("SR")]
    assert found == case.get("pair_findings", []), [c.message for c in result.changes]

"""ZH005 leaves a date or ordinal inside a glossary term to the term (第一季度报告)."""

from __future__ import annotations

import pytest

from cleanup.engine import clean, detect
from cleanup.glossary.compiled import Compiled


@pytest.mark.parametrize(("text", "out"), [
    ("its 第一季度报告 showed", "its first-quarter report showed"),
    ("at the 第二中级人民法院 today", "at the No. 2 Intermediate People's Court today"),
    ("sales in the 第一季度 rose", "sales in the first quarter rose"),
])  # fmt: skip
def test_a_term_wins_over_its_ordinal(text: str, out: str, bundled: Compiled) -> None:
    assert clean(text, bundled).cleaned == out


def test_no_ordinal_finding_inside_a_term(bundled: Compiled) -> None:
    assert [f.code for f in detect("its 第一季度报告 showed", bundled)] == ["ZH001"]

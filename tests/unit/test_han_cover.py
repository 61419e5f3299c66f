"""How a Han run is covered with glossary keys (``han._match_terms``)."""

from __future__ import annotations

import pytest

from cleanup.glossary.compiled import Compiled
from cleanup.han import TERM, UNKNOWN, analyse_han


def kinds(text: str, glossary: Compiled) -> list[tuple[str, str]]:
    return [(p.kind, text[p.start : p.end]) for p in analyse_han(text, glossary)]


@pytest.mark.parametrize(("text", "expected"), [
    # Greedy longest-first would take 广东省 and leave 委书记 unknown; two keys cover it all.
    ("广东省委书记", [(TERM, "广东"), (TERM, "省委书记")]),
    # With as much covered either way, the fewer (longer) keys win.
    ("人民日报环球时报", [(TERM, "人民日报"), (TERM, "环球时报")]),
    ("北京大学生", [(TERM, "北京大学"), (UNKNOWN, "生")]),
    ("元素", [(UNKNOWN, "元素")]),
])  # fmt: skip
def test_cover(text: str, expected: list[tuple[str, str]], bundled: Compiled) -> None:
    assert kinds(text, bundled) == expected

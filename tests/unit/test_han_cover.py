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
    # A tie in what is covered goes to the leftmost key: 地震 (earthquake), not 震中 (epicentre).
    ("在地震中", [(UNKNOWN, "在"), (TERM, "地震"), (UNKNOWN, "中")]),
    ("元素", [(UNKNOWN, "元素")]),
])  # fmt: skip
def test_cover(text: str, expected: list[tuple[str, str]], bundled: Compiled) -> None:
    assert kinds(text, bundled) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("神舟十八号", [("神舟十八号", 18)]),  # a series key takes its member's number
    ("长征二号", [("长征二号", 2)]),
    ("嫦娥一百号", [("嫦娥一百号", 100)]),
    ("神舟", [("神舟", 0)]),
    ("神舟十八", [("神舟", 0), ("十八", 0)]),  # no 号: no member
    ("中国一号", [("中国", 0), ("一号", 0)]),  # not a series key
])  # fmt: skip
def test_series_members(text: str, expected: list[tuple[str, int]], bundled: Compiled) -> None:
    assert [(text[p.start : p.end], p.number) for p in analyse_han(text, bundled)] == expected

"""Chinese that repeats the English beside it is deleted, not translated twice (``rules.echo``)."""

from __future__ import annotations

import pytest

from cleanup.edits import apply_edits
from cleanup.rules.echo import aside_edits, echo_edits, gloss_edits, glued_word_edits


def _cleaned(text: str, han: str, english: tuple[str, ...]) -> str | None:
    start = text.index(han)
    edits = echo_edits(text, start, start + len(han), english)
    return None if edits is None else apply_edits(text, sorted(edits))


@pytest.mark.parametrize(("text", "han", "english", "out"), [
    ("The People’s Daily (人民日报) said", "人民日报", ("People's Daily",), "The People’s Daily said"),
    ("the Global  Times 环球时报", "环球时报", ("Global Times",), "the Global  Times"),
    ("环球时报", "环球时报", ("Global Times",), None),  # nothing beside it
    ("(环球时报)", "环球时报", ("Global Times",), None),
    ("Global Times (环球时报", "环球时报", ("Global Times",), None),  # an unclosed bracket: left alone
    ("the Global Times（ 环球时报 ）said", "环球时报", ("the Global Times",), "the Global Times said"),
    ("环球时报 (Global Times)", "环球时报", ("Global Times",), "Global Times"),
    ("环球时报 (Global Times", "环球时报", ("Global Times",), None),
    ("ZGlobal Times 环球时报", "环球时报", ("Global Times",), None),  # not whole words
    ("环球时报 Global Timesx", "环球时报", ("Global Times",), None),
    ("Global Times 环球时报", "环球时报", ("",), None),
    ("the IAEA（国际原子能机构）said", "国际原子能机构", ("International Atomic Energy Agency",), "the IAEA said"),
    ("the people who (世卫组织) said", "世卫组织", ("World Health Organization",), None),  # an acronym is capitals
    ("Mr. Wang（王先生）said", "王先生", ("Mr Wang",), "Mr. Wang said"),
    ("show their ID cards (身份证) now", "身份证", ("ID card",), "show their ID cards now"),
    ("Nvidia (英伟达, NVDA) rose", "英伟达", ("Nvidia",), "Nvidia (NVDA) rose"),
    ("Tesla/特斯拉 shares", "特斯拉", ("Tesla",), "Tesla shares"),
    ("China State Railway Group Co., Ltd.（国铁集团）said", "国铁集团", ("China State Railway Group",), "China State Railway Group Co., Ltd. said"),
])  # fmt: skip
def test_echo(text: str, han: str, english: tuple[str, ...], out: str | None) -> None:
    assert _cleaned(text, han, english) == out


@pytest.mark.parametrize(("text", "word", "out"), [
    ("fearful懼, kind", "fear", "fearful, kind"),
    ("fearful懼kind", "fear", "fearful kind"),
    ("area贏.", "beat", None),
    ("fear懼", "fear", None),  # the whole word is echo_edits' case
    ("an懼", "an", None),  # too short to tell
    ("懼", "fear", None),
    ("fearful 懼", "fear", None),  # only glued
])  # fmt: skip
def test_glued_word(text: str, word: str, out: str | None) -> None:
    start = text.index("懼") if "懼" in text else text.index("贏")
    edits = glued_word_edits(text, start, start + 1, word)
    assert (None if edits is None else apply_edits(text, sorted(edits))) == out


@pytest.mark.parametrize(("text", "han", "english", "out"), [
    ("500 people were relocated and resettled (转移安置).", "转移安置", "relocate", "500 people were relocated and resettled."),
    ("the minister (时任部长) said", "时任部长", "then minister", None),  # "at the time" is new
    ("a long report (报告) said", "报告", "report", "a long report said"),
    ("the report was very long (报告)", "报告", "report", None),  # not among the last three words
    ("Zhang Wei (张伟的父亲) spoke", "张伟的父亲", "Zhang Wei father", None),  # 的: someone else
])  # fmt: skip
def test_one_word_gloss(text: str, han: str, english: str, out: str | None) -> None:
    start = text.index(han)
    edits = gloss_edits(text, start, start + len(han), english)
    assert (None if edits is None else apply_edits(text, sorted(edits))) == out


@pytest.mark.parametrize(("text", "han", "english", "out"), [
    ("Apollo Go, known as 萝卜快跑, has grown.", "萝卜快跑", "Apollo Go", "Apollo Go has grown."),
    ("Douyin, also known as “抖音”.", "抖音", "Douyin", "Douyin."),
    ("refund only or 仅退款 now", "仅退款", "refund only", "refund only now"),
    ("refund only, or 仅退款, policies", "仅退款", "refund-only", "refund only policies"),  # a hyphen aside
    ("the service, known as 萝卜快跑, grew", "萝卜快跑", "Apollo Go", None),  # the English is another name
])  # fmt: skip
def test_aside(text: str, han: str, english: str, out: str | None) -> None:
    start = text.index(han)
    edits = aside_edits(text, start, start + len(han), (english,))
    assert (None if edits is None else apply_edits(text, sorted(edits))) == out

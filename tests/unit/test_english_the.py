"""Names English writes with "the", and where the text lacks it (``english.takes_the``, ``the_missing``)."""

from __future__ import annotations

import pytest

from cleanup.english import ordinal_needs_the, takes_the, the_missing


@pytest.mark.parametrize(("name", "takes"), [
    ("Middle East", True), ("State Council", True), ("World Health Organization", True),
    ("Dragon Boat Festival", True), ("European Union", True), ("Silk Road Fund", True),
    ("Boao Forum", True), ("Beijing", False), ("Xiaomi", False), ("Peking University", False),
    ("health commission", False),  # lower case: a generic, the text's own article decides
])  # fmt: skip
def test_takes_the(name: str, takes: bool) -> None:
    assert takes_the(name) is takes


@pytest.mark.parametrize(("text", "english", "missing"), [
    ("tensions in 中东 rose", "Middle East", True),  # after a preposition
    ("He urged 世卫组织 to act", "World Health Organization", True),  # the object of a verb
    ("they celebrated 端午节 together", "Dragon Boat Festival", True),
    ("He said 国务院 meetings matter", "State Council", False),  # it modifies a noun
    ("the 国务院 said", "State Council", False),  # the text has it
    ("China's 国务院 said", "State Council", False),  # a possessive before it
])  # fmt: skip
def test_the_missing(text: str, english: str, missing: bool) -> None:
    han = next(w for w in text.split() if not w.isascii())
    start = text.index(han)
    assert the_missing(text, start, start + len(han), english) is missing


@pytest.mark.parametrize(("name", "takes"), [
    ("United Nations", True), ("Pentagon", True), ("West Bank", True), ("Federal Reserve", True),
    ("World Bank", True), ("National Bureau of Statistics", True), ("Chinese Academy of Sciences", True),
    ("Chinese Center for Disease Control and Prevention", True), ("Bank of China", True),
    ("Communist Party of China", True), ("China Construction Bank", False),
    ("Beijing Institute of Technology", False), ("Zhongnan University of Economics and Law", False),
    ("Food Safety Law", True), ("Civil Code", True), ("Port of Shanghai", True), ("Temple of Heaven", True),
    ("Palace Museum", True), ("Qing Dynasty", True), ("Qianlong Emperor", True), ("Emperor Qianlong", False),
    ("China University of Political Science and Law", False), ("Shanghai Port", False),
])  # fmt: skip
def test_more_names_that_take_the(name: str, takes: bool) -> None:
    assert takes_the(name) is takes


@pytest.mark.parametrize(("text", "english", "needs"), [
    ("In 上半年, GDP grew", "first half", True),  # after a preposition
    ("上半年 GDP grew", "first half", True),  # at a sentence start
    ("He attended 第二届 Expo", "second", True),  # after a verb
    ("its 上半年 results", "first half", False),  # a possessive determines it
    ("rules for 第三方支付 firms", "third-party payment", False),  # an adjective, not an ordinal
    ("she finished in 第二名 in the group", "second place", False),  # place takes no article
    ("In 中东 today", "Middle East", False),  # no ordinal: the_missing's business
])  # fmt: skip
def test_ordinal_needs_the(text: str, english: str, needs: bool) -> None:
    han = next(w for w in text.replace(",", " ").split() if not w.isascii())
    assert ordinal_needs_the(text, text.index(han), english) is needs

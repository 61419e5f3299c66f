"""What a rule is: a stable code, a name, documentation, and a function from a scan to findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from ..english import agree_article
from ..model import Edit, Finding, Fix, Origin, Safety, Span
from ..scan import Scan
from ..zh import has_han

Check = Callable[[Scan], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    check: Check
    doc: str
    default: str

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(module.CODE, module.NAME, module.check, module.__doc__ or "", module.DEFAULT)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]


def replace(
    code: str, start: int, end: int, text: str, safety: Safety, message: str, origin: Origin
) -> Finding:
    """A finding whose fix is one edit."""
    fix = Fix((Edit(Span(start, end), text),), safety)
    return Finding(code, Span(start, end), message, fix, origin)


def replace_after_article(
    text: str, code: str, start: int, end: int, after: str, safety: Safety, message: str, origin: Origin
) -> Finding:
    """``replace``, with an ``a``/``an`` right before the span made to agree with the English
    that comes in (``a 非典型 case`` → ``an atypical case``): the edit then covers the article."""
    edit_start, after = agree_article(text, start, after)
    if after.endswith(".") and not after.endswith("..") and text[end : end + 1] == "." and text[end + 1 : end + 2] != ".":
        after = after[:-1]  # by 中国电影股份有限公司.: "… Co., Ltd." ends the sentence too, with one full stop
    fix = Fix((Edit(Span(edit_start, end), after),), safety)
    return Finding(code, Span(start, end), message, fix, origin)


def report(code: str, start: int, end: int, message: str, origin: Origin) -> Finding:
    return Finding(code, Span(start, end), message, None, origin)


def han_padding(text: str, start: int, end: int, replacement: str) -> str:
    """Give English that replaces Chinese the spaces English needs around it.

    Chinese has no spaces between words, so ``and普惠 trade`` becomes ``and <en> trade``: a space
    where the neighbour is a letter or digit (or closing punctuation on the left), none where
    the neighbour is already a space or punctuation.
    """
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before and (before.isalnum() or before in ",;:!?)]}%”’" or before == '"' and not _opens(text, start - 1)):
        replacement = " " + replacement
    if after and (spaced_from_before(after) or after in "“‘" or after == '"' and _opens(text, end)):
        replacement = replacement + " "
    return replacement


def _opens(text: str, i: int) -> bool:
    """Whether the straight quote at ``i`` opens a quotation: an even number of them before it on
    its line (``联合国"must act"``: United Nations "must act"; ``"一带一路"国际``: it closes)."""
    line_start = text.rfind("\n", 0, i) + 1
    return text.count('"', line_start, i) % 2 == 0


def spaced_from_before(char: str) -> bool:
    """Whether English put before ``char`` (a letter, a digit, an opening bracket, ``$``) needs a
    space between them: ``han_padding`` adds one."""
    return (char.isalnum() and not has_han(char)) or char in "([{$"

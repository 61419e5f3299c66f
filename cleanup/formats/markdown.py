"""Markdown: the spans a cleaner must not touch.

Code (fenced and indented blocks, inline code spans), URLs (bare, autolinks, link and image
targets, reference definitions), inline HTML tags and a front-matter block are protected; the
prose around them, link texts and image alt texts are cleaned. The scanner is deliberately
conservative: when in doubt (an indented line after a blank line), text is protected.
"""

from __future__ import annotations

import regex

FENCE = regex.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*$", regex.MULTILINE)
INDENTED = regex.compile(r"(?:^|\n)[ \t]*\n((?:(?: {4}|\t)[^\n]*(?:\n|$)|[ \t]*(?:\n|$))+)")
FRONT_MATTER = regex.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", regex.DOTALL)
CODE_SPAN = regex.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", regex.DOTALL)
INLINE = regex.compile(
    r"<(?:https?|ftp|mailto):[^\s<>]*>"  # autolink
    r"|<[^\s@<>]+@[^\s@<>]+>"  # email autolink
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"  # inline HTML tag
    r"|<!--.*?-->"  # HTML comment
    r"|\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"  # ](target "title")
    r"|\]\[[^\]\n]*\]"  # ][reference label]
    r"|(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?\"'*_~]"  # bare URL
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",  # bare email address
    regex.DOTALL,
)
REFERENCE = regex.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$", regex.MULTILINE)


def _fenced(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks: from an opening fence to the matching closing fence (or the end)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = FENCE.search(text, pos)
        if m is None:
            return spans
        mark = m.group(1)
        closing = regex.compile(rf"^ {{0,3}}{regex.escape(mark[0])}{{{len(mark)},}}[ \t]*$", regex.MULTILINE)
        end = closing.search(text, m.end())
        stop = end.end() if end else len(text)
        spans.append((m.start(), stop))
        pos = stop


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in spans)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Every span of ``text`` that is code, markup or a link target, in document order."""
    spans = _fenced(text)
    m = FRONT_MATTER.match(text)
    if m:
        spans.append(m.span())
    blocks = list(spans)
    for m in INDENTED.finditer(text):
        if _outside(blocks, *m.span(1)):
            spans.append(m.span(1))
    blocks = list(spans)
    for pattern in (REFERENCE, CODE_SPAN, INLINE):
        for m in pattern.finditer(text):
            if _outside(blocks, *m.span()):
                spans.append(m.span())
        if pattern is CODE_SPAN:
            blocks = list(spans)  # a URL-looking text inside a code span is already protected
    return sorted(spans)

"""Publisher boilerplate and photo credits.

What it does
    Removes text that belongs to the Chinese publisher's page, not to the article: copyright
    and reproduction notices, ``Original:`` source lines, disclaimers, editor lines, and photo
    credits left after a caption. A glossary entry may instead keep part of the match (a
    bracketed byline becomes a plain byline paragraph).

Why is this bad?
    The notices are in the wrong language and the wrong place; they are not part of the story
    and are usually wrong for the republishing outlet.

Example
    ``This article is exclusive to Observer Network. Unauthorized reproduction is prohibited.``
    is removed with the blank line before it.

Fix safety
    Safe: entries are anchored patterns written to match only boilerplate; each carries
    examples of text it must leave alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ..errors import CleanupError
from ..glossary.compiled import PATTERN_TIMEOUT
from ..model import Edit, Finding, Fix, Span
from ..scan import Scan

CODE = "BP001"
NAME = "boilerplate"
DEFAULT = "safe"


def _paragraph_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a whole-paragraph deletion over the line break before it (after it at the top)."""
    s = start
    while s > 0 and text[s - 1] in " \t\r\n":
        s -= 1
    if s > 0:
        return s, end
    e = end
    while e < len(text) and text[e] in " \t\r\n":
        e += 1
    return start, e


def _edits(text: str, m: regex.Match[str], scope: str, keep: int, lead: str, trail: str) -> tuple[Edit, ...]:
    if keep:
        edits = [Edit(Span(m.start(), m.start(keep)), lead), Edit(Span(m.end(keep), m.end()), trail)]
        return tuple(e for e in edits if e.span.length or e.text)
    whole_line = (m.start() == 0 or text[m.start() - 1] == "\n") and (m.end() == len(text) or text[m.end()] == "\n")
    if scope == "paragraph" or (whole_line and text[m.start() : m.end()].strip()):  # a credit alone on its line
        start, end = _paragraph_span(text, m.start(), m.end())
    else:
        start, end = m.start(), m.end()
        if start > 0 and text[start - 1] == " ":
            start -= 1
    return (Edit(Span(start, end), ""),)


# Characters of the boilerplate's words in their traditional forms (原標題, 責任編輯, 來源, 圖片來源): a
# document with one is read in simplified characters too, offsets kept, so the patterns match it.
_TRADITIONAL = re.compile(r"[標題編輯責來圖記攝轉載聲權網報訊發佈審獲請關註號]")  # traditional only; re scans a class fastest


def check(scan: Scan) -> Iterator[Finding]:
    text = scan.text
    if not text.isascii() and _TRADITIONAL.search(text):
        from ..zh import simplified_same_length  # OpenCC loads only for traditional copy

        text = simplified_same_length(text)
    boilerplate = scan.glossary.boilerplate
    found: list[Finding] = []
    for position in scan.glossary.prefilters.passing(text):  # kept in the glossary cache
        index, pattern = boilerplate[position]  # the others cannot match (see literals)
        entry = scan.glossary.entry(index)
        try:
            matches = list(pattern.finditer(text, timeout=PATTERN_TIMEOUT))
        except TimeoutError:
            raise CleanupError(
                f"{entry.where('pattern')}: {entry.id}: pattern took over {PATTERN_TIMEOUT}s; "
                "simplify it"
            ) from None
        for m in matches:
            if m.end() == m.start():
                continue
            edits = _edits(text, m, entry.scope, entry.keep, entry.lead, entry.trail)
            fix = Fix(edits, entry.safety)
            message = f"publisher boilerplate: {entry.note.splitlines()[0]}"
            found.append(Finding(CODE, Span(m.start(), m.end()), message, fix, entry.origin))
    yield from _apart(text, found)


def _apart(text: str, found: list[Finding]) -> list[Finding]:
    """Boilerplate paragraphs one after another (原标题… then 来源…) would both take the line
    break between them; the later one leaves it to the earlier, so that both are deleted. At the
    top of the text (everything before it deleted) it takes the break after it instead."""
    out: list[Finding] = []
    taken, top = -1, False
    for finding in sorted(found, key=lambda f: f.fix.span.start if f.fix else f.span.start):
        fix = finding.fix
        if fix is not None and len(fix.edits) == 1 and not fix.edits[0].text:
            edit = fix.edits[0]
            if edit.span.start < taken <= finding.span.start:
                end = edit.span.end
                while top and end < len(text) and text[end] in " \t\r\n":
                    end += 1
                trimmed = Edit(Span(taken, end), "")
                finding = Finding(finding.code, finding.span, finding.message, Fix((trimmed,), fix.safety), finding.origin)
                edit = trimmed
            else:
                top = edit.span.start == 0
            taken = max(taken, edit.span.end)
        out.append(finding)
    return out

"""HTML: only text nodes are cleaned.

Tags with their attributes, comments, doctype and processing instructions, CDATA sections, the
contents of ``script``, ``style``, ``code``, ``pre``, ``textarea`` and ``template``, and every
character reference (``&amp;``, ``&#8212;``) are protected: they come out byte for byte as they
went in. A tokenizer rather than a tree parser, so offsets are exact and broken markup is
passed through untouched rather than repaired.
"""

from __future__ import annotations

import regex

RAW_ELEMENTS = ("script", "style", "code", "pre", "textarea", "template")
MARKUP = regex.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<![^>]*>?"
    r"|<\?[^>]*>?"
    r"|<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>"
    r"|&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});?",
    regex.DOTALL,
)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Markup, character references, and the whole of raw-text elements, in document order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = MARKUP.search(text, pos)
        if m is None:
            return spans
        name = (m.group("name") or "").lower()
        if name in RAW_ELEMENTS and not m.group("close") and not m.group(0).endswith("/>"):
            closing = regex.compile(rf"</{name}\s*>", regex.IGNORECASE).search(text, m.end())
            end = closing.end() if closing else len(text)
            spans.append((m.start(), end))
            pos = end
            continue
        spans.append(m.span())
        pos = m.end()

"""Input formats: which parts of a file are text to clean, and which are left exactly as they are.

``txt`` is all text. ``md`` and ``html`` name *protected spans* (code, markup, URLs) that the
rules never see (``masking``). ``jsonl`` cleans chosen string fields of every record
(``jsonl``). The format comes from ``--input-format`` or the file's extension.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from . import html, markdown

FORMATS = ("txt", "md", "html", "jsonl")
EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
PROTECTORS: dict[str, Callable[[str], list[tuple[int, int]]]] = {
    "md": markdown.protected_spans,
    "html": html.protected_spans,
}


def known(path: str) -> bool:
    """True for a file whose extension names a format (what a directory walk picks up)."""
    return os.path.splitext(path)[1].lower() in EXTENSIONS


def format_of(path: str, override: str | None = None) -> str:
    """The format for ``path``: ``override`` when given, else by extension, else plain text."""
    if override:
        if override not in FORMATS:
            raise ValueError(f"unknown input format {override!r}; use one of {', '.join(FORMATS)}")
        return override
    return EXTENSIONS.get(os.path.splitext(path)[1].lower(), "txt")


def protected_spans(fmt: str, text: str) -> list[tuple[int, int]]:
    protector = PROTECTORS.get(fmt)
    return protector(text) if protector else []

"""The public Python API: load a glossary once, clean many texts with it."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from ._version import VERSION
from .engine import clean
from .errors import GlossaryError
from .glossary import cache
from .glossary.compiled import Compiled, compile_glossary
from .glossary.loader import Glossary, sources
from .glossary.loader import load_glossary as _load
from .model import CleanResult
from .rules import RULES, select_rules


def load_glossary(paths: Sequence[Path | str] = (), use_default: bool = True) -> Compiled:
    """Load and compile glossaries (the bundled one first, then ``paths``, later ones winning).

    The compiled form is cached on disk, keyed by the files' content (see ``glossary.cache``).
    Raises ``GlossaryError`` listing every problem as ``FILE:LINE: ID: message``.
    """
    key = cache.content_key([(name, path) for _, name, path in sources(paths, use_default)], VERSION)
    if key is not None:
        cached = cache.load(key)
        if isinstance(cached, Compiled):
            return cached
    compiled = compile_loaded(_load(paths, use_default))
    if key is not None:
        cache.store(key, compiled)
    return compiled


def compile_loaded(glossary: Glossary) -> Compiled:
    if glossary.problems:
        raise GlossaryError(glossary.problems)
    try:
        return compile_glossary(glossary.entries, glossary.layers)
    except Exception as exc:  # a pattern that does not compile, found before validation ran
        raise GlossaryError([f"glossary: cannot compile: {exc}"]) from None


@functools.lru_cache(maxsize=1)
def default_glossary() -> Compiled:
    return load_glossary()


def clean_text(
    text: str,
    suggestions: bool = False,
    glossary: Compiled | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    path: str = "-",
) -> CleanResult:
    """Clean ``text``; returns the cleaned text and every change in original coordinates.

    >>> result = clean_text("an open and普惠 economy")
    >>> result.cleaned
    'an open and universally beneficial economy'
    """
    compiled = glossary if glossary is not None else default_glossary()
    rules = select_rules(select, ignore) if (select or ignore) else RULES
    return clean(text, compiled, rules, suggestions, path)

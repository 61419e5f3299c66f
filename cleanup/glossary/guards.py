"""Load-time guards against hostile entries, checked while each entry is built (file:line known).

* A boilerplate ``pattern`` is refused before the ``regex`` module ever compiles it when it is
  too long or its nested counted repeats would unroll into millions of nodes (``regexcost``),
  and refused when it does not compile.
* An entry whose replacement re-creates one of its own keys (``wrong: [Xinhua]``,
  ``en: Xinhua News Agency``) would fire again on its own output: the engine stops such a loop
  after a few passes, but each pass can multiply the text, and the correct form itself could
  never be left alone. It is refused at load. Chains *between* entries need the compiled
  glossary and are found by ``validate`` (``cleanup glossary check``).
"""

from __future__ import annotations

from typing import Any

import regex

from ..english import at_word_bounds, matches_case, plural
from .regexcost import static_problem


def pattern_problem(pattern: str) -> str | None:
    """Why a boilerplate pattern is refused at load, or ``None``."""
    problem = static_problem(pattern)
    if problem is not None:
        return problem
    try:
        regex.compile(pattern, regex.MULTILINE | regex.V0)
    except (regex.error, OverflowError, RecursionError) as exc:
        return f"pattern does not compile: {exc}"
    return None


def recreation_problem(kind: str, values: dict[str, Any]) -> tuple[str, str] | None:
    """``(field, message)`` when the entry's output holds one of its own keys, else ``None``."""
    if kind in ("term", "idiom") and values.get("en"):
        inflect = bool(values.get("inflect"))
        outputs = [values["en"]] + ([plural(values["en"])] if inflect else [])
        for name in ("wrong", "variants"):
            for key in values.get(name, ()):
                keys = [key] + ([plural(key)] if inflect else [])
                if any(_contains_key(output, k) for output in outputs for k in keys):
                    return "en", f"output {values['en']!r} contains its own key {key!r}; the fix would fire on its own output"
    if kind == "punctuation" and values.get("en"):
        for key in values.get("zh", ()):
            if key in values["en"]:
                return "en", f"output {values['en']!r} contains its own key {key!r}; the fix would fire on its own output"
    return None


def _contains_key(text: str, key: str) -> bool:
    """Whether the English matcher would find ``key`` in ``text`` (word bounds, its case rule)."""
    low, wanted = text.lower(), key.lower()
    sensitive = any(c.isupper() for c in key)
    start = low.find(wanted)
    while start != -1:
        end = start + len(wanted)
        if at_word_bounds(text, start, end) and (not sensitive or matches_case(text[start:end], key)):
            return True
        start = low.find(wanted, start + 1)
    return False

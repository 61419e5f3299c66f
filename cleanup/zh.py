"""Chinese-script helpers: Han runs, script folding of glossary keys, pinyin.

The document is never converted. OpenCC is applied to glossary *keys* at compile time, so a
traditional, Taiwan or Hong Kong form in the text finds the simplified entry while every offset
still points into the text exactly as the user gave it. Heavy tables (OpenCC, pypinyin) load on
first use, per process.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator

import regex

HAN = regex.compile(r"[\p{Han}\u3007]+")
HAN_CHAR = regex.compile(r"[\p{Han}\u3007]")
# A token of Latin letters glued directly to Han characters, on either side.
LATIN = regex.compile(r"[A-Za-z]+")
FOLD_CONFIGS = ("s2t", "s2tw", "s2twp", "s2hk", "t2s", "tw2s", "hk2s")


def has_han(text: str) -> bool:
    return HAN_CHAR.search(text) is not None


def han_runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of consecutive Han characters; files that are pure ASCII are skipped at once."""
    if text.isascii():
        return
    for m in HAN.finditer(text):
        yield m.start(), m.end()


@functools.lru_cache(maxsize=None)
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


def script_forms(key: str) -> set[str]:
    """The key in every script variant OpenCC knows (simplified, traditional, Taiwan, HK)."""
    forms = {key}
    for config in FOLD_CONFIGS:
        forms.add(_converter(config).convert(key))
    return forms


def simplify(text: str) -> str:
    return str(_converter("t2s").convert(text))


@functools.lru_cache(maxsize=65536)
def readings(char: str) -> tuple[str, ...]:
    """Toneless pinyin readings of one character, most common first (heteronyms included)."""
    from pypinyin import Style, pinyin

    result = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    if not result:
        return ()
    return tuple(dict.fromkeys(r.replace("ü", "v") for r in result[0]))


def pinyin_matches(latin: str, chars: str, limit: int = 64) -> bool:
    """True when ``latin`` (any case, spaces/apostrophes ignored) spells the pinyin of ``chars``."""
    want = regex.sub(r"[\s'’-]", "", latin).lower().replace("ü", "v")
    if not want or len(chars) > 8:
        return False
    options = [readings(c) for c in chars]
    if any(not o for o in options):
        return False
    for combo in itertools.islice(itertools.product(*options), limit):
        if "".join(combo) == want:
            return True
    return False


def pinyin_of(text: str) -> str:
    """Pinyin with tone marks, syllables separated by spaces, for display in reports."""
    from pypinyin import Style, pinyin

    return " ".join(p[0] for p in pinyin(text, style=Style.TONE, errors="default"))

"""Chinese-script helpers: Han runs, script folding of glossary keys, pinyin.

The document is never converted. OpenCC is applied to glossary *keys* at compile time, so a
traditional, Taiwan or Hong Kong form in the text finds the simplified entry while every offset
still points into the text exactly as the user gave it. Heavy tables (OpenCC, pypinyin) load on
first use, per process.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator

import regex

# A run of Han characters; a middle dot between Han characters joins a transliterated foreign
# name (弗拉基米尔·普京), so it belongs to the run.
HAN = regex.compile(r"[\p{Han}\u3007]+(?:[·•・‧][\p{Han}\u3007]+)*")
HAN_CHAR = regex.compile(r"[\p{Han}\u3007]")
# A token of Latin letters glued directly to Han characters, on either side.
LATIN = regex.compile(r"[A-Za-z]+")
FOLD_CONFIGS = ("s2t", "s2tw", "s2twp", "s2hk", "t2s", "tw2s", "hk2s")


def has_han(text: str) -> bool:
    return HAN_CHAR.search(text) is not None


# Every character of a Han run is outside ASCII, so a run lies inside one stretch of non-ASCII
# text. ``regex`` finds such stretches at memory speed (over 1 GB/s here, a plain character
# class it can skip through) where ``\p{Han}`` inspects every character (about 85 MB/s).
NON_ASCII = regex.compile(r"[^\x00-\x7f]+")


def han_runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of consecutive Han characters, looked for only inside non-ASCII stretches."""
    if text.isascii():
        return
    for stretch in NON_ASCII.finditer(text):
        for m in HAN.finditer(text, stretch.start(), stretch.end()):
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


@functools.lru_cache(maxsize=8192)
def _simplified_char(ch: str) -> str:
    out = str(_converter("t2s").convert(ch))
    return out if len(out) == 1 else ch


def simplified_same_length(text: str) -> str:
    """``text`` with each traditional Han character in its simplified form, one for one, so that
    every offset still points into the text as given (whole-text conversion may merge phrases)."""
    table = {ord(ch): simple for ch in set(text) if ch >= "\u3400" and (simple := _simplified_char(ch)) != ch}
    return text.translate(table) if table else text


@functools.lru_cache(maxsize=1)
def char_table() -> dict[int, str]:
    """pypinyin's per-character readings (``{codepoint: "xíng,háng"}``), without its phrase tables.

    Importing ``pypinyin`` costs about 0.5 s (phrase dictionaries); this table alone loads in
    about 50 ms, and per-character readings are all that mixed tokens and display need.
    """
    import importlib.util
    import os

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:  # pragma: no cover - dependency missing
        return {}
    path = os.path.join(os.path.dirname(spec.origin), "pinyin_dict.py")
    file_spec = importlib.util.spec_from_file_location("_cleanup_pinyin_dict", path)
    if file_spec is None or file_spec.loader is None:  # pragma: no cover
        return {}
    module = importlib.util.module_from_spec(file_spec)
    file_spec.loader.exec_module(module)
    return dict(module.pinyin_dict)


def strip_tones(syllable: str) -> str:
    bare = unicodedata.normalize("NFD", syllable)
    return "".join(c for c in bare if not unicodedata.combining(c)).replace("ü", "v")


@functools.lru_cache(maxsize=65536)
def readings(char: str) -> tuple[str, ...]:
    """Toneless pinyin readings of one character, most common first (heteronyms included)."""
    raw = char_table().get(ord(char), "")
    return tuple(dict.fromkeys(strip_tones(r) for r in raw.split(",") if r))


_SEPARATORS = regex.compile(r"[\s'’-]")


@functools.lru_cache(maxsize=4096)
def _spelled(latin: str) -> str:
    return _SEPARATORS.sub("", latin).lower().replace("ü", "v")


@functools.lru_cache(maxsize=65536)
def can_begin(latin: str, char: str) -> bool:
    """Can ``latin`` start with a reading of ``char``? (What every spelling of a key must pass
    first; asked of thousands of candidate keys, so it is remembered.)"""
    want = _spelled(latin)
    return any(want.startswith(r) for r in readings(char))


def pinyin_matches(latin: str, chars: str, limit: int = 64) -> bool:
    """True when ``latin`` (any case, spaces/apostrophes ignored) spells the pinyin of ``chars``.

    Only the first ``limit`` combinations of readings (heteronyms) count, in the order
    ``itertools.product`` gives them; they are walked depth first, and a reading that does not
    continue the spelling prunes every combination under it.
    """
    want = _spelled(latin)
    if not want or not chars or len(chars) > 8 or not any(want.startswith(r) for r in readings(chars[0])):
        return False  # (the common case, cheaply: the first character cannot start the spelling)
    options = [readings(c) for c in chars]
    if any(not o for o in options):
        return False
    strides = [1] * len(options)
    for k in range(len(options) - 2, -1, -1):
        strides[k] = strides[k + 1] * len(options[k + 1])
    return _spells(want, 0, options, 0, strides, 0, limit)


def _spells(want: str, pos: int, options: list[tuple[str, ...]], k: int, strides: list[int], rank: int, limit: int) -> bool:
    """Does some combination of ``options[k:]`` (rank below ``limit``) spell ``want[pos:]``?"""
    if k == len(options):
        return pos == len(want)
    for i, reading in enumerate(options[k]):
        first = rank + i * strides[k]  # the lowest rank under this reading
        if first >= limit:
            return False
        if want.startswith(reading, pos) and _spells(want, pos + len(reading), options, k + 1, strides, first, limit):
            return True
    return False


def pinyin_of(text: str) -> str:
    """Pinyin with tone marks (most common reading), syllables separated by spaces, for display."""
    table = char_table()
    return " ".join(table.get(ord(c), c).split(",")[0] for c in text)

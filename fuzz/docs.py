"""Random documents from a vocabulary, as lists of pieces (so a failure can be shrunk piece by
piece). ``rng`` is any ``random.Random``-like object; the same seed gives the same document."""

from __future__ import annotations

import random
from collections.abc import Callable

from .vocab import (
    ASCII_WORDS,
    CJK_PUNCTUATION,
    DATES,
    LATIN_SYLLABLES,
    NEWLINES,
    SPACES,
    Vocabulary,
)

Piece = Callable[[random.Random, Vocabulary], str]


def _case(rng: random.Random, text: str) -> str:
    return rng.choice([text, text, text.lower(), text.upper(), text.title()])


def _pick(rng: random.Random, items: list[str], fallback: str = "text") -> str:
    """A random item; a small glossary may have no items of a kind."""
    return rng.choice(items) if items else fallback


def zh_key(rng: random.Random, v: Vocabulary) -> str:
    return _pick(rng, v.zh, "中文")


def english_key(rng: random.Random, v: Vocabulary) -> str:
    return _case(rng, _pick(rng, v.english))


def mixed_token(rng: random.Random, v: Vocabulary) -> str:
    key = _pick(rng, v.zh, "中文")
    cut = rng.randrange(len(key)) if len(key) > 1 else 0
    latin = rng.choice(LATIN_SYLLABLES)
    return rng.choice([latin + key[cut:], key[:cut + 1] + latin, latin + key, key + latin])


def random_han(rng: random.Random, v: Vocabulary) -> str:
    return "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(rng.randint(1, 5)))


def punctuation(rng: random.Random, v: Vocabulary) -> str:
    return "".join(rng.choice(CJK_PUNCTUATION) for _ in range(rng.randint(1, 2)))


def newline(rng: random.Random, v: Vocabulary) -> str:
    return rng.choice(NEWLINES)


def space(rng: random.Random, v: Vocabulary) -> str:
    return rng.choice(SPACES)


def ascii_text(rng: random.Random, v: Vocabulary) -> str:
    if rng.random() < 0.5:
        return " ".join(rng.choice(ASCII_WORDS) for _ in range(rng.randint(1, 4)))
    return "".join(chr(rng.randint(32, 126)) for _ in range(rng.randint(1, 12)))


def example(rng: random.Random, v: Vocabulary) -> str:
    return _pick(rng, v.examples)


def paragraph(rng: random.Random, v: Vocabulary) -> str:
    """An example as a paragraph of its own (where boilerplate and bylines live)."""
    return rng.choice(["\n\n", "\r\n\r\n", "\n"]) + _pick(rng, v.examples) + rng.choice(["\n\n", "\r\n", "\n", ""])


def amount(rng: random.Random, v: Vocabulary) -> str:
    return rng.choice(v.amounts) if v.amounts else rng.choice(DATES)


def date(rng: random.Random, v: Vocabulary) -> str:
    return rng.choice(DATES)


PIECES: list[tuple[Piece, int]] = [
    (zh_key, 12), (english_key, 12), (mixed_token, 6), (random_han, 5), (punctuation, 8), (newline, 8),
    (space, 20), (ascii_text, 10), (example, 6), (paragraph, 3), (amount, 3), (date, 2),
]  # fmt: skip
_MAKERS = [p for p, _ in PIECES]
_WEIGHTS = [w for _, w in PIECES]


def pieces(rng: random.Random, vocab: Vocabulary, most: int = 40) -> list[str]:
    """One document as its pieces: between 0 and ``most`` of them."""
    count = rng.randint(0, most)
    return [maker(rng, vocab) for maker in rng.choices(_MAKERS, _WEIGHTS, k=count)]

"""Coverage-guided fuzzing with atheris (``pip install atheris``; CPython on Linux/macOS).

    python -m fuzz.atheris_target -atheris_runs=100000 [corpus_dir]

atheris's byte stream chooses the pieces (glossary keys in every script form, wrong renderings,
mixed tokens, punctuation, newlines, raw Unicode) and whether suggestions apply; the cleanup
package is instrumented so that inputs reaching new branches are kept and mutated. The
invariants are those of ``fuzz.checks``; a broken one raises, and atheris saves the input
(``crash-*``) and stops. Reproduce with ``python -m fuzz.atheris_target crash-FILE``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["cleanup"]):
    from cleanup.api import load_glossary
    from cleanup.engine import clean  # noqa: F401 - instrumented for coverage

from .checks import check
from .vocab import (
    ASCII_WORDS,
    CJK_PUNCTUATION,
    LATIN_SYLLABLES,
    NEWLINES,
    SPACES,
    vocabulary,
)

GLOSSARY = load_glossary()
VOCAB = vocabulary(GLOSSARY)
TABLES = [VOCAB.zh, VOCAB.english, VOCAB.examples, CJK_PUNCTUATION, NEWLINES, SPACES, ASCII_WORDS, LATIN_SYLLABLES]


def document(data: bytes) -> tuple[str, bool]:
    fdp = atheris.FuzzedDataProvider(data)
    suggestions = fdp.ConsumeBool()
    parts = []
    for _ in range(fdp.ConsumeIntInRange(0, 40)):
        kind = fdp.ConsumeIntInRange(0, len(TABLES) + 1)
        if kind < len(TABLES):
            table = TABLES[kind]
            parts.append(table[fdp.ConsumeIntInRange(0, len(table) - 1)])
        elif kind == len(TABLES):
            parts.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 8)))
        else:  # a mixed token: Latin glued to part of a Chinese key
            key = VOCAB.zh[fdp.ConsumeIntInRange(0, len(VOCAB.zh) - 1)]
            parts.append(LATIN_SYLLABLES[fdp.ConsumeIntInRange(0, len(LATIN_SYLLABLES) - 1)] + key[fdp.ConsumeIntInRange(0, len(key) - 1):])
    return "".join(parts), suggestions


def test_one_input(data: bytes) -> None:
    text, suggestions = document(data)
    problems = check(text, GLOSSARY, suggestions)
    if problems:
        raise AssertionError(f"{problems} for {text!r} (suggestions={suggestions})")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""The quick CI subset of the fuzz run, on the bundled glossary (the long run: ``make fuzz``).

Two sources of documents, both built from the bundled glossary's own vocabulary: the fuzz
generator's first documents (the same numbering as ``python -m fuzz``, so a failure here is
``python -m fuzz --only N``), and a hypothesis strategy over the same pieces, which shrinks a
failure to a minimal document. The invariants are ``fuzz.checks``: no exception, offsets match
``before``, replay and inversion of the change log, text outside the edits unchanged,
idempotence.
"""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanup.glossary.compiled import Compiled
from fuzz.checks import check
from fuzz.docs import pieces
from fuzz.vocab import CJK_PUNCTUATION, NEWLINES, SPACES, Vocabulary, vocabulary

SEED = "cleanup-fuzz-1"  # python -m fuzz's default
QUICK_DOCS = 150
EXAMPLES = 2000 if os.environ.get("CLEANUP_FUZZ") else 120


@pytest.fixture(scope="module")
def vocab(bundled: Compiled) -> Vocabulary:
    return vocabulary(bundled)


@pytest.mark.parametrize("block", range(3))
def test_generated_documents(bundled: Compiled, vocab: Vocabulary, block: int) -> None:
    failures = []
    size = QUICK_DOCS // 3
    for number in range(block * size, (block + 1) * size):
        rng = random.Random(f"{SEED}:{number}")
        doc = "".join(pieces(rng, vocab))
        suggestions = rng.random() < 0.5
        problems = check(doc, bundled, suggestions)
        if problems:
            failures.append((number, problems, doc))
    assert not failures, failures[:3]


def test_vocabulary_covers_every_kind_of_piece(vocab: Vocabulary) -> None:
    assert any("\u4e00" <= c <= "\u9fff" for key in vocab.zh for c in key)
    assert len(vocab.zh) > 1000 and len(vocab.english) > 1000 and len(vocab.examples) > 1000
    assert any(k != k.lower() for k in vocab.english)  # case-sensitive keys are in


def _strategy(vocab: Vocabulary) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(vocab.zh),
        st.sampled_from(vocab.english).flatmap(lambda k: st.sampled_from([k, k.upper(), k.lower(), k.title()])),
        st.sampled_from(vocab.examples),
        st.tuples(st.sampled_from(["Guan", "Ren", "HK", "a"]), st.sampled_from(vocab.zh)).map("".join),
        st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=4),
        st.sampled_from(CJK_PUNCTUATION),
        st.sampled_from(NEWLINES),
        st.sampled_from(SPACES),
        st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=10),
    )
    return st.lists(piece, max_size=25).map("".join)


def test_hypothesis_documents(bundled: Compiled, vocab: Vocabulary) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(_strategy(vocab), st.booleans())
    def property_holds(text: str, suggestions: bool) -> None:
        assert check(text, bundled, suggestions) == []

    property_holds()


def test_checks_catch_a_broken_change_log(bundled: Compiled, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks can fail: an engine that shifts one change's offsets is caught."""
    import dataclasses

    from cleanup.engine import clean as real_clean
    from fuzz import checks

    def broken(text, glossary, rules=None, suggestions=False, path="-"):  # type: ignore[no-untyped-def]
        result = real_clean(text, glossary, suggestions=suggestions)
        changes = list(result.changes)
        if changes:
            changes[0] = dataclasses.replace(changes[0], start=changes[0].start + 1)
        return dataclasses.replace(result, changes=tuple(changes))

    monkeypatch.setattr(checks, "clean", broken)
    assert checks.check("the 普惠 trade", bundled)

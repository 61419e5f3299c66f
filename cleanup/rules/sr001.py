"""Glossary term in the Chinese source missing from its English translation.

What it does
    In source-aware mode (``cleanup check --source``), finds every glossary term in a
    paragraph of the Chinese source and checks that the aligned English paragraph renders it
    with the glossary's approved English. Reports the English paragraph when the term left no
    trace there: neither the approved form, nor a variant or wrong rendering (EN001 and EN003
    report those at their exact place), nor the Chinese itself (ZH001 reports that).

Why is this bad?
    A key term that disappears in translation is either dropped content or a rendering the
    glossary does not know; both need a human. This is the key-term mismatch check that
    translation QA tools (Xbench, Verifika) are bought for.

Example
    Source ``观察者网报道，…`` with the translation ``The website reported that …``: SR001 on
    that paragraph, "source term 观察者网 … should appear as 'Observer Network'".

Fix safety
    No fix: where and how the term belongs in the sentence is for the translator to decide.
    Runs only with a source; terms whose glossary entry is a suggestion (several senses),
    idioms, and one-character keys are not checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding
from ..source.pair import Pair
from .base import report

CODE = "SR001"
NAME = "missing-term"
DEFAULT = "report only (needs --source)"


def check_pair(pair: Pair) -> Iterator[Finding]:
    seen: set[int] = set()
    for hit in pair.terms:
        if hit.entry in seen:
            continue
        seen.add(hit.entry)
        if pair.term_rendered(hit):
            continue
        entry = pair.glossary.entry(hit.entry)
        message = (
            f"source term {hit.key} ({pair.source_where(hit.start)}) should appear as "
            f"'{entry.en}'; not found in this paragraph"
        )
        yield report(CODE, pair.start, pair.end, message, entry.origin)

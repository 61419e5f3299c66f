"""Glossary invariants, checked by ``cleanup glossary check`` and by the test suite.

Every problem is one line ``FILE:LINE: ID: message``. The invariants keep one pass of the tool
idempotent (typos' and codespell's dictionary tests): no output of an entry is matched again,
keys are unique after script and case folding, patterns compile and cannot match empty text,
and every entry's examples give exactly their expected output.
"""

from __future__ import annotations

import regex

from ..english import plural
from ..errors import CleanupError
from ..scan import Scan
from ..zh import script_forms
from .compiled import Compiled, compile_glossary
from .entries import Entry
from .loader import Glossary


def check_glossary(glossary: Glossary) -> list[str]:
    """Every problem of a loaded glossary: load errors, invariants, then examples."""
    problems = list(glossary.problems)
    entries = glossary.entries
    problems += _unique_zh(entries, glossary.layers)
    problems += _unique_en(entries, glossary.layers)
    pattern_problems = _patterns(entries)
    problems += pattern_problems
    if pattern_problems:
        return problems
    compiled = compile_glossary(entries, glossary.layers)
    problems += _no_chains(entries, compiled)
    problems += check_examples(entries, compiled)
    return problems


def _unique_zh(entries: list[Entry], layers: dict[str, int]) -> list[str]:
    seen: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        if entry.kind not in ("term", "idiom"):
            continue
        for key in entry.zh:
            for form in script_forms(key):
                other = seen.get(form)
                if other is not None and other.id != entry.id:
                    problems.append(_clash(entry, "zh", key, other, layers))
                    break
                seen[form] = entry
    return [p for p in problems if p]


def _english_keys(entry: Entry) -> list[str]:
    keys = list(entry.wrong) + list(entry.variants)
    if entry.inflect:
        keys += [plural(k) for k in keys]
    return keys


def _unique_en(entries: list[Entry], layers: dict[str, int]) -> list[str]:
    seen: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        for key in _english_keys(entry):
            low = key.lower()
            other = seen.get(low)
            if other is not None and other.id != entry.id:
                problems.append(_clash(entry, "wrong", key, other, layers))
                continue
            seen[low] = entry
    return [p for p in problems if p]


def _clash(entry: Entry, field: str, key: str, other: Entry, layers: dict[str, int]) -> str:
    if layers.get(entry.id, 0) != layers.get(other.id, 0):
        return ""  # a later layer deliberately overrides; reported as a notice by the loader
    return (
        f"{entry.where(field)}: {entry.id}: key {key!r} is also a key of "
        f"{other.id} ({other.file}:{other.line})"
    )


def _no_chains(entries: list[Entry], compiled: Compiled) -> list[str]:
    """No replacement may be matched by a key of any entry (the fix would fire again)."""
    problems = []
    for entry in entries:
        if entry.kind not in ("term", "idiom") or not entry.en:
            continue
        outputs = [entry.en] + ([plural(entry.en)] if entry.inflect else [])
        for output in outputs:
            hits = [h for h in Scan(output, compiled).fix_hits if h.key.role != "variant"]
            if hits:
                other = compiled.entry(hits[0].key.entry)
                problems.append(
                    f"{entry.where('en')}: {entry.id}: output {output!r} contains key "
                    f"{hits[0].key.text!r} of {other.id} ({other.file}:{other.line}); "
                    "the fix would not converge"
                )
                break
    return problems


def check_examples(entries: list[Entry], compiled: Compiled) -> list[str]:
    """Run every example through the whole tool (all rules, suggestions applied)."""
    from ..engine import clean

    problems = []
    for entry in entries:
        for example in entry.examples:
            try:
                got = clean(example.text, compiled, suggestions=True).cleaned
            except CleanupError as exc:
                problems.append(f"{entry.file}:{example.line}: {entry.id}: example fails: {exc}")
                continue
            want = example.text if example.out is None else example.out
            if got != want:
                what = "must stay unchanged" if example.out is None else f"expected {want!r}"
                problems.append(
                    f"{entry.file}:{example.line}: {entry.id}: example {example.text!r} gave {got!r}, {what}"
                )
    return problems


def _patterns(entries: list[Entry]) -> list[str]:
    problems = []
    for entry in entries:
        if entry.kind != "boilerplate":
            continue
        try:
            compiled = regex.compile(entry.pattern, regex.MULTILINE)
        except regex.error as exc:
            problems.append(f"{entry.where('pattern')}: {entry.id}: pattern does not compile: {exc}")
            continue
        if compiled.fullmatch("", timeout=1.0) is not None or compiled.search("", timeout=1.0):
            problems.append(f"{entry.where('pattern')}: {entry.id}: pattern matches empty text")
        elif entry.keep and entry.keep > compiled.groups:
            problems.append(f"{entry.where('keep')}: {entry.id}: keep {entry.keep} but the pattern has {compiled.groups} groups")
    return problems

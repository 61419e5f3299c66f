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
from ..zh import han_runs, script_forms
from . import regexcost
from .compiled import Compiled, compile_glossary
from .entries import Entry
from .loader import Glossary


def check_glossary(glossary: Glossary) -> list[str]:
    """Every problem of a loaded glossary: load errors, invariants, then examples."""
    problems = list(glossary.problems)
    entries = glossary.entries
    problems += _han_keys(entries)
    problems += _unique_zh(entries, glossary.layers)
    problems += _unique_en(entries, glossary.layers)
    pattern_problems = _patterns(entries)
    problems += pattern_problems
    if pattern_problems:
        return problems
    compiled = compile_glossary(entries, glossary.layers)
    problems += _no_chains(entries, compiled)
    shadowed = {old.id for old, _, _ in _overridden_keys(glossary)}
    problems += check_examples([e for e in entries if e.id not in shadowed], compiled)
    return problems


def key_overrides(glossary: Glossary) -> list[str]:
    """One note per key that a later layer's entry takes over from an earlier layer's entry.

    ``_clash`` lets these through on purpose (a user's glossary wins); the overridden entry's
    examples are not run, since they expect the English the user replaced.
    """
    return [
        f"{new.where(field)}: {new.id}: key {key!r} overrides {old.id} ({old.file}:{old.line})"
        for old, new, (field, key) in _overridden_keys(glossary)
    ]


def _overridden_keys(glossary: Glossary) -> list[tuple[Entry, Entry, tuple[str, str]]]:
    layers = glossary.layers
    if len(set(layers.values())) < 2:
        return []  # one layer: a shared key is a clash, reported by _unique_zh / _unique_en
    seen: dict[tuple[str, str], Entry] = {}
    out: dict[tuple[str, str], tuple[Entry, Entry, tuple[str, str]]] = {}
    for entry in sorted(glossary.entries, key=lambda e: layers.get(e.id, 0)):
        for field, key, folded in _folded_keys(entry):
            old = seen.get((field, folded))
            if old is not None and old.id != entry.id and layers.get(old.id, 0) < layers.get(entry.id, 0):
                out.setdefault((old.id, key), (old, entry, (field, key)))
            seen[(field, folded)] = entry
    return list(out.values())


def _folded_keys(entry: Entry) -> list[tuple[str, str, str]]:
    """``(field, key, folded key)``: Chinese keys in every script form, English keys lower-cased."""
    keys = [("zh", k, form) for k in entry.zh for form in script_forms(k)] if entry.kind in ("term", "idiom") else []
    return keys + [("wrong", k, k.lower()) for k in _english_keys(entry)]


def _han_keys(entries: list[Entry]) -> list[str]:
    """A Chinese key is looked for inside runs of Han characters: one with a digit, a Latin
    letter or a space in it (双11, 5A级景区) would never match, and its examples would fail for a
    reason the author cannot see."""
    problems = []
    for entry in entries:
        for key in entry.zh if entry.kind in ("term", "idiom", "currency") else ():
            if list(han_runs(key)) != [(0, len(key))]:
                line = entry.field_lines.get("zh", entry.line)
                problems.append(
                    f"{entry.file}:{line}: {entry.id}: key {key!r} is not all Chinese characters; keys are "
                    "matched inside runs of Han characters, so it would never match"
                )
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
        if entry.kind == "boilerplate":
            problem = _pattern_problem(entry)
            if problem is not None:
                problems.append(problem)
    return problems


def _pattern_problem(entry: Entry) -> str | None:
    """Compiles; matches no empty text (in the examples or a few generic lines); its ``keep``
    group exists; no example's output is matched again; no catastrophic backtracking."""
    where = f"{entry.where('pattern')}: {entry.id}"
    try:
        compiled = regex.compile(entry.pattern, regex.MULTILINE)
    except regex.error as exc:
        return f"{where}: pattern does not compile: {exc}"
    examples = tuple(e.text for e in entry.examples)
    slow = regexcost.probe(compiled, examples)
    if slow is not None:
        return f"{where}: {slow}"
    if regexcost.matches_empty(compiled, examples):
        return f"{where}: pattern matches empty text"
    if entry.keep and entry.keep > compiled.groups:
        return f"{entry.where('keep')}: {entry.id}: keep {entry.keep} but the pattern has {compiled.groups} groups"
    for example in entry.examples:
        if example.out and compiled.search(example.out, timeout=regexcost.PROBE_TIMEOUT):
            return (
                f"{entry.file}:{example.line}: {entry.id}: the output {example.out!r} is matched by the "
                "pattern again; the fix would fire on its own output"
            )
    return None

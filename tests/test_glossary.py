"""The bundled glossary: its invariants hold and every entry's examples give their output."""

from __future__ import annotations

from collections import Counter

import pytest

from cleanup.engine import clean
from cleanup.glossary.loader import load_glossary
from cleanup.glossary.validate import check_glossary

LOADED = load_glossary()
EXAMPLES = [(e, x) for e in LOADED.entries for x in e.examples]


def test_bundled_glossary_has_no_problems() -> None:
    assert check_glossary(LOADED) == []


def test_every_entry_has_a_note_and_examples() -> None:
    for entry in LOADED.entries:
        assert entry.note.strip(), entry.id
        assert entry.examples or entry.kind == "allow", entry.id


def test_files_are_sorted_by_id() -> None:
    by_file: dict[str, list[str]] = {}
    for entry in LOADED.entries:
        by_file.setdefault(entry.file, []).append(entry.id)
    for file, ids in by_file.items():
        assert ids == sorted(ids), f"{file} is not sorted by id"


def test_ids_unique() -> None:
    counts = Counter(e.id for e in LOADED.entries)
    assert [i for i, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(
    ("entry", "example"), EXAMPLES, ids=[f"{e.id}:{x.line}" for e, x in EXAMPLES]
)
def test_example(entry, example, bundled) -> None:
    got = clean(example.text, bundled, suggestions=True).cleaned
    assert got == (example.text if example.out is None else example.out)

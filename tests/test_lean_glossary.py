"""The compact compiled glossary: lazy entries, the affix index and the flat English key index
answer exactly what the plain structures they replace would."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from cleanup.api import default_glossary
from cleanup.batch.consistency import renderings
from cleanup.glossary.compiled import Compiled
from cleanup.glossary.enindex import ROLES, EnIndex, EnKey
from cleanup.glossary.lean import Affixes, LazyEntries, entries_digest
from cleanup.scan import Scan, scan_of


@pytest.fixture(scope="module")
def glossary() -> Compiled:
    return default_glossary()


def test_lazy_entries_decode_to_the_same_entries(glossary: Compiled) -> None:
    plain = list(glossary.entries)
    lazy = LazyEntries(plain)
    assert len(lazy) == len(plain)
    for i in (0, 1, len(plain) // 2, len(plain) - 1, -1):
        assert lazy[i] == plain[i]
        assert lazy[i].field_lines == plain[i].field_lines  # not part of ==, but kept
        assert lazy[i].examples == plain[i].examples
    assert lazy[3] is lazy[3]  # decoded once
    assert lazy[2:5] == plain[2:5]
    assert list(lazy) == plain


def test_a_pickled_glossary_carries_lazy_entries_without_their_memo(glossary: Compiled) -> None:
    copy = pickle.loads(pickle.dumps(glossary))
    assert isinstance(copy.entries, LazyEntries)
    assert copy.entry(10) == glossary.entry(10)
    again = pickle.loads(pickle.dumps(copy))
    assert again.entries._decoded == {}  # the per-process memo is never stored
    assert again.entry(10) == glossary.entry(10)


def test_entries_digest_follows_content(glossary: Compiled) -> None:
    plain = list(glossary.entries)
    assert entries_digest(plain) == entries_digest(LazyEntries(plain))
    changed = plain[:]
    changed[5] = replace(changed[5], note=changed[5].note + " (edited)")
    assert entries_digest(changed) != entries_digest(plain)


def _unshared(text: str) -> str:
    """An equal string that is a different object (and not interned)."""
    return "".join([text[:1], text[1:]]) if len(text) > 1 else text


def test_entries_digest_is_the_same_whichever_objects_hold_the_text(glossary: Compiled) -> None:
    """The compiling run and a run that reads the cache hold equal entries in different string
    objects (shared, interned or not): the digest, which the resume manifest trusts, must not
    see the difference."""
    entry = next(e for e in glossary.entries if len(e.en) > 1 and e.examples and e.examples[0].out)
    shared = replace(entry, note=entry.en, examples=tuple(replace(x, out=entry.en) for x in entry.examples))
    separate = replace(
        shared, en=_unshared(shared.en), note=_unshared(shared.en),
        examples=tuple(replace(x, out=_unshared(shared.en)) for x in shared.examples),
    )
    assert shared == separate
    assert entries_digest([shared]) == entries_digest([separate])


def _brute_suffix(forms: list[str], suffix: str) -> list[str]:
    found = [f for f in forms if f.endswith(suffix) and len(f) > len(suffix)]
    return sorted(found, key=lambda f: (-len(f), f))


def _brute_prefix(forms: list[str], prefix: str) -> list[str]:
    found = [f for f in forms if f.startswith(prefix) and len(f) > len(prefix)]
    return sorted(found, key=lambda f: (-len(f), f))


def test_affixes_list_what_a_scan_of_every_form_lists(glossary: Compiled) -> None:
    forms = sorted(glossary.zh)
    index = Affixes(forms)
    probes = {f[k:] for f in forms[::37] for k in range(1, len(f))} | {f[:k] for f in forms[::37] for k in range(1, len(f))}
    probes |= {"网", "报", "国", "不存在的词"}
    for probe in sorted(probes):
        assert index.with_suffix(probe) == _brute_suffix(forms, probe), probe
        assert index.with_prefix(probe) == _brute_prefix(forms, probe), probe


def test_affix_filter_sees_the_first_missing_character() -> None:
    index = Affixes(["观察者网", "警察者网", "察者网", "人民日报", "人民网"])
    assert index.with_suffix("察者网") == ["观察者网", "警察者网"]
    assert index.with_suffix("察者网", lambda c: c == "观") == ["观察者网"]
    assert index.with_prefix("人民", lambda c: c == "日") == ["人民日报"]
    assert index.with_prefix("人民") == ["人民日报", "人民网"]
    assert index.with_suffix("察者网", lambda c: False) == []


def _keys() -> list[tuple[str, list[EnKey]]]:
    return [
        ("key minerals", [EnKey(0, "key minerals", "critical minerals", "variant", False)]),
        ("critical minerals", [EnKey(0, "critical minerals", "critical minerals", "approved", False)]),
        ("us", [EnKey(1, "US", "United States", "wrong", True), EnKey(2, "us", "us", "allow", False)]),
    ]


def test_en_index_returns_each_group_s_keys_and_every_hit() -> None:
    index = EnIndex(_keys())
    low = "the key minerals and critical minerals of us"
    hits = sorted((low[s:e], [k.role for k in index.keys(g)]) for s, e, g in index.iter(low))
    assert hits == [("critical minerals", ["approved"]), ("key minerals", ["variant"]), ("us", ["wrong", "allow"])]
    first = next(g for s, e, g in index.iter(low) if low[s:e] == "us")
    assert index.keys(first) is index.keys(first)  # built once
    assert index.keys(first)[0] == EnKey(1, "US", "United States", "wrong", True)


def test_en_index_pickles_without_its_memo() -> None:
    index = EnIndex(_keys())
    copy = pickle.loads(pickle.dumps(index))
    assert copy._keys == {}
    assert [(s, e, copy.keys(g)) for s, e, g in copy.iter("us")] == [(0, 2, index.keys(next(iter(index.iter("us")))[2]))]


def test_scan_hits_are_the_same_from_a_cached_glossary(glossary: Compiled) -> None:
    text = "Beijing said key minerals and critical minerals matter to the US and the us."
    copy = pickle.loads(pickle.dumps(glossary))
    assert Scan(text, copy).en_hits == Scan(text, glossary).en_hits


def test_scan_of_shares_a_scan_of_the_same_text_and_glossary(glossary: Compiled) -> None:
    text = "The key minerals and critical minerals."
    first = scan_of(text, glossary)
    assert scan_of(text, glossary) is first
    assert scan_of("".join(["The key minerals", " and critical minerals."]), glossary) is first  # equal text
    other = pickle.loads(pickle.dumps(glossary))
    assert scan_of(text, other) is not first and scan_of(text, other).glossary is other
    for filler in ("a", "b", "c"):
        scan_of(filler, glossary)
    assert scan_of(text, glossary) is not first  # only the last few are kept


def test_renderings_count_approved_and_variant_forms(glossary: Compiled) -> None:
    counts = renderings(glossary, "Key minerals matter; critical minerals matter; a critical mineral.")
    entry = next(i for i, e in enumerate(glossary.entries) if e.id == "critical-mineral")
    assert counts[(entry, "critical mineral")] == 2 and counts[(entry, "key mineral")] == 1


def test_en_index_keys_come_back_whole_whatever_characters_they_hold() -> None:
    """The keys and replacements are stored as one string cut by offsets: no character a key
    may hold (separators, newlines, NUL, non-BMP) and no empty string shifts a neighbour."""
    odd = ["a|b", "tab\there", "line\nbreak", "nul\0byte", "", "naïve café", "😀 emoji", "US", " "]
    groups = [
        (text.lower(), [EnKey(n, text, odd[(n + 3) % len(odd)], ROLES[n % len(ROLES)], n % 2 == 0)])
        for n, text in enumerate(odd)
        if text
    ]
    groups.append(("x", [EnKey(100, "X", "", "wrong", True), EnKey(101, "x", "\0", "allow", False)]))
    index = EnIndex(groups)
    copy = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    for group, (_, keys) in enumerate(groups):
        assert index.keys(group) == copy.keys(group) == tuple(keys)


def test_en_index_of_the_bundled_glossary_survives_pickling(glossary: Compiled) -> None:
    assert glossary.en is not None
    copy = pickle.loads(pickle.dumps(glossary.en, protocol=pickle.HIGHEST_PROTOCOL))
    groups = range(len(glossary.en.lengths))
    assert [copy.keys(g) for g in groups] == [glossary.en.keys(g) for g in groups]


def test_every_chinese_form_leads_to_an_entry_that_holds_its_key(glossary: Compiled) -> None:
    """``zh`` (form → key) and ``zh_entry`` (key → entry) replace one dict of (entry, key)
    tuples; each form must still lead to an entry whose keys (or amount compounds) hold it."""
    from cleanup.glossary.compiled import AMOUNT_UNITS
    from cleanup.zh import script_forms

    assert len(glossary.zh) > 1000
    for form, key in glossary.zh.items():
        entry = glossary.entry(glossary.zh_entry[key])
        keys = set(entry.zh) | {unit + k for unit in AMOUNT_UNITS for k in (*entry.zh, *entry.bound)}
        assert key in keys, (form, key, entry.id)
        assert form in script_forms(key)
    assert glossary.zh_hit("观察者网") == (glossary.zh_entry["观察者网"], "观察者网")
    assert glossary.zh_hit("觀察者網") == glossary.zh_hit("观察者网")  # traditional form, same entry and key
    assert glossary.zh_hit("不是词条") is None


def test_a_later_layer_owns_every_form_of_a_key_it_repeats(tmp_path: Path) -> None:
    from cleanup.api import compile_loaded
    from cleanup.glossary.loader import load_glossary

    for name, en in (("a.yaml", "Observer"), ("b.yaml", "Observer Network")):
        (tmp_path / name).write_text(
            f"kind: term\nentries:\n  - id: {name[0]}\n    zh: 观察者网\n    en: {en}\n    note: n\n"
            f"    examples: [{{in: '观察者网', out: '{en}'}}]\n",
            encoding="utf-8",
        )
    g = compile_loaded(load_glossary([tmp_path / "a.yaml", tmp_path / "b.yaml"], use_default=False))
    for form in ("观察者网", "觀察者網"):
        hit = g.zh_hit(form)
        assert hit is not None and g.entry(hit[0]).en == "Observer Network"

"""The compiled-glossary cache that batch workers start from: a corrupted or stale cache is
rebuilt from the YAML, never trusted."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from cleanup.api import load_glossary
from cleanup.glossary import cache
from cleanup.glossary.compiled import Compiled

from .conftest import FIXTURES


@pytest.fixture()
def glossary_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLEANUP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CLEANUP_NO_CACHE", raising=False)
    target = tmp_path / "glossary"
    shutil.copytree(FIXTURES / "glossary", target)
    return target


def cache_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("*.pickle"))


def english(compiled: Compiled, entry_id: str) -> str:
    return next(e.en for e in compiled.entries if e.id == entry_id)


def test_second_load_comes_from_the_cache(glossary_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_glossary([glossary_dir], use_default=False)
    assert len(cache_files(tmp_path)) == 1
    monkeypatch.setattr("cleanup.api._load", lambda *a, **k: pytest.fail("the YAML was parsed again"))
    again = load_glossary([glossary_dir], use_default=False)
    assert [e.id for e in again.entries] == [e.id for e in first.entries]


@pytest.mark.parametrize("damage", ["flip-byte", "truncate", "wrong-header", "unpicklable"])
def test_corrupted_cache_is_rebuilt(glossary_dir: Path, tmp_path: Path, damage: str) -> None:
    load_glossary([glossary_dir], use_default=False)
    (path,) = cache_files(tmp_path)
    blob = path.read_bytes()
    if damage == "flip-byte":
        blob = blob[:-10] + bytes([blob[-10] ^ 0xFF]) + blob[-9:]
    elif damage == "truncate":
        blob = blob[: len(blob) // 2]
    elif damage == "wrong-header":
        blob = b"something-else\n" + blob[len(cache.FORMAT) :]
    else:  # a valid checksum over bytes that are not a pickle
        import hashlib

        payload = b"not a pickle"
        blob = cache.FORMAT + hashlib.sha256(payload).digest() + payload
    path.write_bytes(blob)
    assert cache.load(path.stem) is None  # never trusted
    rebuilt = load_glossary([glossary_dir], use_default=False)
    assert english(rebuilt, "mignon-houston") == "Mignon Houston"
    assert isinstance(cache.load(path.stem), Compiled)  # and written back whole


def test_stale_cache_is_not_used_after_the_glossary_changes(glossary_dir: Path, tmp_path: Path) -> None:
    load_glossary([glossary_dir], use_default=False)
    terms = glossary_dir / "terms.yaml"
    terms.write_text(terms.read_text(encoding="utf-8").replace("en: Mignon Houston", "en: Mignon H. Houston"), encoding="utf-8")
    changed = load_glossary([glossary_dir], use_default=False)
    assert english(changed, "mignon-houston") == "Mignon H. Houston"
    assert len(cache_files(tmp_path)) == 2  # a new key; the old file is simply not asked for


def test_compiled_glossary_survives_pickling_for_workers(glossary_dir: Path) -> None:
    compiled = load_glossary([glossary_dir], use_default=False)
    copy = pickle.loads(pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL))
    from cleanup.engine import clean

    text = "By Guan察者网 Liu Bai, Minion Houston said."
    assert clean(text, copy).cleaned == clean(text, compiled).cleaned == "By Observer Network Liu Bai, Mignon Houston said."

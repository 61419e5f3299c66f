"""The compiled-glossary cache that batch workers start from: a corrupted or stale cache is
rebuilt from the YAML, never trusted."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import time
import zlib
from pathlib import Path

import pytest

from cleanup.api import load_glossary
from cleanup.glossary import cache, digests
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
        payload = b"not a pickle"
        blob = cache.FORMAT + zlib.crc32(payload).to_bytes(cache.CHECKSUM, "big") + payload
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


# The file-digest memo: an unchanged glossary file is not hashed again, and nothing that may
# have changed is taken from the memo. Its key must be the one hashing every file gives.


def glossary_files(glossary_dir: Path) -> list[tuple[str, Path]]:
    return [(path.name, path) for path in sorted(glossary_dir.glob("*.yaml"))]


def content_only_key(files: list[tuple[str, Path]], monkeypatch: pytest.MonkeyPatch) -> str | None:
    """The key with no memo at all: every file read and hashed."""
    with monkeypatch.context() as patch:
        patch.setenv("CLEANUP_NO_CACHE", "1")
        return cache.content_key(files, "test")


def write_memo(tmp_path: Path, records: dict[Path, tuple[os.stat_result, int, bytes]]) -> None:
    """A well-formed memo: ``path -> (stat, recorded at, SHA-256)`` for each file."""
    body = b""
    for path, (seen, recorded, digest) in records.items():
        fields = (seen.st_size, seen.st_mtime_ns, seen.st_ctime_ns, seen.st_ino, seen.st_dev, recorded, digest.hex())
        body += os.fsencode(os.path.realpath(path)) + b"\0" + " ".join(map(str, fields)).encode() + b"\n"
    (tmp_path / "cache").mkdir(exist_ok=True)
    (tmp_path / "cache" / digests.MEMO).write_bytes(digests.MEMO_FORMAT + f" {zlib.crc32(body):08x}\n".encode() + body)


def settled(seen: os.stat_result) -> int:
    """A record time at which ``seen`` had long settled: an hour past the racy window, so that
    touching the file now does not make the record racy (only a changed stat can refuse it)."""
    return max(seen.st_mtime_ns, seen.st_ctime_ns) + digests.RACY_NS + 3600 * 10**9


def test_the_memo_key_is_the_content_only_key(glossary_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = glossary_files(glossary_dir)
    expected = content_only_key(files, monkeypatch)
    assert cache.content_key(files, "test") == expected  # every file hashed, the memo written
    memo = tmp_path / "cache" / digests.MEMO
    written = memo.stat()
    monkeypatch.setattr(digests, "RACY_NS", 0)  # the files were written just now: trust them anyway
    assert cache.content_key(files, "test") == expected  # every digest from the memo
    assert cache.content_key(files, "test") == expected
    assert memo.stat().st_ino == written.st_ino  # nothing was hashed, so the memo was not rewritten
    assert content_only_key(files, monkeypatch) == expected


def test_a_settled_record_is_trusted_and_a_changed_stat_is_hashed_again(
    glossary_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record whose digest is not the file's shows which way the key was made."""
    files = glossary_files(glossary_dir)
    expected = content_only_key(files, monkeypatch)
    terms = glossary_dir / "terms.yaml"
    seen = terms.stat()
    write_memo(tmp_path, {terms: (seen, settled(seen), hashlib.sha256(b"other bytes").digest())})
    assert cache.content_key(files, "test") != expected  # the record was trusted: the memo is used
    os.utime(terms, ns=(seen.st_atime_ns, seen.st_mtime_ns - 10**9))  # the same bytes, another mtime
    assert cache.content_key(files, "test") == expected
    write_memo(tmp_path, {terms: (terms.stat(), settled(terms.stat()), hashlib.sha256(b"other bytes").digest())})
    terms.write_bytes(terms.read_bytes() + b"\n")  # another size
    assert cache.content_key(files, "test") == content_only_key(files, monkeypatch) != expected


def test_a_record_made_within_the_racy_window_is_not_trusted(
    glossary_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Timestamps are coarse: a file changed less than ``RACY_NS`` before its record was made
    may have changed again with every stat field as it was, so it is always hashed again."""
    files = glossary_files(glossary_dir)
    expected = content_only_key(files, monkeypatch)
    terms = glossary_dir / "terms.yaml"
    seen = terms.stat()
    last_change = max(seen.st_mtime_ns, seen.st_ctime_ns)
    write_memo(tmp_path, {terms: (seen, last_change + digests.RACY_NS - 1, hashlib.sha256(b"other bytes").digest())})
    assert cache.content_key(files, "test") == expected
    write_memo(tmp_path, {terms: (seen, last_change + digests.RACY_NS, hashlib.sha256(b"other bytes").digest())})
    assert cache.content_key(files, "test") != expected  # settled: trusted


def test_an_edit_that_keeps_size_and_mtime_is_hashed_again(glossary_dir: Path, tmp_path: Path) -> None:
    first = load_glossary([glossary_dir], use_default=False)
    assert english(first, "mignon-houston") == "Mignon Houston"
    terms = glossary_dir / "terms.yaml"
    seen = terms.stat()
    text = terms.read_text(encoding="utf-8")
    terms.write_text(text.replace("en: Mignon Houston", "en: Mignon Hauston"), encoding="utf-8")
    os.utime(terms, ns=(seen.st_atime_ns, seen.st_mtime_ns))
    assert (terms.stat().st_size, terms.stat().st_mtime_ns) == (seen.st_size, seen.st_mtime_ns)
    assert english(load_glossary([glossary_dir], use_default=False), "mignon-houston") == "Mignon Hauston"


@pytest.mark.parametrize(
    "damage", ["garbage", "empty", "truncated", "flipped-byte", "bad-field", "no-separator", "short-digest"]
)
def test_a_corrupt_memo_is_ignored(glossary_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    """Every record below claims a wrong digest and would be trusted if it were read."""
    files = glossary_files(glossary_dir)
    expected = content_only_key(files, monkeypatch)
    monkeypatch.setattr(digests, "RACY_NS", 0)
    wrong = hashlib.sha256(b"other bytes").digest()
    write_memo(tmp_path, {path: (path.stat(), settled(path.stat()), wrong) for _, path in files})
    memo = tmp_path / "cache" / digests.MEMO
    blob = memo.read_bytes()
    body = blob.split(b"\n", 1)[1]
    if damage == "garbage":
        blob = bytes(range(256)) * 4
    elif damage == "empty":
        blob = b""
    elif damage == "truncated":
        blob = blob[:-20]
    elif damage == "flipped-byte":  # in a digest: only the CRC-32 can tell
        blob = blob[:-30] + bytes([blob[-30] ^ 0x01]) + blob[-29:]
    else:  # records that do not parse, under a valid CRC-32
        if damage == "bad-field":
            body = body.replace(b" ", b" x")
        elif damage == "no-separator":
            body = body.replace(b"\0", b" ")
        else:
            body = body.replace(wrong.hex().encode(), wrong.hex()[:62].encode())
        blob = digests.MEMO_FORMAT + f" {zlib.crc32(body):08x}\n".encode() + body
    memo.write_bytes(blob)
    assert cache.content_key(files, "test") == expected
    assert cache.content_key(files, "test") == expected  # from the memo written again, whole


def test_old_compiled_glossaries_are_pruned(glossary_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each edit writes a new cache file; only the most recently used ``KEPT`` stay."""
    monkeypatch.setattr(cache, "KEPT", 2)
    terms = glossary_dir / "terms.yaml"
    original = terms.read_text(encoding="utf-8")
    load_glossary([glossary_dir], use_default=False)
    first = cache_files(tmp_path)
    assert len(first) == 1
    later = time.time_ns() + 10**12
    os.utime(first[0], ns=(later, later))  # used "later" than any file written below
    for n in range(3):
        terms.write_text(original.replace("en: Mignon Houston", f"en: Mignon Houston {n}"), encoding="utf-8")
        load_glossary([glossary_dir], use_default=False)
    kept = cache_files(tmp_path)
    assert len(kept) == 2 and first[0] in kept  # the newest by use, and the one just written
    terms.write_text(original, encoding="utf-8")
    back = load_glossary([glossary_dir], use_default=False)  # the first file again: loaded, not rebuilt
    assert english(back, "mignon-houston") == "Mignon Houston"
    assert cache_files(tmp_path) == kept


def test_a_load_marks_the_file_as_used(glossary_dir: Path, tmp_path: Path) -> None:
    load_glossary([glossary_dir], use_default=False)
    (path,) = cache_files(tmp_path)
    os.utime(path, ns=(1, 1))
    load_glossary([glossary_dir], use_default=False)
    assert path.stat().st_mtime_ns > 1

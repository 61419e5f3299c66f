"""``--out-dir`` outputs are synced in groups: no fsync per file, and a manifest record is
written only after a sync of the file system that holds the outputs it vouches for. In-place
writes replace the user's files and are still synced one by one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanup import io
from cleanup.batch import manifest as manifest_module
from cleanup.batch.manifest import Manifest
from cleanup.cli import app

from .conftest import fixture_glossary_paths

GLOSSARY = ["--no-default-glossary"] + [arg for p in fixture_glossary_paths() for arg in ("-g", str(p))]
ARTICLE = "By Guan察者网 reporters，open and普惠 trade.\n"


def count_fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return calls


def test_a_write_that_is_not_durable_makes_no_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_fsyncs(monkeypatch)
    io.write_atomic(tmp_path / "a.txt", b"new", durable=False)
    assert (tmp_path / "a.txt").read_bytes() == b"new" and calls == []
    io.write_atomic(tmp_path / "b.txt", b"new")
    assert len(calls) == 2  # the file, then its directory


def lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_held_records_are_written_after_the_sync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "manifest.jsonl"
    manifest, _ = Manifest.open(path, "fingerprint")
    manifest.group = tmp_path
    at_sync: list[int] = []
    monkeypatch.setattr(manifest_module, "sync_filesystem", lambda where: at_sync.append(lines(path)))
    monkeypatch.setattr(manifest_module, "GROUP_SECONDS", 3600.0)
    for i in range(3):
        manifest.record({"file": f"f{i}", "sha256": "x", "log_end": 0})
    assert lines(path) == 1 and at_sync == []  # the header only: nothing synced yet
    assert manifest.finished("f1", "x", None, False) is not None  # known to this run already
    manifest.close()
    assert at_sync == [1] and lines(path) == 4  # one sync, before any of the three records


def test_a_full_group_is_committed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "manifest.jsonl"
    manifest, _ = Manifest.open(path, "fingerprint")
    manifest.group = tmp_path
    synced: list[Path] = []
    monkeypatch.setattr(manifest_module, "sync_filesystem", synced.append)
    monkeypatch.setattr(manifest_module, "GROUP_SECONDS", 3600.0)
    monkeypatch.setattr(manifest_module, "GROUP_FILES", 2)
    for i in range(5):
        manifest.record({"file": f"f{i}", "sha256": "x", "log_end": 0})
    assert synced == [tmp_path, tmp_path] and lines(path) == 5
    manifest.close()
    assert len(synced) == 3 and lines(path) == 6


def test_the_last_commit_syncs_even_with_nothing_held(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outputs of files the manifest never records (bad JSONL lines) are made durable too."""
    manifest, _ = Manifest.open(tmp_path / "manifest.jsonl", "fingerprint")
    manifest.group = tmp_path
    synced: list[Path] = []
    monkeypatch.setattr(manifest_module, "sync_filesystem", synced.append)
    manifest.close()
    assert synced == [tmp_path]


def corpus(tmp_path: Path, count: int) -> None:
    for i in range(count):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"a{i:02d}.txt").write_text(ARTICLE, encoding="utf-8")


def test_out_dir_syncs_once_not_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus(tmp_path, 20)
    monkeypatch.chdir(tmp_path)
    synced: list[Path] = []
    real_sync = manifest_module.sync_filesystem
    monkeypatch.setattr(manifest_module, "sync_filesystem", lambda where: (synced.append(where), real_sync(where)))
    calls = count_fsyncs(monkeypatch)
    result = CliRunner().invoke(app, ["fix", "in", "-o", "out", "-q", "-j", "1", *GLOSSARY])
    assert result.exit_code == 0, result.output
    assert synced and len(calls) < 5  # not two per file: the manifest's close, the change log
    outputs = sorted((tmp_path / "out" / "in").glob("*.txt"))
    assert len(outputs) == 20 and all("Observer Network" in p.read_text(encoding="utf-8") for p in outputs)
    assert lines(tmp_path / "out" / ".cleanup-manifest.jsonl") == 21


def test_in_place_still_syncs_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus(tmp_path, 10)
    monkeypatch.chdir(tmp_path)
    calls = count_fsyncs(monkeypatch)
    result = CliRunner().invoke(app, ["fix", "in", "--in-place", "-q", "-j", "1", *GLOSSARY])
    assert result.exit_code == 0, result.output
    assert len(calls) >= 20  # each file and its directory
    assert "Observer Network" in (tmp_path / "in" / "a00.txt").read_text(encoding="utf-8")


def test_sync_filesystem_falls_back_to_sync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[bool] = []
    monkeypatch.setattr(io, "_syncfs", lambda fd: False)  # no syncfs in this C library
    monkeypatch.setattr(os, "sync", lambda: synced.append(True))
    io.sync_filesystem(tmp_path)
    assert synced == [True]
    monkeypatch.setattr(io, "_syncfs", lambda fd: True)
    io.sync_filesystem(tmp_path)
    assert synced == [True]  # syncfs did it: no whole-machine sync

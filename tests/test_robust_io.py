"""Atomic writes (cleanup.io): old file or new file, never a mix; nothing left behind on failure."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from cleanup import io
from cleanup.errors import CleanupError
from cleanup.io import AtomicFile, write_atomic

from .conftest import FullDisk


def leftovers(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.endswith(io.TEMP_SUFFIX)]


def test_replaces_content_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_new_file_gets_the_umask_mode_not_mkstemps_0600(tmp_path: Path) -> None:
    path = tmp_path / "new.txt"
    write_atomic(path, b"x")
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~io._umask()


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_owner_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    os.chown(path, 65534, 65534)
    write_atomic(path, b"new")
    assert (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)


def test_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_symlink_loop_is_one_line(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(CleanupError, match=r"loop.txt: cannot write \(symbolic link loop\)$"):
        write_atomic(loop, b"x")


def test_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    path.chmod(0o444)
    with pytest.raises(CleanupError, match=r"a.txt: cannot write \(read-only file\)$"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_directory_is_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "d.txt").mkdir()
    with pytest.raises(CleanupError, match=r"d.txt: cannot write \(Is a directory\)$"):
        write_atomic(tmp_path / "d.txt", b"x")


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(CleanupError, match=r"a.txt: cannot write \(No such file or directory\)$"):
        write_atomic(tmp_path / "nope" / "a.txt", b"x")


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old content")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, where, full)
    with pytest.raises(CleanupError, match=r"a.txt: cannot write \(No space left on device\)$"):
        write_atomic(path, b"new content")
    assert path.read_bytes() == b"old content" and leftovers(tmp_path) == []


def test_a_real_write_error_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The handle's own write fails (as on a full disk): the temporary file goes, the old stays."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    real_fdopen = os.fdopen

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(CleanupError, match=r"cannot write \(No space left on device\)"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_an_exception_inside_the_block_discards(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError), AtomicFile(path) as out:
        out.write(b"half")
        raise RuntimeError("stop")
    assert path.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_cancel_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    before = path.stat()
    with AtomicFile(path) as out:
        out.write(b"new")
        out.cancel()
    after = path.stat()
    assert path.read_bytes() == b"old" and (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert leftovers(tmp_path) == []


def test_streamed_parts_appear_at_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    with AtomicFile(path) as out:
        for part in (b"one ", b"two ", b"three"):
            out.write(part)
            assert path.read_bytes() == b"old"  # a reader still sees the old file
    assert path.read_bytes() == b"one two three"

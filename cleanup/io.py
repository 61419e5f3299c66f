"""Crash-safe writes: a reader sees the old file or the new one, never a mix.

The new content goes to a temporary file in the destination's own directory (so the final
rename never crosses file systems), is flushed and fsynced, gets the old file's permission bits
(and owner, where allowed), and is renamed over the destination; the directory is fsynced so
the rename itself survives a power cut. Any failure removes the temporary file and leaves the
destination as it was. A destination that is a symbolic link is written through: the file it
points to is replaced, the link stays.

Temporary files are named ``.NAME.XXXXXXXX.tmp``; a process killed between creating one and
renaming it leaves it behind, never a half-written ``NAME``.

``durable=False`` skips both fsyncs: the write is still atomic for every reader and survives a
killed process, and the caller makes many such writes durable at once with
``sync_filesystem`` (a batch writing thousands of new files into ``--out-dir`` syncs once a
second instead of twice a file, which had cost more than the cleaning; ``batch.manifest``).
"""

from __future__ import annotations

import functools
import os
import stat
import tempfile
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from .errors import CleanupError

TEMP_SUFFIX = ".tmp"


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _through_links(path: Path) -> Path:
    try:
        return path.resolve() if path.is_symlink() else path
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, on Python < 3.13
        raise CleanupError(f"{path}: cannot write (symbolic link loop)") from None


def _refuse_read_only(path: Path, shown: Path) -> None:
    """A file with no write permission is not replaced, even where the directory would allow it
    (a rename needs only the directory's permission, and root ignores both)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if stat.S_ISDIR(mode):
        raise CleanupError(f"{shown}: cannot write (Is a directory)")
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise CleanupError(f"{shown}: cannot write (read-only file)")


def _failure(path: Path, exc: OSError) -> CleanupError:
    return CleanupError(f"{path}: cannot write ({exc.strerror or exc})")


class AtomicFile:
    """``with AtomicFile(path) as out: out.write(...)`` -- the file appears whole on exit, or not at all."""

    def __init__(self, path: Path, durable: bool = True) -> None:
        self.shown = path
        self.durable = durable
        self.path = _through_links(path)
        self._tmp: str | None = None
        self._handle: BinaryIO | None = None

    def __enter__(self) -> AtomicFile:  # noqa: PYI034 - not meant to be subclassed
        directory = self.path.parent if str(self.path.parent) else Path(".")
        _refuse_read_only(self.path, self.shown)
        try:
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=TEMP_SUFFIX, dir=directory)
        except OSError as exc:
            raise _failure(self.shown, exc) from None
        self._handle = os.fdopen(fd, "wb")
        return self

    def write(self, data: bytes) -> None:
        assert self._handle is not None
        try:
            self._handle.write(data)
        except OSError as exc:
            self._discard()
            raise _failure(self.shown, exc) from None

    def cancel(self) -> None:
        """Leave the destination as it was (nothing worth writing after all)."""
        self._discard()
        self._handle = None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if kind is not None or self._handle is None:
            self._discard()
            return
        try:
            self._commit()
        except OSError as error:
            self._discard()
            raise _failure(self.shown, error) from None

    def _commit(self) -> None:
        assert self._handle is not None and self._tmp is not None
        self._handle.flush()
        if self.durable:
            os.fsync(self._handle.fileno())
        self._handle.close()
        _copy_metadata(self.path, self._tmp)
        os.replace(self._tmp, self.path)
        self._tmp = None
        if self.durable:
            _sync_directory(self.path.parent)

    def _discard(self) -> None:
        if self._handle is not None and not self._handle.closed:
            try:
                self._handle.close()
            except OSError:
                pass
        if self._tmp is not None:
            Path(self._tmp).unlink(missing_ok=True)
            self._tmp = None


def _copy_metadata(path: Path, tmp: str) -> None:
    """The old file's mode (and owner, when we may set it); a new file gets the umask's mode."""
    try:
        old = path.stat()
    except FileNotFoundError:
        os.chmod(tmp, 0o666 & ~_umask())
        return
    os.chmod(tmp, stat.S_IMODE(old.st_mode))
    if hasattr(os, "chown") and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(tmp, old.st_uid, old.st_gid)
        except OSError:
            pass  # not allowed to give the file away: it stays ours, content and mode intact


def _sync_directory(directory: Path) -> None:
    """Make the rename durable; best effort where directories cannot be opened (Windows)."""
    try:
        fd = os.open(directory if str(directory) else ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically (see the module docstring)."""
    with AtomicFile(path, durable) as out:
        out.write(data)


def sync_filesystem(path: Path) -> None:
    """Make every write to the file system holding ``path`` durable: ``syncfs`` where the C
    library has it (Linux), else ``sync``. Best effort, like the directory fsync."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        fd = -1
    try:
        if fd >= 0 and _syncfs(fd):
            return
        if hasattr(os, "sync"):
            os.sync()
    finally:
        if fd >= 0:
            os.close(fd)


def _syncfs(fd: int) -> bool:
    try:
        import ctypes

        return bool(ctypes.CDLL(None, use_errno=True).syncfs(fd) == 0)
    except (OSError, AttributeError, TypeError):  # no such call, or no C library to load by name
        return False

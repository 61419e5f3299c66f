"""Writing a batch's outputs: whole files atomically, and large JSONL files part by part into a
temporary file renamed over the target only when its last part is in.

Either way a reader of the target sees the old file or the complete new one, never a mix, and
an interrupted run leaves no partial output behind.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from ..errors import CleanupError
from ..io import _umask, write_atomic


def write_file(target: Path, data: bytes, durable: bool = True) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CleanupError(f"{target.parent}: cannot create directory ({exc.strerror})") from None
    write_atomic(target, data, durable)


class PartWriter:
    """An atomic write delivered in parts: ``add`` each in order, then ``commit`` or ``abort``."""

    def __init__(self, target: Path, durable: bool = True) -> None:
        self.target = target
        self.durable = durable
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # the old file's mode, or what a plain open() would give a new file (not mkstemp's 0600)
            self._mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask()
            fd, self._tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        except OSError as exc:
            raise CleanupError(f"{target}: cannot write ({exc.strerror})") from None
        self._handle = os.fdopen(fd, "wb")

    def add(self, data: bytes) -> None:
        try:
            self._handle.write(data)
        except OSError as exc:
            self.abort()
            raise CleanupError(f"{self.target}: cannot write ({exc.strerror})") from None

    def commit(self) -> None:
        try:
            self._handle.flush()
            if self.durable:
                os.fsync(self._handle.fileno())
            self._handle.close()
            os.chmod(self._tmp, self._mode)
            os.replace(self._tmp, self.target)
        except OSError as exc:
            self.abort()
            raise CleanupError(f"{self.target}: cannot write ({exc.strerror})") from None

    def abort(self) -> None:
        if not self._handle.closed:
            self._handle.close()
        Path(self._tmp).unlink(missing_ok=True)

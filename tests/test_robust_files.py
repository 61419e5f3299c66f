"""The file-system matrix through ``cleanup fix``: each bad path is one clear line naming it, the
rest of the batch goes on, and the exit code (2) says something failed. No traceback, no
"internal error", nothing written outside ``--out-dir``, no half-written file.

Runs the command in-process (one job) so that conditions root cannot meet for real can be
simulated; the real ones are used where this machine allows (a read-only or tiny tmpfs mounted
as root).
"""

from __future__ import annotations

import builtins
import errno
import json
import os
import pathlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanup.cli import app

from .conftest import FullDisk

GOOD = "An open and 普惠 trade order.\n"
CLEANED = "An open and universally beneficial trade order.\n"


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLEANUP_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "glossary-cache"))


def tree(root: Path, names: list[str], text: str = GOOD) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def fix(*args: str) -> tuple[int, list[str], str]:
    """Exit code, the ``cleanup: error:`` lines, and all output."""
    result = CliRunner().invoke(app, ["fix", *args, "-q", "-j", "1"])
    errors = [line for line in result.output.splitlines() if line.startswith("cleanup: error:")]
    return result.exit_code, errors, result.output


def assert_clean_failure(output: str) -> None:
    assert "Traceback" not in output and "internal error" not in output, output


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_missing_path_and_the_rest_goes_on(tmp_path: Path) -> None:
    tree(tmp_path, ["in/a.txt", "in/b.txt"])
    code, errors, output = fix("in/a.txt", "in/nope.txt", "in/b.txt", "--out-dir", "out")
    assert code == 2 and len(errors) == 1 and "in/nope.txt: no such file" in errors[0]
    assert (tmp_path / "out/in/a.txt").read_text() == CLEANED == (tmp_path / "out/in/b.txt").read_text()
    assert_clean_failure(output)


@pytest.fixture
def deny(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Make a path unreadable: by its mode bits for a normal user; root reads anything, so for
    root its reads fail with the error the kernel gives a normal user."""
    denied: list[Path] = []
    if os.geteuid() == 0:
        real_read, real_open = pathlib.Path.read_bytes, pathlib.Path.open

        def refuse(path: pathlib.Path) -> None:
            if any(path.absolute() == d for d in denied):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

        def read_bytes(self: pathlib.Path) -> bytes:
            refuse(self)
            return real_read(self)

        def open_(self: pathlib.Path, *args, **kwargs):  # type: ignore[no-untyped-def]
            refuse(self)
            return real_open(self, *args, **kwargs)

        real_builtin_open = builtins.open

        def builtin_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
            if isinstance(file, (str, os.PathLike)):
                refuse(pathlib.Path(os.fsdecode(file)))
            return real_builtin_open(file, *args, **kwargs)

        monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
        monkeypatch.setattr(pathlib.Path, "open", open_)
        monkeypatch.setattr(builtins, "open", builtin_open)

    def make(path: Path) -> None:
        if os.geteuid() == 0:
            denied.append(path.absolute())
        else:
            path.chmod(0)

    return make


def test_unreadable_file(tmp_path: Path, deny) -> None:  # type: ignore[no-untyped-def]
    tree(tmp_path, ["in/a.txt", "in/locked.txt", "in/z.txt"])
    deny(tmp_path / "in/locked.txt")
    code, errors, output = fix("in", "--out-dir", "out")
    assert code == 2 and len(errors) == 1 and "in/locked.txt: permission denied" in errors[0], output
    assert files_under(tmp_path / "out") == {".cleanup-manifest.jsonl", "in/a.txt", "in/z.txt"}
    assert_clean_failure(output)


def test_directory_where_the_output_file_goes(tmp_path: Path) -> None:
    tree(tmp_path, ["in/a.txt", "in/b.txt"])
    (tmp_path / "out/in/a.txt").mkdir(parents=True)
    code, errors, output = fix("in", "--out-dir", "out")
    assert code == 2 and len(errors) == 1 and "out/in/a.txt: cannot write (Is a directory)" in errors[0]
    assert (tmp_path / "out/in/b.txt").read_text() == CLEANED
    assert_clean_failure(output)


def test_directory_given_as_the_change_log(tmp_path: Path) -> None:
    tree(tmp_path, ["in/a.txt"])
    code, errors, output = fix("in", "--out-dir", "out", "--changelog", "in")
    assert code == 2 and errors == ["cleanup: error: in: cannot write (Is a directory)"]
    assert_clean_failure(output)


def test_several_files_to_stdout_is_one_line(tmp_path: Path) -> None:
    tree(tmp_path, ["in/a.txt", "in/b.txt"])
    code, errors, _ = fix("in")
    assert code == 2 and len(errors) == 1 and "--out-dir, --in-place or --diff" in errors[0]


def test_symlink_loop_named_on_the_command_line(tmp_path: Path) -> None:
    tree(tmp_path, ["in/a.txt"])
    (tmp_path / "in/loop.txt").symlink_to("loop.txt")
    code, errors, output = fix("in/loop.txt", "in/a.txt", "--out-dir", "out")
    assert code == 2 and len(errors) == 1 and "in/loop.txt" in errors[0]
    assert (tmp_path / "out/in/a.txt").read_text() == CLEANED
    assert_clean_failure(output)


def test_symlink_loops_met_in_a_directory_walk(tmp_path: Path) -> None:
    tree(tmp_path, ["in/a.txt", "in/sub/b.txt"])
    (tmp_path / "in/loop.txt").symlink_to("loop.txt")
    (tmp_path / "in/sub/up").symlink_to("..")  # a directory loop: in/sub/up/sub/up/...
    code, errors, output = fix("in", "--out-dir", "out")
    assert code == 2 and len(errors) == 1 and "in/loop.txt: cannot read (Too many levels of symbolic links)" in errors[0]
    assert files_under(tmp_path / "out") == {".cleanup-manifest.jsonl", "in/a.txt", "in/sub/b.txt"}
    assert_clean_failure(output)


def test_output_directory_inside_the_input_tree_is_not_read_back(tmp_path: Path) -> None:
    tree(tmp_path, ["in/a.txt", "in/sub/b.txt"])
    for _ in range(2):  # the second run finds the first run's outputs in the tree
        code, errors, output = fix("in", "--out-dir", "in/out", "--restart")
        assert code == 0 and errors == [], output
    assert files_under(tmp_path / "in/out") == {".cleanup-manifest.jsonl", "in/a.txt", "in/sub/b.txt"}


def test_names_cannot_escape_the_output_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(tmp_path, ["in/a.txt", "elsewhere/b.txt"])
    (tmp_path / "in/corpus.jsonl").write_text(
        json.dumps({"id": "../../escape", "text": GOOD}) + "\n" + json.dumps({"id": "/etc/escape", "text": GOOD}) + "\n",
        encoding="utf-8",
    )
    work = tmp_path / "in" / "deep"
    work.mkdir()
    monkeypatch.chdir(work)
    before = files_under(tmp_path)
    absolute = str(tmp_path / "elsewhere/b.txt")
    code, errors, output = fix("../a.txt", "../../in/corpus.jsonl", absolute, "--out-dir", "out")
    assert code == 0 and errors == [], output
    created = files_under(tmp_path) - before
    assert created and all(name.startswith("in/deep/out/") for name in created), created
    assert not list(Path("/etc").glob("escape*"))


def test_read_only_file_in_place(tmp_path: Path) -> None:
    tree(tmp_path, ["in/a.txt", "in/locked.txt", "in/z.txt"])
    (tmp_path / "in/locked.txt").chmod(0o444)
    code, errors, output = fix("in", "--in-place")
    assert code == 2 and len(errors) == 1 and "in/locked.txt: cannot write (read-only file)" in errors[0]
    assert (tmp_path / "in/locked.txt").read_text() == GOOD
    assert (tmp_path / "in/a.txt").read_text() == CLEANED == (tmp_path / "in/z.txt").read_text()
    assert_clean_failure(output)


@pytest.fixture
def mount(tmp_path: Path) -> Iterator[callable]:  # type: ignore[valid-type]
    """Mount a small tmpfs (root only; skipped where mounting is not allowed)."""
    mounted: list[Path] = []

    def make(where: Path, options: str) -> Path:
        where.mkdir(parents=True, exist_ok=True)
        if os.geteuid() != 0:
            pytest.skip("mounting a tmpfs needs root")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(where)
        return where

    yield make
    for where in mounted:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_read_only_output_directory(tmp_path: Path, mount) -> None:  # type: ignore[no-untyped-def]
    tree(tmp_path, ["in/a.txt", "in/b.txt"])
    mount(tmp_path / "out", "ro,size=64k")
    code, errors, output = fix("in", "--out-dir", "out", "--manifest", "m.jsonl")
    assert code == 2 and errors and all("Read-only file system" in e for e in errors), output
    assert_clean_failure(output)


def test_read_only_output_directory_with_its_manifest(tmp_path: Path, mount) -> None:  # type: ignore[no-untyped-def]
    tree(tmp_path, ["in/a.txt"])
    mount(tmp_path / "out", "ro,size=64k")
    code, errors, output = fix("in", "--out-dir", "out")
    assert code == 2 and errors and "Read-only file system" in errors[0]
    assert_clean_failure(output)


def test_full_disk(tmp_path: Path, mount) -> None:  # type: ignore[no-untyped-def]
    names = [f"in/a{i}.txt" for i in range(6)]
    tree(tmp_path, names, GOOD * 60)  # about 5 KB each written
    (tmp_path / "in/a2.txt").write_text(GOOD * 1200, encoding="utf-8")  # about 60 KB: does not fit
    mount(tmp_path / "out", "size=64k")
    code, errors, output = fix("in", "--out-dir", "out", "--manifest", "m.jsonl")
    assert code == 2 and errors and all("cannot write (No space left on device)" in e for e in errors), output
    assert any("out/in/a2.txt" in e for e in errors)
    written = files_under(tmp_path / "out")
    assert "in/a0.txt" in written and not [n for n in written if n.endswith(".tmp")]
    for name in written:  # whatever was written is whole
        assert (tmp_path / "out" / name).read_text() == (tmp_path / name).read_text().replace("普惠", "universally beneficial")
    assert_clean_failure(output)


def test_full_disk_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Anywhere: writing the second output fails with ENOSPC, as on a full disk."""
    from cleanup import io

    tree(tmp_path, ["in/a.txt", "in/b.txt", "in/c.txt"])
    real_enter = io.AtomicFile.__enter__

    def enter(self: io.AtomicFile) -> io.AtomicFile:
        real_enter(self)
        if self.path.name == "b.txt":
            self._handle = FullDisk(self._handle)  # type: ignore[assignment]
        return self

    monkeypatch.setattr(io.AtomicFile, "__enter__", enter)
    code, errors, output = fix("in", "--out-dir", "out")
    assert code == 2 and len(errors) == 1 and "out/in/b.txt: cannot write (No space left on device)" in errors[0]
    assert files_under(tmp_path / "out") == {".cleanup-manifest.jsonl", "in/a.txt", "in/c.txt"}
    assert_clean_failure(output)


def test_a_large_jsonl_output_gets_the_usual_mode(tmp_path: Path) -> None:
    import stat

    from cleanup import io

    lines = [json.dumps({"id": i, "text": GOOD.strip()}, ensure_ascii=False) for i in range(40_000)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")  # over 1 MiB: written in parts
    code, errors, output = fix("c.jsonl", "--out-dir", "out")
    assert code == 0 and errors == [], output
    assert stat.S_IMODE((tmp_path / "out/c.jsonl").stat().st_mode) == 0o666 & ~io._umask()


def test_two_inputs_never_share_an_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(tmp_path, ["in/a.txt"], "open and 普惠 trade ONE\n")
    tree(tmp_path, ["x/in/a.txt"], "open and 普惠 trade TWO\n")
    monkeypatch.chdir(tmp_path / "x")
    code, errors, output = fix("in/a.txt", "../in/a.txt", "--out-dir", "out")
    outputs = sorted(p.read_text(encoding="utf-8") for p in (tmp_path / "x/out").rglob("a.txt"))
    assert code == 2 or len(outputs) == 2, output  # refused with a line, or both kept

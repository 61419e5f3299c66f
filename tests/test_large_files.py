"""Large text files through the command line: cut into parts by the batch runner, never read whole.

A ``.txt`` file over ``stream.LARGE_BYTES`` is cut at blank lines (``cleanup.parts``) and each
part is a task like any document; the sink writes the parts in order and moves their changes
into the whole file's coordinates. Each test runs a command twice on the same file: cleaned
whole (default thresholds), then with the thresholds and part sizes shrunk (monkeypatched) so
that a file of a few dozen kilobytes is cut into a dozen parts -- and reading it whole made an
error. Rules that judge a whole document (EN003, DT001) are switched off for the comparison:
in parts, they judge a part. The memory bound itself is measured by
``bench/memory_stream.py --cli``, not here.
"""

from __future__ import annotations

import codecs
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cleanup import parts, stream
from cleanup.batch import runner, session
from cleanup.batch.inputs import Source
from cleanup.batch.work import Item
from cleanup.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "observer-critical-minerals.txt").read_text(encoding="utf-8")
LOCAL = ["--ignore", "EN003,DT001"]
INPUTS = {  # name: (encoding, BOM, newline)
    "utf8": ("utf-8", b"", "\n"),
    "utf8-bom": ("utf-8", codecs.BOM_UTF8, "\n"),
    "crlf": ("utf-8", b"", "\r\n"),
    "utf16": ("utf-16-le", codecs.BOM_UTF16_LE, "\n"),
    "gb18030": ("gb18030", b"", "\n"),
}


def articles(newline: str = "\n") -> str:
    """Six articles with residue (mixed tokens, Chinese terms, boilerplate), about 48 kB."""
    one = SEED.replace("\n\n", "\r\n\r\n", 3) + "\n\n" + SEED.replace("普惠", "普惠 (汇率)")
    text = (one + "\n\n") * 3
    return text if newline == "\n" else text.replace("\r\n", "\n").replace("\n", newline)


def write_input(path: Path, kind: str) -> bytes:
    encoding, bom, newline = INPUTS[kind]
    data = bom + articles(newline).encode(encoding)
    path.write_bytes(data)
    return data


def cli(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def cut_small(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on: text files over 4 kB in parts of about 3 kB, and none read whole."""
    monkeypatch.setattr(stream, "LARGE_BYTES", 4000)
    monkeypatch.setattr(parts, "PART_BYTES", 3000)
    monkeypatch.setattr(parts, "MAX_PART_BYTES", 12000)
    monkeypatch.setattr(parts, "BLOCK_BYTES", 1000)
    monkeypatch.setattr(parts, "SNIFF_BYTES", 5000)
    real_read = runner._read

    def read(path: str, fmt: str) -> bytes | None:
        data = real_read(path, fmt)
        if data is not None and fmt == "txt" and len(data) > stream.LARGE_BYTES:
            pytest.fail(f"{path} was read whole")
        return data

    monkeypatch.setattr(runner, "_read", read)
    monkeypatch.setattr(session.Session, "_one", lambda self, arg: pytest.fail(f"{arg} was read whole"))


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    cut_small(monkeypatch)


def whole_then_parts(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[Any, Any]:
    """``args`` run whole, then in parts; ``{}`` in an argument becomes ``whole`` or ``parts``."""
    whole = cli(*(a.format("whole") for a in args))
    cut_small(monkeypatch)
    return whole, cli(*(a.format("parts") for a in args))


def same_files(*names: str) -> None:
    for name in names:
        assert Path(name.format("parts")).read_bytes() == Path(name.format("whole")).read_bytes(), name


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("kind", list(INPUTS))
def test_fix_out_dir_in_parts_equals_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    monkeypatch.chdir(tmp_path)
    write_input(Path("big.txt"), kind)
    whole, cut = whole_then_parts(monkeypatch, "fix", "big.txt", "-o", "{}", "--changelog", "{}.log", "-j", "1", *LOCAL)
    assert whole.exit_code == cut.exit_code == 0, cut.output
    assert len(list(parts.split(Path("big.txt"), parts.sniff(Path("big.txt"))))) > 10
    same_files("{}/big.txt", "{}.log")
    assert any(r["line"] > 100 and r["col"] > 1 and r["status"] == "applied" for r in records(Path("parts.log")))
    assert cut.stderr == whole.stderr  # the change lines as they come, one summary line for the file
    assert cut.stderr.count("big.txt: applied: ") == 1


def test_parts_cleaned_by_two_workers_equal_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A single large file gets the worker pool: its parts are cleaned in parallel, taken in order."""
    monkeypatch.chdir(tmp_path)
    write_input(Path("big.txt"), "crlf")
    whole, cut = whole_then_parts(monkeypatch, "fix", "big.txt", "-o", "{}", "--changelog", "{}.log", "-q", "-j", "2", *LOCAL)
    assert whole.exit_code == cut.exit_code == 0, cut.output
    same_files("{}/big.txt", "{}.log")


@pytest.mark.parametrize("kind", ["utf8-bom", "utf16", "gb18030"])
def test_fix_to_stdout_in_parts_equals_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    monkeypatch.chdir(tmp_path)
    write_input(Path("big.txt"), kind)
    whole, cut = whole_then_parts(monkeypatch, "fix", "big.txt", "--changelog", "{}.log", *LOCAL)
    assert whole.exit_code == cut.exit_code == 0, cut.output
    assert cut.stdout_bytes == whole.stdout_bytes and cut.stdout_bytes.startswith(INPUTS[kind][1])
    same_files("{}.log")
    assert cut.stderr == whole.stderr


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_check_in_parts_equals_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output_format: str) -> None:
    monkeypatch.chdir(tmp_path)
    write_input(Path("big.txt"), "utf8-bom")
    whole, cut = whole_then_parts(monkeypatch, "check", "big.txt", "--format", output_format, "--changelog", "{}.log", *LOCAL)
    assert whole.exit_code == cut.exit_code == 1
    assert cut.stdout == whole.stdout and cut.stderr == whole.stderr
    same_files("{}.log")
    if output_format == "json":
        assert max(f["line"] for f in json.loads(cut.stdout)) > 100


def test_in_place_in_parts_equals_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    original = write_input(Path("whole.txt"), "gb18030")
    Path("parts.txt").write_bytes(original)
    whole, cut = whole_then_parts(monkeypatch, "fix", "{}.txt", "--in-place", "--changelog", "{}.log", "-q", *LOCAL)
    assert whole.exit_code == cut.exit_code == 0, cut.output
    assert Path("parts.txt").read_bytes() != original
    same_files("{}.txt")
    assert [{**r, "path": ""} for r in records(Path("parts.log"))] == [{**r, "path": ""} for r in records(Path("whole.log"))]
    assert not list(tmp_path.glob(".*.tmp"))


def test_in_place_with_nothing_to_change_leaves_the_file_alone(tmp_path: Path, small_parts: None) -> None:
    source = tmp_path / "big.txt"
    source.write_text("Nothing to fix here.\n\n" * 500, encoding="utf-8")
    before = source.stat()
    result = cli("fix", str(source), "--in-place", "-q", "-j", "1")
    after = source.stat()
    assert result.exit_code == 0, result.output
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_a_bom_inside_the_file_stays_a_character(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files concatenated with their BOMs: a part that starts with U+FEFF keeps it as text, so
    offsets and output are those of the file cleaned whole."""
    monkeypatch.chdir(tmp_path)
    Path("big.txt").write_bytes(codecs.BOM_UTF8 + ("\ufeffOpen and普惠 trade, said Guan察者网.\n\n" * 300).encode())
    whole, cut = whole_then_parts(monkeypatch, "fix", "big.txt", "-o", "{}", "--changelog", "{}.log", "-q", *LOCAL)
    assert whole.exit_code == cut.exit_code == 0, cut.output
    same_files("{}/big.txt", "{}.log")
    assert Path("parts/big.txt").read_bytes().count(codecs.BOM_UTF8) == 301


@pytest.mark.parametrize("separator", [" ", "\n"], ids=["one-line", "no-blank-line"])
def test_a_paragraph_cut_at_a_space_or_a_line_break(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, separator: str) -> None:
    """A paragraph longer than MAX_PART_BYTES is cut after a line break, else after a space: the
    next part starts mid-line, and its changes' columns continue the line."""
    monkeypatch.chdir(tmp_path)
    sentence = "Open and普惠 trade, said Guan察者网 on Monday."
    Path("big.txt").write_text(separator.join([sentence] * 1000) + "\n", encoding="utf-8")
    whole, cut = whole_then_parts(monkeypatch, "fix", "big.txt", "-o", "{}", "--changelog", "{}.log", "-q", *LOCAL)
    assert whole.exit_code == cut.exit_code == 0, cut.output
    assert len(list(parts.split(Path("big.txt"), parts.sniff(Path("big.txt"))))) > 3
    same_files("{}/big.txt", "{}.log")
    far = max(r["col"] if separator == " " else r["line"] for r in records(Path("parts.log")))
    assert far > (12000 if separator == " " else 500)  # beyond the first part


def test_output_encoding_writes_one_bom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("big.txt").write_text(articles(), encoding="utf-8")
    whole, cut = whole_then_parts(monkeypatch, "fix", "big.txt", "--output-encoding", "utf-16", "-q", *LOCAL)
    assert whole.exit_code == cut.exit_code == 0
    assert cut.stdout_bytes == whole.stdout_bytes and cut.stdout_bytes.count(codecs.BOM_UTF16_LE) == 1


def test_unencodable_character_names_the_whole_file_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("big.txt").write_text("plain ascii line\n\n" * 400 + "then 普惠 here\n", encoding="utf-8")
    whole, cut = whole_then_parts(monkeypatch, "fix", "big.txt", "-o", "{}", "--output-encoding", "ascii", "--select", "PU001")
    assert whole.exit_code == cut.exit_code == 2
    assert "big.txt:801:6: cannot write '普' (U+666E) in ascii" in cut.stderr and cut.stderr == whole.stderr
    assert not Path("parts/big.txt").exists() and not list(Path("parts").glob(".*.tmp"))


def test_undecodable_byte_names_the_whole_file_line_and_offset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a BOM the encoding is not guessed, so a bad byte deep in the file is only met when
    its part is decoded: the error names the file's line and byte offset all the same, and as
    every part is decoded before the first is cleaned, nothing is written."""
    monkeypatch.chdir(tmp_path)
    Path("big.txt").write_bytes(codecs.BOM_UTF8 + b"plain line\n\n" * 1000 + b"bad \xff byte\n")
    whole, cut = whole_then_parts(monkeypatch, "fix", "big.txt", "-o", "{}", "-q")
    assert whole.exit_code == cut.exit_code == 2
    assert "big.txt:2001: cannot decode byte 0xff at offset 12007 as utf-8" in cut.stderr and cut.stderr == whole.stderr
    assert not Path("parts/big.txt").exists()


def test_resume_skips_a_finished_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_parts: None) -> None:
    """The manifest hashes a file in parts in a first pass: the same hash as the whole file's."""
    monkeypatch.chdir(tmp_path)
    data = write_input(Path("big.txt"), "utf8")
    first = cli("fix", "big.txt", "-o", "out", "--changelog", "log", *LOCAL)
    assert first.exit_code == 0, first.output
    record = next(r for r in records(Path("out/.cleanup-manifest.jsonl")) if "file" in r)
    assert record["sha256"] == hashlib.sha256(data).hexdigest()
    assert record["out_sha256"] == hashlib.sha256(Path("out/big.txt").read_bytes()).hexdigest()
    log = Path("log").read_bytes()
    again = cli("fix", "big.txt", "-o", "out", "--changelog", "log", *LOCAL)
    assert again.exit_code == 0 and "resuming: 1 file(s) already done" in again.stderr
    assert "applied" not in again.stderr and Path("log").read_bytes() == log


def test_resume_in_place_skips_a_finished_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_parts: None) -> None:
    monkeypatch.chdir(tmp_path)
    write_input(Path("big.txt"), "utf16")
    args = ("fix", "big.txt", "--in-place", "--manifest", "m.jsonl", "--changelog", "log", *LOCAL)
    assert cli(*args).exit_code == 0
    cleaned, log = Path("big.txt").read_bytes(), Path("log").read_bytes()
    again = cli(*args)
    assert again.exit_code == 0 and "resuming: 1 file(s) already done" in again.stderr
    assert Path("big.txt").read_bytes() == cleaned and Path("log").read_bytes() == log


def test_a_file_that_changes_between_the_passes_fails_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_parts: None
) -> None:
    monkeypatch.chdir(tmp_path)
    write_input(Path("big.txt"), "utf8")
    passes: list[int] = []
    cut = runner._text_parts

    def shrinking(index: int, source: Source, codec: parts.Codec) -> Iterator[Item]:
        passes.append(index)
        items = cut(index, source, codec)
        return items if len(passes) == 1 else (item for _, item in zip(range(4), items))

    monkeypatch.setattr(runner, "_text_parts", shrinking)
    result = cli("fix", "big.txt", "-o", "out", "-q", "-j", "1", *LOCAL)
    assert result.exit_code == 2 and len(passes) == 2
    assert "big.txt: changed while it was being cleaned; not written" in result.stderr
    assert not Path("out/big.txt").exists() and not list(Path("out").glob(".*.tmp"))


def test_what_is_cut_into_parts(tmp_path: Path, small_parts: None) -> None:
    big = tmp_path / "big"
    big.write_bytes(b"x\n\n" * 2000)
    assert runner.parted(str(big), "txt") and not runner.parted(str(big), "jsonl")  # JSONL: over runner.PART_BYTES
    assert not runner.parted(str(big), "md") and not runner.parted(str(big), "html")  # code blocks, elements
    assert not runner.parted("-", "txt") and not runner.parted(str(tmp_path / "missing"), "txt")
    assert not runner.parted(str(tmp_path), "txt")  # a directory: reading it says what it is


def test_stdin_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """stdin cannot be read twice: it is never cut, JSONL included."""
    monkeypatch.setattr(runner, "PART_BYTES", 10)
    result = cli_input(["check", "-", "--input-format", "jsonl"], '{"text": "open and普惠 trade"}\n')
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("-:1:") and "ZH001" in result.stdout


def cli_input(args: list[str], stdin: str) -> Any:
    return CliRunner().invoke(app, args, input=stdin)

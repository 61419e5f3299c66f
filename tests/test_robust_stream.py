"""Large files, part by part: cuts at paragraph breaks, exact offsets, the same output as whole.

The part sizes are shrunk (monkeypatched) so that small files exercise many parts; the memory
bound itself is measured by bench/memory_stream.py, not here.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from cleanup import parts, stream
from cleanup.document import BinaryFile, decode
from cleanup.engine import clean
from cleanup.errors import CleanupError
from cleanup.glossary.compiled import Compiled
from cleanup.rules import select_rules

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "observer-critical-minerals.txt").read_text(encoding="utf-8")
# Rules that judge a whole document (EN003, DT001) judge a part when streamed; compare the rest.
LOCAL_RULES = select_rules(ignore=["EN003", "DT001"])


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts, "PART_BYTES", 3000)
    monkeypatch.setattr(parts, "MAX_PART_BYTES", 12000)
    monkeypatch.setattr(parts, "BLOCK_BYTES", 1000)
    monkeypatch.setattr(parts, "SNIFF_BYTES", 5000)


def document(encoding: str) -> str:
    text = SEED.replace("\n\n", "\r\n\r\n", 3) + "\n\n" + SEED.replace("普惠", "普惠 (汇率)")
    return (text + "\n\n") * 3 if encoding != "big5" else "外交部發言人表示。\n\n" * 2000


def signature(changes) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    return [(c.start, c.end, c.line, c.col, c.code, c.entry, c.before, c.after, c.status) for c in changes]


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("utf-16-be", codecs.BOM_UTF16_BE), ("big5", b"")],
    ids=["utf8", "utf8-bom", "gb18030", "utf16be", "big5"],
)
def test_streamed_equals_whole(tmp_path: Path, bundled: Compiled, small_parts: None, encoding: str, bom: bytes) -> None:
    text = document(encoding)
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(bom + text.encode(encoding))
    log: list = []  # type: ignore[type-arg]
    summary = stream.run(stream.Job(source, target), bundled, LOCAL_RULES, False, log.extend)
    whole = clean(text, bundled, LOCAL_RULES)
    assert summary.parts > 5 and summary.chars == len(text) and summary.codec.encoding == encoding
    assert target.read_bytes() == bom + whole.cleaned.encode(encoding)
    assert signature(log) == signature(whole.changes)


def test_parts_end_after_blank_lines_and_decode_alone(tmp_path: Path, small_parts: None) -> None:
    text = document("utf-8")
    source = tmp_path / "in.txt"
    source.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    codec = parts.sniff(source)
    pieces = list(parts.split(source, codec))
    assert b"".join(p.data for p in pieces) == source.read_bytes()
    decoded = [decode(p.data, "in.txt", codec.encoding).text for p in pieces]
    assert "".join(decoded) == text
    for piece in decoded[:-1]:
        assert piece.rstrip(" \t\r").endswith("\n") and piece.rstrip("\r\n \t") != piece.rstrip("\r \t")
        assert len(piece.encode("utf-16-le")) >= parts.PART_BYTES


def test_a_long_paragraph_is_cut_at_a_line_break_then_a_space(tmp_path: Path, small_parts: None, bundled: Compiled) -> None:
    lines = "\n".join(f"line {i} with 普惠 words" for i in range(2000))  # no blank line at all
    source = tmp_path / "in.txt"
    source.write_text(lines, encoding="utf-8")
    pieces = list(parts.split(source, parts.sniff(source)))
    assert len(pieces) > 3 and all(p.data.endswith(b"\n") for p in pieces[:-1])
    assert all(len(p.data) <= parts.MAX_PART_BYTES for p in pieces)
    spaces = " ".join(["word 普惠"] * 4000)  # one line
    source.write_text(spaces, encoding="utf-8")
    pieces = list(parts.split(source, parts.sniff(source)))
    assert len(pieces) > 3 and all(p.data.endswith(b" ") for p in pieces[:-1])
    assert b"".join(p.data for p in pieces) == spaces.encode()


def test_a_paragraph_with_nowhere_to_cut_is_an_error(tmp_path: Path, small_parts: None) -> None:
    source = tmp_path / "in.txt"
    source.write_text("普" * 20000, encoding="utf-8")
    with pytest.raises(CleanupError, match="has no line break or space to cut at"):
        list(parts.split(source, parts.sniff(source)))


def test_sniff_checks_every_byte_not_just_the_head(tmp_path: Path, small_parts: None) -> None:
    source = tmp_path / "in.txt"
    source.write_bytes(b"plain trade\n" * 2000 + "末尾，完。".encode("gb18030"))  # ASCII head
    codec = parts.sniff(source)
    assert codec.encoding == "gb18030"  # the head alone is valid UTF-8; the tail is not
    source.write_bytes(b"x" * 20000 + b"\x00")
    with pytest.raises(BinaryFile, match=r"in.txt: binary file \(NUL byte at offset 20000\), skipped"):
        parts.sniff(source)  # a NUL past the head


def test_in_place_without_changes_leaves_the_file_alone(tmp_path: Path, bundled: Compiled, small_parts: None) -> None:
    source = tmp_path / "in.txt"
    source.write_text("Nothing to fix here.\n\n" * 500, encoding="utf-8")
    before = source.stat()
    summary = stream.run(stream.Job(source, source, in_place=True), bundled, LOCAL_RULES, False, lambda _: None)
    after = source.stat()
    assert not summary.changed and (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_output_encoding_writes_one_bom(tmp_path: Path, bundled: Compiled, small_parts: None) -> None:
    text = document("utf-8")
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_text(text, encoding="utf-8")
    summary = stream.run(stream.Job(source, target, output_encoding="utf-16"), bundled, LOCAL_RULES, False, lambda _: None)
    data = target.read_bytes()
    assert summary.parts > 5 and data.startswith(codecs.BOM_UTF16_LE)
    assert data.count(codecs.BOM_UTF16_LE) == 1
    assert data.decode("utf-16") == clean(text, bundled, LOCAL_RULES).cleaned


def test_unencodable_character_names_the_whole_file_line(tmp_path: Path, bundled: Compiled, small_parts: None) -> None:
    text = "plain ascii line\n\n" * 400 + "then 普惠 here\n"
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_text(text, encoding="utf-8")
    rules = select_rules(select=["PU001"])  # leaves the Chinese in place
    with pytest.raises(CleanupError, match=r"in.txt:801:6: cannot write '普' \(U\+666E\) in ascii"):
        stream.run(stream.Job(source, target, output_encoding="ascii"), bundled, rules, False, lambda _: None)
    assert not target.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_streamed_equals_whole_on_fuzz_documents(tmp_path: Path, bundled: Compiled, monkeypatch: pytest.MonkeyPatch) -> None:
    """Generated documents (every kind of newline, CJK, mixed tokens), cut into parts of a few
    hundred bytes. With every rule, the streamed change log is exact: replayed on the whole
    original it gives the streamed output. Without BP001 (a boilerplate paragraph that opens a
    part takes the blank lines after it, not before) it is also the log of cleaning it whole,
    on a glossary without short names (a person's first mention, like DT001's months, is judged
    per part)."""
    import dataclasses
    import random

    from cleanup.edits import apply_edits
    from cleanup.glossary.compiled import compile_glossary
    from cleanup.model import Edit, Span, Status
    from fuzz.docs import pieces
    from fuzz.vocab import vocabulary

    monkeypatch.setattr(parts, "PART_BYTES", 300)
    monkeypatch.setattr(parts, "MAX_PART_BYTES", 1200)
    monkeypatch.setattr(parts, "BLOCK_BYTES", 256)
    vocab = vocabulary(bundled)
    bundled = compile_glossary([dataclasses.replace(e, short="") for e in bundled.entries])
    no_boilerplate = select_rules(ignore=["EN003", "DT001", "BP001"])
    for number in range(12):
        rng = random.Random(f"stream:{number}")
        text = "\n\n".join("".join(pieces(rng, vocab, 25)) for _ in range(30))
        source, target = tmp_path / f"in{number}.txt", tmp_path / f"out{number}.txt"
        source.write_bytes(text.encode("utf-8"))
        for rules in (LOCAL_RULES, no_boilerplate):
            log: list = []  # type: ignore[type-arg]
            try:
                stream.run(stream.Job(source, target), bundled, rules, False, log.extend)
            except CleanupError as exc:  # a long run with no line break or space: refused, nothing written
                assert "no line break or space" in str(exc) and not target.exists()
                break
            out = target.read_bytes().decode("utf-8")
            applied = [Edit(Span(c.start, c.end), c.after) for c in log if c.status is Status.APPLIED]
            assert apply_edits(text, applied) == out, number
            assert all(text[c.start : c.end] == c.before for c in log), number
            if rules is no_boilerplate:
                whole = clean(text, bundled, rules)
                assert out == whole.cleaned and signature(log) == signature(whole.changes), number

"""Encodings and shapes of input files: what is detected, what is kept, what is refused.

Every test that writes goes through the real decode -> clean -> encode path and compares bytes:
a file is kept byte for byte outside the recorded edits, in its own encoding, BOM and newlines.
"""

from __future__ import annotations

import codecs
import collections
import os
from pathlib import Path

import pytest

from cleanup import charsets
from cleanup.document import BinaryFile, decode, encode, read_document
from cleanup.edits import apply_edits
from cleanup.engine import clean
from cleanup.errors import CleanupError
from cleanup.glossary.compiled import Compiled
from cleanup.model import Edit, Span, Status

MOSTLY_ENGLISH = "Beijing, Feb. 5 -- The spokesperson said an open, inclusive and 普惠 trade order serves all.\n"
CHINESE = "外交部发言人林剑在例行记者会上表示，维护开放、包容、普惠的国际贸易环境符合各国共同利益。\n"
TRADITIONAL = "外交部發言人林劍在例行記者會上表示，維護開放、包容、普惠的國際貿易環境符合各國共同利益。\n"
KOREAN = "대한민국 정부는 오늘 새로운 경제 정책을 발표했다고 밝혔다. 서울 연합뉴스 기자회견에서 말했다.\n"


def cleaned_bytes(data: bytes, glossary: Compiled, encoding: str | None = None, out: str | None = None) -> tuple[bytes, list]:  # type: ignore[type-arg]
    doc = decode(data, "f.txt", encoding)
    result = clean(doc.text, glossary)
    return encode(doc, result.cleaned, out), [c for c in result.changes if c.status is Status.APPLIED]


def replay(text: str, changes: list) -> str:  # type: ignore[type-arg]
    return apply_edits(text, [Edit(Span(c.start, c.end), c.after) for c in changes])


# --- Unicode encodings and byte-order marks -------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "body"),
    [
        (b"", "utf-8"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf32be-bom"],
)
def test_unicode_file_keeps_encoding_and_bom(bundled: Compiled, bom: bytes, body: str) -> None:
    data = bom + MOSTLY_ENGLISH.encode(body)
    doc = decode(data, "f.txt")
    assert doc.text == MOSTLY_ENGLISH and doc.encoding == body and doc.bom == bom
    assert encode(doc, doc.text) == data  # untouched: byte for byte
    out, changes = cleaned_bytes(data, bundled)
    assert changes, "the fixture must need a fix"
    assert out == bom + replay(MOSTLY_ENGLISH, changes).encode(body)


def test_named_utf8_with_bom_keeps_the_bom(bundled: Compiled) -> None:
    data = codecs.BOM_UTF8 + MOSTLY_ENGLISH.encode()
    for named in ("utf-8", "UTF8", "utf-8-sig"):
        doc = decode(data, "f.txt", named)
        assert doc.text == MOSTLY_ENGLISH and doc.bom == codecs.BOM_UTF8
        assert encode(doc, doc.text) == data


def test_named_utf8_sig_without_bom_adds_none() -> None:
    data = MOSTLY_ENGLISH.encode()
    doc = decode(data, "f.txt", "utf-8-sig")
    assert encode(doc, doc.text) == data


def test_named_utf16_without_bom_is_little_endian_and_stays_bomless() -> None:
    data = "abc 普惠\n".encode("utf-16-le")
    doc = decode(data, "f.txt", "utf-16")
    assert doc.text == "abc 普惠\n" and encode(doc, doc.text) == data


def test_utf16_without_bom_is_binary_with_a_hint() -> None:
    with pytest.raises(BinaryFile, match=r"f.txt: binary file \(NUL byte at offset 1\), skipped; if it is UTF-16"):
        decode(("An English sentence of some length. " * 4).encode("utf-16-le"), "f.txt")


# --- legacy Chinese encodings: detection order ----------------------------------------------


def test_mostly_english_gbk_is_read_as_gb18030(bundled: Compiled) -> None:
    data = MOSTLY_ENGLISH.encode("gbk")
    doc = decode(data, "f.txt")
    assert (doc.text, doc.encoding, doc.how) == (MOSTLY_ENGLISH, "gb18030", "gb18030")
    out, changes = cleaned_bytes(data, bundled)
    assert out == replay(MOSTLY_ENGLISH, changes).encode("gb18030")


def test_chinese_gbk_is_read_as_gb18030() -> None:
    assert decode(CHINESE.encode("gbk"), "f.txt").text == CHINESE


@pytest.mark.parametrize("text", [TRADITIONAL, "The minister (外交部發言人) said.\n"], ids=["chinese", "mostly-english"])
def test_big5_that_also_decodes_as_gb18030_is_read_as_big5(text: str) -> None:
    data = text.encode("big5")
    assert charsets.strict(data, "gb18030") is not None  # the trap: Big5 bytes are valid GB18030
    doc = decode(data, "f.txt")
    assert (doc.text, doc.encoding, doc.how) == (text, "big5", "big5")
    assert encode(doc, doc.text) == data


def test_gb18030_wins_a_tie() -> None:
    data = "中文".encode("gbk")  # decodes plausibly both ways
    assert charsets.strict(data, "big5") is not None
    assert decode(data, "f.txt").encoding == "gb18030"


def test_korean_is_not_taken_for_chinese() -> None:
    data = KOREAN.encode("euc-kr")
    assert charsets.strict(data, "gb18030") is not None  # EUC-KR bytes read as GB2312 hanzi
    doc = decode(data, "f.txt")
    assert doc.text == KOREAN and doc.how == "detector"


def test_western_single_byte_file_is_cp1252() -> None:
    text = "Don\u2019t say \u201cna\u00efve\u201d \u2014 the caf\u00e9 r\u00e9sum\u00e9 costs \u00a3100.\n"
    doc = decode(text.encode("cp1252"), "f.txt")
    assert (doc.text, doc.encoding, doc.how) == (text, "cp1252", "detector")


def test_frequent_han_table_is_what_jieba_says() -> None:
    """The table in charsets is data: recompute it from the installed jieba dictionary."""
    import jieba

    dictionary = Path(jieba.__file__).parent / "dict.txt"
    level1 = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                level1.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    counts: collections.Counter[str] = collections.Counter()
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, freq = line.split()[:2]
        for ch in word:
            if ch in level1:
                counts[ch] += int(freq)
    assert charsets.FREQUENT_HAN == "".join(ch for ch, _ in counts.most_common(1500))


def test_big5_pair_that_would_not_round_trip_is_refused() -> None:
    data = TRADITIONAL.encode("big5") + b"\xa2\xcc\n"  # Big5's second 十, written back as 0xA451
    with pytest.raises(CleanupError, match=r"f.txt:2: bytes at offset \d+ would not be written back unchanged in big5"):
        decode(data, "f.txt", "big5")


def test_named_encoding_overrides_detection() -> None:
    data = "caf\u00e9\n".encode("latin-1")
    doc = decode(data, "f.txt", "latin-1")
    assert (doc.text, doc.encoding, doc.how) == ("caf\u00e9\n", "iso8859-1", "named")


def test_unknown_encoding_name() -> None:
    with pytest.raises(CleanupError, match=r"f.txt: unknown encoding 'klingon'"):
        decode(b"abc", "f.txt", "klingon")


def test_undecodable_in_named_encoding_names_line_and_offset() -> None:
    with pytest.raises(CleanupError, match=r"f.txt:3: cannot decode byte 0xff at offset 8 as utf-8"):
        decode(b"one\ntwo\n\xff", "f.txt", "utf-8")


@pytest.mark.parametrize("data", [bytes(range(0x80, 0x100)) * 3, b"good line\n\x81\x30 bad \xff\xfe"], ids=["high-bytes", "junk"])
def test_junk_is_not_taken_for_text(data: bytes) -> None:
    """Any bytes decode in a DOS code page; the detector may not choose one (name it instead)."""
    with pytest.raises(CleanupError, match=r"f.txt:\d: cannot decode byte 0x.. at offset \d+ as utf-8, gb18030, big5 or a detected encoding; name"):
        decode(data, "f.txt")
    assert decode(data, "f.txt", "cp437").text == data.decode("cp437")


# --- output encoding ---------------------------------------------------------------------------


def test_output_encoding_converts(bundled: Compiled) -> None:
    data = MOSTLY_ENGLISH.encode("gbk")
    out, changes = cleaned_bytes(data, bundled, out="utf-8")
    assert out == replay(MOSTLY_ENGLISH, changes).encode("utf-8")
    out16, _ = cleaned_bytes(data, bundled, out="utf-16")
    assert out16.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert out16.decode("utf-16") == out.decode("utf-8")


def test_unencodable_character_is_an_error_not_a_question_mark() -> None:
    doc = decode("line one\nsay 普惠 now\n".encode("gb18030"), "f.txt")
    with pytest.raises(CleanupError, match=r"f.txt:2:5: cannot write '普' \(U\+666E\) in ascii"):
        encode(doc, doc.text, "ascii")
    big5 = decode(TRADITIONAL.encode("big5"), "g.txt")
    with pytest.raises(CleanupError, match=r"g.txt:1:2: cannot write '国' \(U\+56FD\) in big5"):
        encode(big5, "中国", None)


# --- shapes: newlines, empty, no final newline, long lines, NUL ------------------------------


NEWLINES = "On the 普惠 side\r\nsecond 普惠 line\nthird\r\rfourth 普惠\n\r\n\r\nlast 普惠 without newline"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16-be"])
def test_crlf_lf_cr_and_mixed_newlines_are_kept(bundled: Compiled, encoding: str) -> None:
    bom = codecs.BOM_UTF16_BE if encoding == "utf-16-be" else b""
    data = bom + NEWLINES.encode(encoding)
    out, changes = cleaned_bytes(data, bundled)
    assert len(changes) == 4
    cleaned = out[len(bom):].decode(encoding)
    assert cleaned == replay(NEWLINES, changes)
    assert [c for c in cleaned if c in "\r\n"] == [c for c in NEWLINES if c in "\r\n"]
    assert not cleaned.endswith("\n")


def test_empty_file(bundled: Compiled) -> None:
    doc = decode(b"", "f.txt")
    assert doc.text == "" and encode(doc, clean("", bundled).cleaned) == b""


def test_whitespace_only_file_is_kept(bundled: Compiled) -> None:
    data = b"\r\n\n  \t\n"
    assert cleaned_bytes(data, bundled)[0] == data


@pytest.mark.parametrize("data", [b"abc\x00def", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"], ids=["nul", "png"])
def test_binary_files_are_skipped_with_a_message(data: bytes) -> None:
    with pytest.raises(BinaryFile, match=r"f.bin: binary file \(NUL byte at offset \d+\), skipped"):
        decode(data, "f.bin")


def test_nul_in_a_named_8bit_encoding_is_binary_too() -> None:
    with pytest.raises(BinaryFile):
        decode(b"abc\x00", "f.bin", "latin-1")


def test_very_long_line(bundled: Compiled) -> None:
    unit = "The ministry backed an open and 普惠 order, said Guan察者网. "
    text = unit * 5_000  # about 280,000 characters on one line
    result = clean(text, bundled)
    applied = [c for c in result.changes if c.status is Status.APPLIED]
    assert len(applied) >= 10_000 and "\n" not in result.cleaned
    assert replay(text, applied) == result.cleaned
    assert applied[-1].line == 1 and applied[-1].col == applied[-1].start + 1


def test_read_document_errors_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(CleanupError, match=r"nope.txt: no such file$"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(CleanupError, match=r": is a directory, expected a file$"):
        read_document(tmp_path)
    locked = tmp_path / "locked.txt"
    locked.write_text("x")
    locked.chmod(0)
    if os.geteuid() != 0:
        with pytest.raises(CleanupError, match=r"locked.txt: permission denied$"):
            read_document(locked)


# --- through the command line -------------------------------------------------------------------


def test_cli_output_encoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from cleanup.cli import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in/gbk.txt").write_bytes(MOSTLY_ENGLISH.encode("gbk"))
    (tmp_path / "in/plain.txt").write_bytes(b"Nothing to change.\n")
    result = CliRunner().invoke(app, ["fix", "in", "--out-dir", "out", "--output-encoding", "utf-8-sig", "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    out = (tmp_path / "out/in/gbk.txt").read_bytes()
    assert out.startswith(codecs.BOM_UTF8) and "universally beneficial" in out.decode("utf-8-sig")
    assert (tmp_path / "out/in/plain.txt").read_bytes() == codecs.BOM_UTF8 + b"Nothing to change.\n"  # unchanged: re-encoded too
    kept = CliRunner().invoke(app, ["fix", "in/gbk.txt", "-q"])
    assert kept.stdout_bytes == replay_cli(MOSTLY_ENGLISH).encode("gb18030")  # default: the input's own encoding
    bad = CliRunner().invoke(app, ["fix", "in/gbk.txt", "--output-encoding", "klingon"])
    assert bad.exit_code == 2 and "unknown encoding 'klingon'" in bad.output


def test_cli_unencodable_output_is_one_line_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from cleanup.cli import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("fine line\nthen 普惠 here\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["fix", "a.txt", "--out-dir", "out", "--select", "PU001", "--output-encoding", "ascii", "-q"])
    assert result.exit_code == 2 and "a.txt:2:6: cannot write '普' (U+666E) in ascii" in result.output, result.output
    assert not (tmp_path / "out/a.txt").exists()


def replay_cli(text: str) -> str:
    from cleanup.api import clean_text

    return clean_text(text).cleaned

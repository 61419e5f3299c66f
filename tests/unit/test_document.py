from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from cleanup.document import LineIndex, decode, encode, read_document
from cleanup.errors import CleanupError


def test_line_index_round_trip() -> None:
    text = "ab\ncd\n\nef"
    index = LineIndex(text)
    assert index.line_col(0) == (1, 1)
    assert index.line_col(3) == (2, 1)
    assert index.line_col(7) == (4, 1)
    for offset in range(len(text)):
        assert index.offset(*index.line_col(offset)) == offset


def test_decode_utf8_bom_is_kept_on_write() -> None:
    doc = decode(codecs.BOM_UTF8 + "普惠".encode(), "f.txt")
    assert doc.text == "普惠"
    assert encode(doc, doc.text).startswith(codecs.BOM_UTF8)


def test_decode_gb18030_fallback() -> None:
    doc = decode("open and 普惠 trade".encode("gb18030"), "f.txt")
    assert doc.text == "open and 普惠 trade" and doc.encoding == "gb18030"


def test_undecodable_names_file_and_line() -> None:
    with pytest.raises(CleanupError, match=r"f.txt:2: cannot decode byte 0xff"):
        decode(b"ok\n\xff\xfe\xfd bad", "f.txt", "utf-8")


def test_binary_file_is_refused() -> None:
    with pytest.raises(CleanupError, match="binary file"):
        decode(b"abc\x00def", "f.bin")


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(CleanupError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(CleanupError, match="is a directory"):
        read_document(tmp_path)


def test_unencodable_character_is_an_error() -> None:
    doc = decode("abc".encode("gb18030"), "f.txt", "ascii")
    with pytest.raises(CleanupError, match="cannot write"):
        encode(doc, "caf\u00e9")

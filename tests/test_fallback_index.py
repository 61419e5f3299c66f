"""The fallback index cache: built once, reused, rebuilt when stale or corrupt, on tiny sources."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from cleanup.fallback import build as build_module
from cleanup.fallback.index import Entry, open_index
from cleanup.fallback.sources import Source

CEDICT = """# CC-CEDICT
#! date=2023-11-07T06:42:16Z
#! license=https://creativecommons.org/licenses/by-sa/4.0/
美元 美元 [Mei3 yuan2] /American dollar/US dollar/
姪 侄 [zhi2] /brother's son; nephew/
乾 干 [gan1] /dry/
乾 乾 [qian2] /one of the Eight Trigrams/
"""
JIEBA = "美元 100 n\n刘 5839 zg\n白 12266 a\n刘 1 zg\n"


@pytest.fixture()
def sources(tmp_path: Path) -> list[Source]:
    jieba, cedict = tmp_path / "dict.txt", tmp_path / "cedict.txt.gz"
    jieba.write_text(JIEBA, encoding="utf-8")
    cedict.write_bytes(gzip.compress(CEDICT.encode("utf-8")))
    return [Source("jieba", jieba), Source("cedict", cedict)]


def cached(directory: Path) -> list[Path]:
    return sorted(directory.glob("fallback-*.sqlite"))


def test_built_index_answers_lookups(sources: list[Source], tmp_path: Path) -> None:
    index = open_index(sources, tmp_path / "cache")
    assert index.words(["美元", "刘", "白", "无"]) == {"美元": (100, "n"), "刘": (1, "zg"), "白": (12266, "a")}
    assert index.total == 100 + 5839 + 12266 + 1  # every line counts, as in jieba
    assert index.entries(["美元"]) == {"美元": [Entry(4, "Mei3 yuan2", "American dollar/US dollar")]}
    assert index.meta["cedict_date"] == "2023-11-07T06:42:16Z"
    # 姪 becomes 侄; 乾 stays, since it is also a simplified headword of its own.
    assert index.simplified("姪乾") == "侄乾"
    assert len(cached(tmp_path / "cache")) == 1


def test_a_cached_index_is_reused(sources: list[Source], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_index(sources, tmp_path)
    monkeypatch.setattr(build_module, "build", lambda *a: pytest.fail("rebuilt a valid cached index"))
    assert open_index(sources, tmp_path).words(["美元"]) == {"美元": (100, "n")}


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data[:4096] + b"\xff" * 64 + data[4160:],  # bytes overwritten
        lambda data: b"",  # emptied
    ],
)
def test_a_corrupt_index_is_rebuilt(
    sources: list[Source], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage  # type: ignore[no-untyped-def]
) -> None:
    open_index(sources, tmp_path)
    [path] = cached(tmp_path)
    damaged = damage(path.read_bytes())
    path.write_bytes(damaged)
    assert open_index(sources, tmp_path).words(["美元"]) == {"美元": (100, "n")}
    [rebuilt] = cached(tmp_path)
    assert rebuilt.read_bytes() != damaged
    monkeypatch.setattr(build_module, "build", lambda *a: pytest.fail("the rebuilt index was not trusted"))
    assert open_index(sources, tmp_path).words(["白"]) == {"白": (12266, "a")}


def test_a_changed_source_rebuilds_and_drops_the_old_index(sources: list[Source], tmp_path: Path) -> None:
    open_index(sources, tmp_path)
    [old] = cached(tmp_path)
    sources[0].path.write_text(JIEBA + "欧阳 257 ns\n", encoding="utf-8")
    index = open_index(sources, tmp_path)
    assert index.words(["欧阳"]) == {"欧阳": (257, "ns")}
    [new] = cached(tmp_path)
    assert new != old and not old.exists()


def test_without_a_usable_cache_the_index_lives_in_memory(
    sources: list[Source], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds = []
    real = build_module.build
    monkeypatch.setattr(build_module, "build", lambda *a: builds.append(1) or real(*a))
    assert open_index(sources, None).words(["白"]) == {"白": (12266, "a")}
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("", encoding="utf-8")
    assert open_index(sources, blocked).words(["白"]) == {"白": (12266, "a")}
    assert len(builds) == 2  # once each: an index that cannot be stored is not built twice

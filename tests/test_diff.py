"""``cleanup diff``: unified and word diffs whose hunks name the rules and entries behind them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from cleanup.cli import app
from cleanup.engine import clean
from cleanup.report.diff import unified as plain_unified
from cleanup.report.worddiff import DELETE, EQUAL, INSERT, Marks, diff_words, use_colour
from cleanup.review.hunks import hunks, unified, word_diff

from .conftest import FIXTURES, ROOT

SEED = ROOT / "seeds" / "observer-critical-minerals.txt"
SMALL = ["--no-default-glossary", "-g", str(FIXTURES / "glossary")]
runner = CliRunner()


pytestmark = pytest.mark.usefixtures("private_cache")


@pytest.fixture(scope="module")
def seed(bundled):  # type: ignore[no-untyped-def]
    return clean(SEED.read_text(encoding="utf-8"), bundled, path="seed.txt")


def _strip_labels(diff: str) -> str:
    return re.sub(r"^(@@ -\S+ \+\S+ @@).*$", r"\1", diff, flags=re.MULTILINE)


@pytest.mark.parametrize("context", [0, 1, 3, 10])
def test_unified_is_difflibs_diff_plus_labels(seed, context: int) -> None:  # type: ignore[no-untyped-def]
    ours = unified(seed, Marks(False), context)
    assert _strip_labels(ours) == plain_unified(seed, context)
    assert ours.count("\n@@ ") == len(hunks(seed, context))


def test_every_applied_change_is_named_by_the_hunk_that_shows_it(seed) -> None:  # type: ignore[no-untyped-def]
    found = hunks(seed, 0)
    for change in seed.applied:
        owners = [h for h in found if change in h.changes]
        assert len(owners) == 1, change
        label = owners[0].label()
        assert f"{change.code} {change.entry}" in label
        if change.source != change.entry:
            assert f"({change.source})" in label
        hunk = owners[0]
        assert hunk.a0 <= change.line - 1 < max(hunk.a1, hunk.a0 + 1) or change.before.startswith("\n")
    assert all(h.changes for h in found)


def test_word_diff_spells_both_texts(seed) -> None:  # type: ignore[no-untyped-def]
    body = word_diff(seed, Marks(False), context=10_000).split("\n", 3)[3]  # after ---, +++ and @@
    old = re.sub(r"\{\+.*?\+\}", "", re.sub(r"\[-(.*?)-\]", r"\1", body, flags=re.DOTALL), flags=re.DOTALL)
    new = re.sub(r"\[-.*?-\]", "", re.sub(r"\{\+(.*?)\+\}", r"\1", body, flags=re.DOTALL), flags=re.DOTALL)
    assert old.rstrip("\n") == seed.original.rstrip("\n")
    assert new.rstrip("\n") == seed.cleaned.rstrip("\n")


def test_word_diff_marks_only_the_changed_word(small) -> None:  # type: ignore[no-untyped-def]
    result = clean("Deputy Minion Houston spoke.\n", small, path="a.txt")
    out = word_diff(result, Marks(False))
    assert "Deputy [-Minion-]{+Mignon+} Houston spoke." in out
    assert "@@ -1 +1 @@ EN001 mignon-houston (tests/fixtures/glossary/terms.yaml:" in out


def test_diff_command_plain_when_piped_colour_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("zero\none\ntwo\nthree\nDeputy Minion Houston spoke.\nfour\n", encoding="utf-8")
    piped = runner.invoke(app, ["diff", str(path), *SMALL])
    assert piped.exit_code == 0, piped.output
    assert "\x1b" not in piped.stdout
    assert "-Deputy Minion Houston spoke.\n+Deputy Mignon Houston spoke.\n" in piped.stdout
    assert " zero\n" not in piped.stdout and " one\n" in piped.stdout  # --context 3 by default
    coloured = runner.invoke(app, ["diff", str(path), "--color", "always", "--word-diff", *SMALL])
    assert "\x1b[31mMinion\x1b[0m\x1b[32mMignon\x1b[0m" in coloured.stdout
    tight = runner.invoke(app, ["diff", str(path), "--context", "0", *SMALL])
    assert " three\n" not in tight.stdout and "@@ -5 +5 @@ EN001 mignon-houston" in tight.stdout
    assert path.read_text(encoding="utf-8").startswith("zero\n")  # diff never writes


def test_diff_sanitises_the_input_for_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\x1b[2J\u202eDeputy Minion Houston\x07 spoke.\n", encoding="utf-8")
    for args in (["--color", "never"], ["--color", "always", "--word-diff"]):
        result = runner.invoke(app, ["diff", str(path), *args, *SMALL])
        assert result.exit_code == 0
        assert "\\u001b[2J\\u202eDeputy" in result.stdout
        assert "\u202e" not in result.stdout and "\x07" not in result.stdout
        assert "\x1b[2J" not in result.stdout


def test_diff_errors_are_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["diff", str(tmp_path / "missing.txt"), *SMALL])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("missing.txt: no such file")
    assert len(result.stderr.strip().splitlines()) == 1
    bad = runner.invoke(app, ["diff", str(tmp_path), "--color", "sometimes", *SMALL])
    assert bad.exit_code == 2 and "--color must be auto, always or never" in bad.stderr


def test_use_colour_auto_follows_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_colour("auto", Tty()) and not use_colour("never", Tty())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour("auto", Tty())  # type: ignore[arg-type]


def test_diff_words_groups_changes_across_spaces() -> None:
    segments = diff_words("Resource Geopolitical Strategic Partnership Forum", "Forum on Resource Geostrategic Engagement")
    assert (DELETE, "Geopolitical Strategic Partnership Forum") in segments
    assert (INSERT, "Geostrategic Engagement") in segments
    assert diff_words("普惠 trade", "universally beneficial trade")[-1] == (EQUAL, " trade")


WORDS = st.lists(st.sampled_from(["a", "bb", " ", "  ", "普", "惠", ",", "Key", "\n", "key", "é"]), max_size=12).map("".join)


@given(WORDS, WORDS)
def test_diff_words_spells_before_and_after(before: str, after: str) -> None:
    segments = diff_words(before, after)
    assert "".join(t for op, t in segments if op != INSERT) == before
    assert "".join(t for op, t in segments if op != DELETE) == after
    assert all(t for _, t in segments)


def test_unified_keeps_crlf_line_ends_so_the_patch_applies(small) -> None:  # type: ignore[no-untyped-def]
    result = clean("a\r\nDeputy Minion Houston spoke.\r\nb\r\n", small, path="a.txt")
    out = unified(result, Marks(False))
    assert "-Deputy Minion Houston spoke.\r\n+Deputy Mignon Houston spoke.\r\n" in out
    assert "\\u000d" not in out and _strip_labels(out) == plain_unified(result)

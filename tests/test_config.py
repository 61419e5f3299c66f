"""Configuration: discovery, validation with file:line, precedence, globs, suppressions."""

from __future__ import annotations

import json
import os
import re
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanup.cli import app
from cleanup.config import (
    Overrides,
    apply_overrides,
    discover,
    find_config,
    load_settings,
    read_config,
)
from cleanup.engine import clean
from cleanup.errors import CleanupError
from cleanup.globs import glob_match
from cleanup.report import settings as settings_report
from cleanup.suppress import Usage, load_glossary
from cleanup.tomllines import key_lines, line_of, split_key

from .conftest import FIXTURES


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture()
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


# discovery -----------------------------------------------------------------------------------


def test_walks_up_past_a_pyproject_without_the_table(tmp_path: Path) -> None:
    top = write(tmp_path / "pyproject.toml", "[tool.cleanup]\nselect = ['ZH']\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    (tmp_path / "sub" / "deep").mkdir()
    assert find_config(tmp_path / "sub" / "deep") == top


def test_cleanup_toml_wins_in_the_same_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.cleanup]\nselect = ['ZH']\n")
    own = write(tmp_path / "cleanup.toml", "select = ['EN']\n")
    assert find_config(tmp_path) == own
    assert read_config(own).select == ("EN",)


def test_nearest_configuration_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.cleanup]\nselect = ['ZH']\n")
    near = write(tmp_path / "news" / "cleanup.toml", "ignore = ['EN002']\n")
    article = write(tmp_path / "news" / "a.txt", "text\n")
    assert discover([str(article)], cwd=tmp_path) == near


def test_files_under_two_configurations_are_an_error(tmp_path: Path) -> None:
    write(tmp_path / "one" / "cleanup.toml", "")
    write(tmp_path / "two" / "cleanup.toml", "")
    a, b = write(tmp_path / "one" / "a.txt", "x"), write(tmp_path / "two" / "b.txt", "x")
    with pytest.raises(CleanupError, match="different configurations"):
        discover([str(a), str(b)], cwd=tmp_path)


def test_no_configuration_gives_defaults(in_tmp: Path) -> None:
    settings = load_settings([str(write(in_tmp / "a.txt", "x"))])
    assert settings.config is None and settings.select == () and settings.origin("select") == "default"


# validation ----------------------------------------------------------------------------------

PYPROJECT = """
[project]
name = "news"

[tool.cleanup]
select = ["ZH", "EN"]
suggestions = true
selct = ["PU"]
"""


def test_unknown_key_names_file_line_and_a_suggestion(in_tmp: Path) -> None:
    path = write(in_tmp / "pyproject.toml", PYPROJECT)
    with pytest.raises(CleanupError) as error:
        read_config(path)
    assert str(error.value) == (
        "pyproject.toml:7: unknown key 'selct' in tool.cleanup; did you mean 'select'?"
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("tool.cleanup.select = ['ZH']\ntool.cleanup.colour = 1\n", "pyproject.toml:2: unknown key 'colour'"),
        ("[tool.cleanup]\nselect = 'ZH'\n", "pyproject.toml:2: 'select' must be a list of strings"),
        ("[tool.cleanup]\n\nignore = ['XX9']\n", "pyproject.toml:3: 'ignore': unknown rule code or prefix 'XX9'"),
        ("[tool.cleanup]\nsuggestions = 'yes'\n", "pyproject.toml:2: 'suggestions' must be true or false"),
        ("[tool.cleanup]\nformat = 'xml'\n", "pyproject.toml:2: 'format' must be one of text, json"),
        ("[tool.cleanup]\nencoding = 'klingon'\n", "pyproject.toml:2: unknown encoding 'klingon'"),
        ("[tool.cleanup]\nglossary = ['nope/']\n", "pyproject.toml:2: glossary path 'nope/' does not exist"),
        ("[tool.cleanup.per-file-ignores]\n'a/*.txt' = ['ZH001']\n'b/*' = ['QQ']\n",
         "pyproject.toml:3: 'per-file-ignores': unknown rule code or prefix 'QQ'"),
        ("[tool.cleanup]\nallow = [\n  'ok',\n  ' padded',\n]\n", "pyproject.toml:2: 'allow' phrase ' padded'"),
        ("[tool.cleanup]\nselect = [\n", "pyproject.toml:3: invalid TOML"),
        ("[project]\nname = 'x'\n", "pyproject.toml:1: no [tool.cleanup] table"),
    ],
)
def test_bad_values_name_their_line(in_tmp: Path, body: str, expected: str) -> None:
    path = write(in_tmp / "pyproject.toml", body)
    with pytest.raises(CleanupError) as error:
        read_config(path)
    assert str(error.value).startswith(expected), str(error.value)


def test_cleanup_toml_accepts_top_level_and_tool_table(in_tmp: Path) -> None:
    top = write(in_tmp / "a" / "cleanup.toml", "select = ['ZH']\nbogus = 1\n")
    with pytest.raises(CleanupError, match=r"cleanup.toml:2: unknown key 'bogus' in the top level"):
        read_config(top)
    nested = write(in_tmp / "b" / "cleanup.toml", "[tool.cleanup]\nselect = ['EN']\n")
    assert read_config(nested).select == ("EN",)


# values, paths, precedence -------------------------------------------------------------------

FULL = """
[tool.cleanup]
glossary = ["terms"]
default-glossary = false
ignore = ["EN002"]
exclude = ["drafts", "news/old/*.txt"]
allow = ["Millet Street",
         "Observer Network Effect"]
format = "json"

[tool.cleanup.per-file-ignores]
"*.md" = ["PU"]
"wire/**/*.txt" = ["ZH003", "EN001"]
"""


@pytest.fixture()
def project(in_tmp: Path) -> Path:
    write(in_tmp / "pyproject.toml", FULL)
    (in_tmp / "terms").mkdir()
    return in_tmp


def test_values_and_their_origins(project: Path) -> None:
    settings = read_config(project / "pyproject.toml")
    assert settings.glossary == ((project / "terms").resolve(),)
    assert settings.default_glossary is False and settings.format == "json"
    assert [(a.phrase, a.line) for a in settings.allow] == [("Millet Street", 6), ("Observer Network Effect", 7)]
    assert settings.origin("ignore") == "pyproject.toml:4"
    assert settings.origin("select") == "default"
    assert [p.origin for p in settings.per_file_ignores] == ["pyproject.toml:11", "pyproject.toml:12"]


def test_glossary_paths_are_relative_to_the_config_file(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.chdir(elsewhere)
    assert read_config(project / "pyproject.toml").glossary == ((project / "terms").resolve(),)


def test_exclude_and_per_file_ignores_match_globs(project: Path) -> None:
    settings = read_config(project / "pyproject.toml")
    assert settings.is_excluded("drafts/a.txt") and settings.is_excluded("x/drafts/b.txt")
    assert settings.is_excluded("news/old/c.txt") and not settings.is_excluded("news/c.txt")
    assert not settings.is_excluded("-")
    codes = {r.code for r in settings.rules_for("wire/ap/2024/a.txt")}
    assert "ZH003" not in codes and "EN001" not in codes and "EN002" not in codes and "ZH001" in codes
    assert not {r.code for r in settings.rules_for("notes/readme.md")} & {"PU001"}
    assert "PU001" in {r.code for r in settings.rules_for("notes/readme.txt")}


def test_command_line_wins_and_says_so(project: Path) -> None:
    settings = read_config(project / "pyproject.toml")
    merged = apply_overrides(settings, Overrides(ignore=["ZH"], format="sarif", suggestions=True))
    assert merged.ignore == ("ZH",) and merged.format == "sarif" and merged.suggestions
    assert merged.origin("ignore") == merged.origin("format") == "command line"
    assert merged.origin("exclude") == "pyproject.toml:5"
    with pytest.raises(CleanupError, match="unknown format"):
        apply_overrides(settings, Overrides(format="xml"))


def test_show_settings_lists_every_value_with_its_origin(project: Path) -> None:
    merged = apply_overrides(read_config(project / "pyproject.toml"), Overrides(select=["ZH"]))
    shown = settings_report.render(merged)
    assert "# configuration: pyproject.toml" in shown
    lines = {line.split(" = ")[0]: line for line in shown.splitlines() if " = " in line}
    assert lines["select"].endswith("# command line") and '"ZH"' in lines["select"]
    assert lines["ignore"].endswith("# pyproject.toml:4")
    assert lines["suggestions"].endswith("# default")
    assert lines['"wire/**/*.txt"'].endswith("# pyproject.toml:12")
    import tomllib

    assert tomllib.loads(shown)["per-file-ignores"]["*.md"] == ["PU"]


# globs and TOML lines ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.md", "a/b/c.md", True),
        ("*.md", "a/b/c.txt", False),
        ("news/*.txt", "news/a.txt", True),
        ("news/*.txt", "x/news/a.txt", False),
        ("news/*.txt", "news/sub/a.txt", False),
        ("news/**/*.txt", "news/sub/deeper/a.txt", True),
        ("news/**/*.txt", "news/a.txt", True),
        ("drafts/", "drafts/x/y.txt", True),
        ("draft?", "drafts/y.txt", True),
        ("[ab].txt", "b.txt", True),
        ("[!ab].txt", "b.txt", False),
    ],
)
def test_glob_match(pattern: str, path: str, expected: bool) -> None:
    assert glob_match(pattern, path) is expected


def test_toml_key_lines() -> None:
    text = 'a = 1\n[tool.cleanup]\nx = """\nfake = 1\n"""\n"quoted.key" = 2\n[tool . "cleanup"]\n'
    lines = key_lines(text)
    assert lines[("a",)] == 1 and lines[("tool", "cleanup")] == 2
    assert ("tool", "cleanup", "fake") not in lines
    assert lines[("tool", "cleanup", "quoted.key")] == 6
    assert line_of(lines, ("tool", "cleanup", "missing")) == 2
    assert split_key('a."b.c".d') == ("a", "b.c", "d")


# suppression ---------------------------------------------------------------------------------


def test_config_allow_list_protects_phrases_and_unused_ones_are_reported(in_tmp: Path) -> None:
    config = write(in_tmp / "cleanup.toml", """
        glossary = ["{fixtures}"]
        default-glossary = false
        allow = ["Minion Houston Street", "Never Seen Phrase"]
        [per-file-ignores]
        "quiet/*.txt" = ["EN001", "ZH"]
        "nowhere/*.txt" = ["PU"]
    """.replace("{fixtures}", (FIXTURES / "glossary").as_posix()))
    settings = read_config(config)
    glossary = load_glossary(settings)
    text = "on Minion Houston Street, Minion Houston said; the Millet phone\n"
    result = clean(text, glossary, settings.rules_for("a.txt"))
    assert result.cleaned == "on Minion Houston Street, Mignon Houston said; the Millet phone\n"

    usage = Usage()
    usage.record(text, "quiet/a.txt", glossary, settings)
    report = usage.unused(glossary, settings)
    assert any(line.startswith("cleanup.toml:3: allow 'Never Seen Phrase'") for line in report)
    assert not any("'Minion Houston Street'" in line for line in report)
    assert "cleanup.toml:6: per-file-ignores 'nowhere/*.txt' matches none of the files checked" in report
    assert "cleanup.toml:5: per-file-ignores 'quiet/*.txt': ZH reports nothing in the matching files" in report
    assert not any("EN001 reports nothing" in line for line in report)
    # the fixture glossary's own allow entry is the user's here (not bundled): unused, reported
    assert any("allow 'Millet Street' (allow-millet-street)" in line for line in report)
    assert all("glossary/" + name not in line for line in report for name in ("punctuation.yaml",))


# through the command line --------------------------------------------------------------------


ARTICLE = "By Guan察者网 Liu Bai, Deputy Minion Houston spoke on Millet Street; the Millet phone\n"


def cli(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


@pytest.fixture()
def newsroom(in_tmp: Path) -> Path:
    write(in_tmp / "pyproject.toml", f"""
        [tool.cleanup]
        glossary = ["{(FIXTURES / 'glossary').as_posix()}"]
        default-glossary = false
        select = ["ZH", "EN"]
        allow = ["Deputy Minion Houston"]

        [tool.cleanup.per-file-ignores]
        "wire/*.txt" = ["ZH002"]
    """)
    write(in_tmp / "desk" / "a.txt", ARTICLE)
    write(in_tmp / "wire" / "b.txt", ARTICLE)
    return in_tmp


def test_configuration_is_found_and_applied(newsroom: Path) -> None:
    result = cli("check", "desk/a.txt", "wire/b.txt", "--format", "json")
    assert result.exit_code == 1, result.output
    found = {(c["path"], c["code"], c["before"]) for c in json.loads(result.stdout)}
    assert ("desk/a.txt", "ZH002", "Guan察者网") in found
    assert not any(p == "wire/b.txt" and code == "ZH002" for p, code, _ in found)  # per-file ignore
    assert not any(before == "Minion Houston" for _, _, before in found)  # config allow-list
    assert ("desk/a.txt", "EN001", "Millet") in found


def test_command_line_wins_over_the_file(newsroom: Path) -> None:
    result = cli("check", "desk/a.txt", "--select", "ZH", "--format", "json")
    assert {c["code"] for c in json.loads(result.stdout)} == {"ZH002"}
    shown = cli("check", "desk/a.txt", "--select", "ZH", "--show-settings")
    assert shown.exit_code == 0
    assert re.search(r'^select = \["ZH"\] +# command line$', shown.stdout, re.MULTILINE)
    assert re.search(r"^default-glossary = false +# pyproject.toml:3$", shown.stdout, re.MULTILINE)


def test_top_level_show_settings(newsroom: Path) -> None:
    result = cli("--show-settings")
    assert result.exit_code == 0
    assert "# configuration: pyproject.toml" in result.stdout
    assert re.search(r'^"wire/\*.txt" = \["ZH002"\]  # pyproject.toml:8$', result.stdout, re.MULTILINE)


def test_fix_respects_per_file_ignores_and_the_allow_list(newsroom: Path) -> None:
    result = cli("fix", "desk", "wire", "--in-place", "-q")
    assert result.exit_code == 0, result.output
    desk = (newsroom / "desk" / "a.txt").read_text(encoding="utf-8")
    wire = (newsroom / "wire" / "b.txt").read_text(encoding="utf-8")
    assert desk.startswith("By Observer Network Liu Bai") and wire.startswith("By Guan察者网 Liu Bai")
    assert "Deputy Minion Houston" in desk and "Deputy Minion Houston" in wire


def test_configuration_errors_are_one_line_with_file_and_line(newsroom: Path) -> None:
    write(newsroom / "pyproject.toml", "[tool.cleanup]\nselect = ['ZH']\nsugestions = true\n")
    for args in (["check", "desk/a.txt"], ["fix", "desk/a.txt"], ["--show-settings"]):
        result = cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.strip() == (
            "cleanup: error: pyproject.toml:3: unknown key 'sugestions' in tool.cleanup; did you mean 'suggestions'?"
        )


def test_isolated_and_explicit_config(newsroom: Path) -> None:
    other = write(newsroom / "other.toml", "select = ['EN001']\n[tool]\n")
    with pytest.raises(CleanupError):
        read_config(other)  # a [tool] table without cleanup beside top-level keys: top level wins
    write(newsroom / "strict.toml", f"glossary = ['{(FIXTURES / 'glossary').as_posix()}']\nselect = ['EN001']\n")
    only_en = cli("check", "desk/a.txt", "--config", "strict.toml", "--format", "json", "--no-default-glossary")
    assert {c["code"] for c in json.loads(only_en.stdout)} == {"EN001"}
    isolated = cli("check", "desk/a.txt", "--isolated", "--show-settings")
    assert "# configuration: none (defaults)" in isolated.stdout


def test_unused_suppressions_on_the_command_line(newsroom: Path) -> None:
    write(newsroom / "pyproject.toml", f"""
        [tool.cleanup]
        glossary = ["{(FIXTURES / 'glossary').as_posix()}"]
        default-glossary = false
        allow = ["Deputy Minion Houston", "Gone Phrase"]
        [tool.cleanup.per-file-ignores]
        "wire/*.txt" = ["ZH002", "PU"]
    """)
    result = cli("check", "desk", "wire", "--unused-suppressions")
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert "pyproject.toml:4: allow 'Gone Phrase' (config-allow-2) suppresses nothing in the files checked" in lines
    assert "pyproject.toml:6: per-file-ignores 'wire/*.txt': PU reports nothing in the matching files" in lines
    assert not any("Deputy Minion Houston" in line or "ZH002" in line for line in lines)


def test_fix_groups_take_files_from_a_list_once(newsroom: Path) -> None:
    write(newsroom / "list.txt", "desk/a.txt\nwire/b.txt\n")
    result = cli("fix", "--files-from", "list.txt", "--in-place", "--exit-non-zero-on-fix", "-q")
    assert result.exit_code == 4, result.output  # fixed (desk) and suggestions left (Millet)
    assert (newsroom / "desk" / "a.txt").read_text(encoding="utf-8").startswith("By Observer Network")
    assert (newsroom / "wire" / "b.txt").read_text(encoding="utf-8").startswith("By Guan察者网")

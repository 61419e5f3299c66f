"""Hostile text: input that carries terminal control sequences, bidirectional overrides and HTML.

What a person reads (change logs, findings, diffs, review prompts, errors, summaries) shows
such characters as visible ``\\uXXXX`` escapes; what a program reads keeps them exactly (the
cleaned file, ``fix`` to stdout, the JSON change log) -- nothing lost, nothing executed. The
HTML report escapes everything from the text and the glossary.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanup.cli import app

# OSC (set the window title), CSI clear-screen, an 8-bit CSI, BEL, backspaces, a carriage return
# that would overwrite the line, a right-to-left override: each next to text that gets fixed.
HOSTILE = (
    "Title \x1b]0;pwned\x07 open and 普惠\x1b[2J trade\u202e, the 环球时报\x9b2J said.\r"
    "By Guan察者网\x08\x08\x08 Liu Bai，as 1 Belt and 1 Road\n"
)
# Terminal control characters and bidi controls: none may reach a terminal from input text.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
OUR_COLOUR = re.compile(r"\x1b\[[0-9;]*m")  # the SGR codes we emit ourselves with --color always
runner = CliRunner()


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLEANUP_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "glossary-cache"))


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "evil\x1b]0;name\x07\u202e\x9b.txt"  # the file name is hostile too
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def human(text: str) -> None:
    """Output meant for a person: no control or bidi character from the input survives."""
    stripped = OUR_COLOUR.sub("", text)
    found = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(stripped)} - {"U+000A", "U+0009"})
    assert not found, f"control characters reach the terminal: {found}\n{stripped!r}"


def invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args), input=stdin)
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output
    return result


def test_fix_to_stdout_keeps_the_data_and_cleans_the_log(doc: Path) -> None:
    result = invoke("fix", str(doc))
    assert result.exit_code == 0, result.output
    assert "universally beneficial" in result.stdout
    for sequence in ("\x1b]0;pwned\x07", "\x1b[2J", "\u202e", "\x9b2J", "\r", "\x08\x08\x08"):
        assert sequence in result.stdout  # the document is data: kept exactly
    assert result.stderr.strip() and "\\u001b" in result.stderr
    human(result.stderr)


def test_fix_batch_log_and_summary(doc: Path, tmp_path: Path) -> None:
    result = invoke("fix", doc.name, "--out-dir", "out", "-j", "1")
    assert result.exit_code == 0, result.output
    human(result.output)
    written = (tmp_path / "out" / doc.name).read_text(encoding="utf-8")
    assert "\x1b]0;pwned\x07" in written and "universally beneficial" in written


def test_fix_diff(doc: Path) -> None:
    result = invoke("fix", str(doc), "--diff")
    assert result.exit_code == 0 and "universally beneficial" in result.stdout, result.output
    human(result.output)


@pytest.mark.parametrize("colour", ["never", "always"])
def test_diff_command(doc: Path, colour: str) -> None:
    result = invoke("diff", str(doc), "--color", colour)
    assert "universally beneficial" in OUR_COLOUR.sub("", result.stdout), result.output
    human(result.output)


def test_check_text(doc: Path) -> None:
    result = invoke("check", str(doc), "-j", "1")
    assert result.exit_code == 1 and "ZH001" in result.stdout, result.output
    human(result.output)


def test_check_json_is_safe_on_a_terminal(doc: Path) -> None:
    result = invoke("check", str(doc), "--format", "json", "-j", "1")
    human(result.stdout)


def test_check_json_keeps_the_data_exact(doc: Path) -> None:
    result = invoke("check", str(doc), "--format", "json", "-j", "1")
    findings = json.loads(result.stdout)
    assert any(f["before"] == "普惠" for f in findings)
    assert all(HOSTILE[f["start"] : f["end"]] == f["before"] for f in findings)


def test_review_prompts(doc: Path) -> None:
    result = invoke("review", str(doc), "--decisions", "d.jsonl", "-o", "out", stdin="a\n" * 30)
    assert "普惠" in result.output or "universally" in result.output, result.output
    human(result.output)


def test_errors_name_hostile_paths_safely(tmp_path: Path) -> None:
    result = invoke("fix", "gone\x1b[2J\u202e.txt", "--out-dir", "out")
    assert result.exit_code == 2 and "gone\\u001b[2J\\u202e.txt" in result.output, result.output
    human(result.output)


def test_glossary_problems_are_safe(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text(
        'kind: term\nentries:\n  - id: x\n    en: "A \\e]0;pwned\\a B"\n    wrong: [y]\n    note: n\n    examples: [{in: y}]\n',
        encoding="utf-8",
    )
    result = invoke("glossary", "check", "--no-default-glossary", "-g", "g.yaml")
    assert result.exit_code == 2 and "g.yaml:4" in result.output, result.output
    human(result.output)


# --- the HTML report --------------------------------------------------------------------------


class Elements(HTMLParser):
    """Every tag and attribute of a page, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page(path: Path, *glossary: str) -> Elements:
    out = path.parent / (path.name + ".html")
    result = invoke("report", str(path), "-o", str(out), *glossary)
    assert result.exit_code == 0, result.output
    parsed = Elements()
    parsed.feed(out.read_text(encoding="utf-8"))
    return parsed


MARKUP = 'A <script>alert(1)</script> open and 普惠 "trade" \'x\' onmouseover="alert(2)" <img src=x onerror=alert(3)> </textarea></style>\u202eevil\n'
GLOSSARY = """\
kind: term
entries:
  - id: hostile
    en: "<script>alert(4)</script> \\" onclick='alert(5)'"
    wrong: [bad thing]
    note: "<img src=x onerror=alert(6)> & \\"notes\\""
    examples: [{in: "x"}]
"""


def test_report_escapes_the_text_and_the_glossary(tmp_path: Path) -> None:
    benign = tmp_path / "benign.txt"
    benign.write_text("An open and 普惠 trade order, a bad thing.\n", encoding="utf-8")
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(MARKUP + "a bad thing\n", encoding="utf-8")
    (tmp_path / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    base, got = page(benign, "-g", "g.yaml"), page(hostile, "-g", "g.yaml")
    assert got.tags.count("script") == base.tags.count("script")  # only the report's own script
    assert "img" not in got.tags and "textarea" not in got.tags
    handlers = [name for name, _ in got.attributes if name.startswith("on")]
    assert handlers == [name for name, _ in base.attributes if name.startswith("on")]
    text = "".join(got.text)
    assert "<script>alert(1)</script>" in text and "<script>alert(4)</script>" in text  # shown as text
    assert "\u202e" not in text and "\\u202e" in text  # the override is made visible, not obeyed

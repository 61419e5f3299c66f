"""Hostile glossaries: each is refused at load with ``file:line`` and the reason, or stopped by a
time limit -- never a hang, a crash, an exhausted memory or a traceback.

"At load" means ``load_glossary`` (what every command does first); "at validation" means
``check_glossary`` (``cleanup glossary check``); "at match time" means BP001's timeout or the
engine's pass limit while a file is cleaned with a glossary that was never validated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from cleanup.api import compile_loaded
from cleanup.cli import app
from cleanup.engine import clean
from cleanup.errors import CleanupError
from cleanup.glossary import loader, regexcost, yamlnodes
from cleanup.glossary.loader import load_glossary
from cleanup.glossary.validate import check_glossary

TERM = """\
kind: term
entries:
  - id: global-times
    zh: 环球时报
    en: Global Times
    note: n
    examples:
      - in: "the 环球时报 said"
        out: "the Global Times said"
"""
BOILER = """\
kind: boilerplate
entries:
  - id: bad
    pattern: '{pattern}'
    note: n
    examples: [{{in: "{example}"}}]
"""


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # names shown relative to here
    monkeypatch.setenv("CLEANUP_NO_CACHE", "1")


def write(tmp_path: Path, text: str | bytes, name: str = "g.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def at_load(tmp_path: Path, text: str | bytes) -> list[str]:
    return load_glossary([write(tmp_path, text)], use_default=False).problems


def at_validation(tmp_path: Path, text: str) -> list[str]:
    return check_glossary(load_glossary([write(tmp_path, text)], use_default=False))


def assert_problem(problems: list[str], pattern: str) -> None:
    assert any(re.match(pattern, p) for p in problems), problems
    assert all("\n" not in p for p in problems)


# --- YAML structure -----------------------------------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    lines = ["kind: term", "entries:", '  - &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        lines.append(f"  - &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_before_expansion(tmp_path: Path) -> None:
    # Expanded, 10**9 strings: this test would exhaust memory if anything expanded it.
    assert_problem(at_load(tmp_path, billion_laughs()), r"g.yaml:3: -: anchors and aliases are not allowed")


def test_merge_key_is_an_alias_too(tmp_path: Path) -> None:
    text = TERM.replace("    note: n\n", "    note: n\n    <<: *base\n").replace("  - id:", "  - &base\n    id:", 1)
    assert_problem(at_load(tmp_path, text), r"g.yaml:\d+: -: anchors and aliases are not allowed")


@pytest.mark.parametrize("loader_class", ["libyaml", "pure-python"])
def test_deep_nesting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loader_class: str) -> None:
    if loader_class == "pure-python":
        monkeypatch.setattr(yamlnodes, "_Loader", yaml.SafeLoader)  # recursive: RecursionError
    text = "kind: term\nentries: " + "[" * 100_000 + "]" * 100_000 + "\n"
    assert_problem(at_load(tmp_path, text), r"g.yaml:[12]: -: (invalid YAML: .*nesting depth|nested deeper than)")


def test_nesting_just_past_the_limit_names_its_line(tmp_path: Path) -> None:
    deep = "".join("  " * i + f"k{i}:\n" for i in range(1, 16))
    assert_problem(at_load(tmp_path, "kind: term\nentries:\n" + deep), r"g.yaml:1[0-9]: -: nested deeper than 12 levels")


def test_huge_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    with path.open("wb") as handle:
        handle.truncate(loader.MAX_FILE_BYTES + 1)  # sparse: nothing to read, and none is read
    problems = load_glossary([path], use_default=False).problems
    assert_problem(problems, rf"g.yaml:1: -: file is {loader.MAX_FILE_BYTES + 1} bytes, over the")


def test_many_documents_in_one_file(tmp_path: Path) -> None:
    assert_problem(at_load(tmp_path, TERM + "---\n" + TERM), r"g.yaml:1\d: -: invalid YAML: .*another document")


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        (TERM.replace("    en: Global Times\n", "    en: Global Times\n    en: Other\n"), r"g.yaml:6: -: duplicate key 'en' \(first on line 5\)"),
        (TERM + "kind: idiom\n", r"g.yaml:10: -: duplicate key 'kind' \(first on line 1\)"),
        (TERM.replace("    note: n\n", '    note: n\n    "note": m\n'), r"g.yaml:7: -: duplicate key 'note' \(first on line 6\)"),
    ],
    ids=["field", "top-level", "quoted-same-key"],
)
def test_duplicate_keys(tmp_path: Path, text: str, pattern: str) -> None:
    assert_problem(at_load(tmp_path, text), pattern)


@pytest.mark.parametrize(
    ("old", "new", "pattern"),
    [
        ("zh: 环球时报", "zh: 123", r"g.yaml:4: global-times: 'zh' must hold non-empty strings"),
        ("zh: 环球时报", "zh: [[a]]", r"g.yaml:4: global-times: 'zh' must hold non-empty strings"),
        ("zh: 环球时报", "zh: {a: b}", r"g.yaml:4: global-times: 'zh' must hold non-empty strings"),
        ("en: Global Times", "en: null", r"g.yaml:5: global-times: 'en' must be a non-empty string"),
        ("note: n", "note: 42", r"g.yaml:6: global-times: 'note' must be a non-empty string"),
        ("note: n", 'note: n\n    inflect: "yes"', r"g.yaml:7: global-times: 'inflect' must be true or false"),
        ("note: n", "note: n\n    series: 1", r"g.yaml:7: global-times: 'series' must be true or false"),
        ("id: global-times", "id: 42", r"g.yaml:3: \?: 'id' must be a non-empty string"),
        ("kind: term", "kind: [term]", r"g.yaml:1: -: 'kind' must be one of"),
        ("    examples:\n", "    examples: yes\n    examples_:\n", r"g.yaml:\d: global-times: unknown field 'examples_'"),
    ],
    ids=["zh-int", "zh-nested-list", "zh-mapping", "en-null", "note-int", "inflect-string", "series-int", "id-int", "kind-list", "examples-bool"],
)
def test_wrong_types(tmp_path: Path, old: str, new: str, pattern: str) -> None:
    assert old in TERM
    assert_problem(at_load(tmp_path, TERM.replace(old, new)), pattern)


def test_entries_not_a_list(tmp_path: Path) -> None:
    assert_problem(at_load(tmp_path, "kind: term\nentries:\n  id: x\n"), r"g.yaml:3: -: 'entries' must be a list")


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!binary", "!custom", "!!set"])
def test_tags_outside_the_core_schema(tmp_path: Path, tag: str) -> None:
    text = TERM.replace("note: n", f"note: {tag} aGVsbG8=")
    assert_problem(at_load(tmp_path, text), r"g.yaml:6: -: YAML tag '.*' is not allowed in a glossary")


def test_non_string_mapping_key(tmp_path: Path) -> None:
    text = TERM.replace("    note: n\n", "    note: n\n    ? [a, b]\n    : c\n")
    assert_problem(at_load(tmp_path, text), r"g.yaml:7: -: mapping keys must be plain strings")


# --- invalid Unicode ----------------------------------------------------------------------------


def test_undecodable_bytes_name_their_line(tmp_path: Path) -> None:
    data = TERM.encode("utf-8").replace(b"Global Times", b"Global \xff\xfe Times")
    assert_problem(at_load(tmp_path, data), r"g.yaml:5: -: not valid UTF-8 at byte \d+ \(0xff\)")


def test_lone_surrogate_escape(tmp_path: Path) -> None:
    text = TERM.replace("en: Global Times", 'en: "Global \\ud800 Times"')
    assert_problem(at_load(tmp_path, text), r"g.yaml:5: -: invalid YAML: .*(escape|surrogate)")


@pytest.mark.parametrize(
    ("where", "char"),
    [("zh: 环球时报", "\u202e"), ("zh: 环球时报", "\u2066"), ("en: Global Times", "\u200b"), ("note: n", "\u200f")],
    ids=["rlo-in-key", "isolate-in-key", "zero-width-in-output", "rlm-in-note"],
)
def test_invisible_and_bidi_controls(tmp_path: Path, where: str, char: str) -> None:
    field, value = where.split(": ")
    text = TERM.replace(where, f'{field}: "{value[:1]}{char}{value[1:]}"')
    line = TERM.splitlines().index(f"    {where}") + 1
    assert_problem(at_load(tmp_path, text), rf"g.yaml:{line}: -: invisible or control character U\+{ord(char):04X}")


def test_bidi_control_in_a_mapping_key(tmp_path: Path) -> None:
    text = TERM.replace("    note: n\n", '    note: n\n    "no\u202ete": m\n')
    assert_problem(at_load(tmp_path, text), r"g.yaml:7: -: invisible or control character U\+202E")


def test_raw_control_character(tmp_path: Path) -> None:
    text = TERM.replace("note: n", "note: n\x07")
    assert_problem(at_load(tmp_path, text), r"g.yaml:6: -: invalid YAML: character U\+0007 is not allowed")


# --- regular expressions ------------------------------------------------------------------------


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w+\s?)*$", r"(x+x+)+y", r"(.*?,){11}P"])
def test_catastrophic_backtracking_is_found_at_validation(tmp_path: Path, pattern: str) -> None:
    problems = at_validation(tmp_path, BOILER.format(pattern=pattern, example="x"))
    assert_problem(problems, r"g.yaml:4: bad: pattern took over .*backtracks catastrophically")


def test_catastrophic_backtracking_is_stopped_at_match_time(tmp_path: Path) -> None:
    glossary = compile_loaded(load_glossary([write(tmp_path, BOILER.format(pattern=r"(a+)+$", example="x"))], use_default=False))
    with pytest.raises(CleanupError, match=r"g.yaml:4: bad: pattern took over 1.0s; simplify it"):
        clean("a" * 5000 + "!", glossary)


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"(((a{100}){100}){100}){100}", r"unroll to 100000000 copies"),
        (r"(?:a{1000}){1000}", r"unroll to \d+ copies"),
        ("x" * 3000, r"3000 characters long"),
        ("(unclosed", r"pattern does not compile"),
    ],
    ids=["nested-counts", "count-of-counts", "too-long", "syntax"],
)
def test_patterns_refused_before_compiling(tmp_path: Path, pattern: str, reason: str) -> None:
    # Compiled, the first takes all memory and the second 1.7 s and 270 MB: both are refused unread.
    assert_problem(at_load(tmp_path, BOILER.format(pattern=pattern, example="x")), rf"g.yaml:4: bad: .*{reason}")


@pytest.mark.parametrize(
    ("pattern", "example"),
    [("x*", "x"), ("(?=Original)", "Original: a.com"), (r"\b", "a b"), ("^", "x"), ("(?:Editor: .*)?", "Editor: A")],
    ids=["star", "lookahead", "word-boundary", "anchor", "optional"],
)
def test_patterns_that_match_empty_text(tmp_path: Path, pattern: str, example: str) -> None:
    problems = at_validation(tmp_path, BOILER.format(pattern=pattern, example=example))
    assert_problem(problems, r"g.yaml:4: bad: pattern matches empty text")


def test_expansion_counts_like_the_compiler() -> None:
    assert regexcost.expansion("abc") == 3
    assert regexcost.expansion(r"(ab){2}c{3}") == 7
    assert regexcost.expansion(r"[a{5}]{3}\p{Han}{2}") == 5  # braces inside a class or escape are not counts
    assert regexcost.expansion(r"(a|b{10}){10}") == 110
    assert regexcost.expansion(r"a+b*c{2,}") == 4  # open repeats are loops, not copies


# --- outputs that re-create their own keys ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        (
            "kind: term\nentries:\n  - id: xinhua\n    en: Xinhua News Agency\n    wrong: [Xinhua]\n    note: n\n    examples: [{in: x}]\n",
            r"g.yaml:4: xinhua: output 'Xinhua News Agency' contains its own key 'Xinhua'",
        ),
        (
            "kind: term\nentries:\n  - id: m\n    en: critical minerals\n    variants: [mineral]\n    inflect: true\n    note: n\n    examples: [{in: x}]\n",
            r"g.yaml:4: m: output 'critical minerals' contains its own key 'mineral'",
        ),
        (
            "kind: idiom\nentries:\n  - id: i\n    en: a big big deal\n    wrong: [big deal]\n    note: n\n    examples: [{in: x}]\n",
            r"g.yaml:4: i: output 'a big big deal' contains its own key 'big deal'",
        ),
        (
            "kind: punctuation\nentries:\n  - id: p\n    zh: '，'\n    en: '，,'\n    note: n\n    examples: [{in: x}]\n",
            r"g.yaml:5: p: output '，,' contains its own key '，'",
        ),
    ],
    ids=["term-wrong", "term-variant-plural", "idiom", "punctuation"],
)
def test_output_recreating_its_own_key_is_refused_at_load(tmp_path: Path, text: str, pattern: str) -> None:
    assert_problem(at_load(tmp_path, text), pattern)


def test_case_sensitive_key_inside_output_of_other_case_is_fine(tmp_path: Path) -> None:
    text = "kind: term\nentries:\n  - id: us\n    en: US policy\n    wrong: [Us policy]\n    note: n\n    examples: [{in: x}]\n"
    assert at_load(tmp_path, text) == []  # 'Us policy' is case-sensitive: 'US policy' is not it


RECREATING_BOILER = """\
kind: boilerplate
entries:
  - id: note-line
    pattern: '^Note: (.+)$'
    keep: 1
    lead: 'Note: Note: '
    note: n
    examples: [{in: "Note: x", out: "Note: Note: x"}]
"""


def test_boilerplate_output_matched_again_is_found_at_validation(tmp_path: Path) -> None:
    problems = at_validation(tmp_path, RECREATING_BOILER)
    assert_problem(problems, r"g.yaml:8: note-line: .*(matched by the pattern again|did not converge)")


def test_recreating_boilerplate_is_stopped_by_the_pass_limit(tmp_path: Path) -> None:
    glossary = compile_loaded(load_glossary([write(tmp_path, RECREATING_BOILER)], use_default=False))
    with pytest.raises(CleanupError, match=r"-:1:1: fixes did not converge after \d passes: BP001 note-line \(g.yaml:3\)"):
        clean("Note: something\n", glossary)


CYCLE = """\
kind: term
entries:
  - id: a
    en: Beta Group
    wrong: [Alpha Group]
    note: n
    examples: [{in: "x"}]
  - id: b
    en: Alpha Group
    wrong: [Beta Group]
    note: n
    examples: [{in: "x"}]
"""


def test_cycle_between_entries(tmp_path: Path) -> None:
    assert_problem(at_validation(tmp_path, CYCLE), r"g.yaml:4: a: output 'Beta Group' contains key 'Beta Group' of b")
    glossary = compile_loaded(load_glossary([write(tmp_path, CYCLE)], use_default=False))
    assert clean("the Alpha Group met", glossary).cleaned == "the Alpha Group met"  # back where it began: stops


def chain(length: int) -> str:
    names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta"][: length + 1]
    entries = [
        f"  - id: e{i}\n    en: {names[i + 1]} Group\n    wrong: [{names[i]} Group]\n    note: n\n    examples: [{{in: x}}]\n"
        for i in range(length)
    ]
    return "kind: term\nentries:\n" + "".join(entries)


def test_chain_longer_than_the_pass_limit(tmp_path: Path) -> None:
    text = chain(6)
    assert_problem(at_validation(tmp_path, text), r"g.yaml:4: e0: output 'Beta Group' contains key 'Beta Group' of e1")
    glossary = compile_loaded(load_glossary([write(tmp_path, text)], use_default=False))
    with pytest.raises(CleanupError, match=r"-:1:5: fixes did not converge after \d passes: EN001 e\d"):
        clean("the Alpha Group met", glossary)


def test_check_reports_the_text_as_given_and_fix_follows_the_chain(tmp_path: Path) -> None:
    """``check`` is one pass (what the rules find in the given text); ``fix`` runs to the fixed
    point, so its log also has the change a first fix's output made possible."""
    write(tmp_path, chain(2))
    doc = write(tmp_path, "the Alpha Group met\n", "doc.txt")
    glossary = compile_loaded(load_glossary([tmp_path / "g.yaml"], use_default=False))
    one = clean("the Alpha Group met", glossary, converge=False)
    assert [(c.entry, c.after) for c in one.changes] == [("e0", "Beta Group")]
    assert one.cleaned == "the Beta Group met"
    full = clean("the Alpha Group met", glossary)
    assert full.cleaned == "the Gamma Group met" and [c.after for c in full.changes] == ["Gamma Group"]
    layers = ["--no-default-glossary", "-g", str(tmp_path / "g.yaml")]
    checked = CliRunner().invoke(app, ["check", "-q", *layers, str(doc)])
    assert checked.exit_code == 1 and "use 'Beta Group' (g.yaml:3)" in checked.output, checked.output
    assert "Gamma" not in checked.output
    fixed = CliRunner().invoke(app, ["fix", *layers, str(doc)])
    assert fixed.exit_code == 0 and fixed.output.startswith("the Gamma Group met\n"), fixed.output
    assert "EN001 e1: 'Alpha Group' → 'Gamma Group'" in fixed.output


def test_check_does_not_run_into_the_pass_limit(tmp_path: Path) -> None:
    glossary = compile_loaded(load_glossary([write(tmp_path, chain(6))], use_default=False))
    assert [c.entry for c in clean("the Alpha Group met", glossary, converge=False).changes] == ["e0"]


# --- through the command line: one line, exit 2, no traceback ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (billion_laughs(), "g.yaml:3: -: anchors and aliases are not allowed"),
        (BOILER.format(pattern=r"(((a{100}){100}){100}){100}", example="x"), "g.yaml:4: bad: pattern's nested counted repeats"),
        (TERM.replace("zh: 环球时报", 'zh: "环\u202e球时报"'), "g.yaml:4: -: invisible or control character U+202E"),
        (BOILER.format(pattern=r"(a+)+$", example="x"), "g.yaml:4: bad: pattern took over 1.0s; simplify it"),
    ],
    ids=["alias-bomb", "compile-bomb", "bidi-key", "backtracking-at-match-time"],
)
def test_cli_reports_one_line(tmp_path: Path, text: str, expected: str) -> None:
    write(tmp_path, text)
    doc = write(tmp_path, "a" * 5000 + "!\n", "doc.txt")
    result = CliRunner().invoke(app, ["check", "--no-default-glossary", "-g", "g.yaml", str(doc)])
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("cleanup: error:")]
    assert len(errors) == 1 and expected in errors[0], result.output
    assert "Traceback" not in result.output


CASE_ONLY_VARIANT = """\
kind: term
entries:
  - id: chips
    en: CHIPS and Science Act
    wrong: [Chip and Science Act]
    variants: [Chips and Science Act]
    note: n
    examples: [{in: x}]
"""


def test_a_fix_that_changes_nothing_is_no_finding_and_the_loop_ends(tmp_path: Path) -> None:
    """In upper-case text a variant that differs from its English only in case is rewritten, in
    that case, to itself. Such a no-op was once counted as a change, and the fix loop never
    reached its fixed point (found by the fuzzer)."""
    glossary = compile_loaded(load_glossary([write(tmp_path, CASE_ONLY_VARIANT)], use_default=False))
    result = clean("THE CHIP AND SCIENCE ACT TOOK EFFECT", glossary)
    assert result.cleaned == "THE CHIPS AND SCIENCE ACT TOOK EFFECT"
    assert [c.code for c in result.applied] == ["EN001"]
    assert clean("CHIPS AND SCIENCE ACT", glossary).changes == ()
    mixed = clean("The CHIPS and Science Act, or the Chips and Science Act.", glossary)
    assert mixed.cleaned == "The CHIPS and Science Act, or the CHIPS and Science Act."  # EN003 still unifies

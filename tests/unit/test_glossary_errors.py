"""Every validation error is reported as ``FILE:LINE: ID: message`` with the exact line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleanup.glossary.loader import load_glossary
from cleanup.glossary.validate import check_glossary

GOOD = """\
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


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # file names are shown relative to the working directory


def problems_for(tmp_path: Path, text: str, name: str = "g.yaml") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded = load_glossary([path], use_default=False)
    return check_glossary(loaded)


def test_good_file_has_no_problems(tmp_path: Path) -> None:
    assert problems_for(tmp_path, GOOD) == []


CASES = [
    ("invalid-yaml", "kind: term\nentries:\n  - id: [oops\n", r"g.yaml:\d+: -: invalid YAML"),
    ("alias", "kind: term\nentries:\n  - &a {id: x, en: X, wrong: [y], note: n, examples: [{in: y}]}\n  - *a\n", r"g.yaml:3: -: anchors and aliases are not allowed"),
    ("duplicate-key", GOOD.replace("    en: Global Times\n", "    en: Global Times\n    en: Other\n"), r"g.yaml:6: -: duplicate key 'en' \(first on line 5\)"),
    ("unknown-field", GOOD.replace("    note: n\n", "    note: n\n    colour: red\n"), r"g.yaml:7: global-times: unknown field 'colour'"),
    ("missing-field", GOOD.replace("    note: n\n", ""), r"g.yaml:3: global-times: missing field 'note'"),
    ("bad-id", GOOD.replace("id: global-times", "id: Global Times"), r"g.yaml:3: Global Times: id must be lowercase"),
    ("bad-safety", GOOD.replace("    note: n\n", "    note: n\n    safety: maybe\n"), r"g.yaml:7: global-times: 'safety' must be one of safe, suggestion"),
    ("wrong-type", GOOD.replace("en: Global Times", "en: [Global Times]"), r"g.yaml:5: global-times: 'en' must be a non-empty string"),
    ("short-not-in-en", GOOD.replace("    note: n\n", "    short: Time\n    note: n\n"), r"g.yaml:6: global-times: 'short' must be whole words of 'en'"),
    ("key-not-all-han", GOOD.replace("zh: 环球时报", "zh: [环球时报, 环球5时报]"), r"g.yaml:4: global-times: key '环球5时报' is not all Chinese characters"),
    ("bad-kind", GOOD.replace("kind: term", "kind: terms"), r"g.yaml:1: -: 'kind' must be one of"),
    ("not-a-mapping", "- a\n- b\n", r"g.yaml:1: -: a glossary file is a mapping"),
    ("failing-example", GOOD.replace('out: "the Global Times said"', 'out: "the Global Times says"'), r"g.yaml:8: global-times: example 'the 环球时报 said' gave 'the Global Times said', expected"),
    ("empty-examples", GOOD.replace('    examples:\n      - in: "the 环球时报 said"\n        out: "the Global Times said"\n', "    examples: []\n"), r"g.yaml:7: global-times: 'examples' must be a non-empty list"),
]


@pytest.mark.parametrize(("name", "text", "pattern"), CASES, ids=[c[0] for c in CASES])
def test_schema_error_lines(tmp_path: Path, name: str, text: str, pattern: str) -> None:
    problems = problems_for(tmp_path, text)
    assert any(re.match(pattern, p) for p in problems), problems


def test_duplicate_id(tmp_path: Path) -> None:
    text = GOOD + GOOD.split("entries:\n", 1)[1].replace("环球时报", "人民日报").replace("Global Times", "People's Daily")
    assert "g.yaml:10: global-times: duplicate id (first at g.yaml:3)" in problems_for(tmp_path, text)


def test_zh_key_unique_after_script_folding(tmp_path: Path) -> None:
    other = GOOD.split("entries:\n", 1)[1].replace("global-times", "huanqiu").replace("环球时报", "環球時報")
    problems = problems_for(tmp_path, GOOD + other.replace("Global Times", "Huanqiu"))
    assert any(p.startswith("g.yaml:11: huanqiu: key '環球時報' is also a key of global-times") for p in problems), problems


def test_en_key_unique_after_case_folding(tmp_path: Path) -> None:
    text = """\
kind: term
entries:
  - id: a
    en: Alpha
    wrong: [alfa]
    note: n
    examples: [{in: "x alfa y", out: "x Alpha y"}]
  - id: b
    en: Beta
    wrong: [ALFA]
    note: n
    examples: [{in: "x"}]
"""
    assert any(p.startswith("g.yaml:10: b: key 'ALFA' is also a key of a") for p in problems_for(tmp_path, text))


def test_chain_is_rejected(tmp_path: Path) -> None:
    text = """\
kind: term
entries:
  - id: a
    en: Beta Group
    wrong: [Alpha Group]
    note: n
    examples: [{in: "x"}]
  - id: b
    en: Gamma
    wrong: [Beta Group]
    note: n
    examples: [{in: "x"}]
"""
    problems = problems_for(tmp_path, text)
    assert any(p.startswith("g.yaml:4: a: output 'Beta Group' contains key 'Beta Group' of b") for p in problems), problems


BOILER = """\
kind: boilerplate
entries:
  - id: bad
    pattern: '{pattern}'
    note: n
    examples: [{{in: "x"}}]
"""


def test_regex_that_does_not_compile(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, BOILER.format(pattern="(unclosed"))
    assert any(p.startswith("g.yaml:4: bad: pattern does not compile") for p in problems), problems


def test_regex_matching_empty_text(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, BOILER.format(pattern="x*"))
    assert any(p.startswith("g.yaml:4: bad: pattern matches empty text") for p in problems), problems


def test_missing_glossary_path(tmp_path: Path) -> None:
    loaded = load_glossary([tmp_path / "nope.yaml"], use_default=False)
    assert loaded.problems and "nope.yaml" in loaded.problems[0]


def test_user_layer_overrides_bundled_id(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "kind: term\nentries:\n  - id: fullwidth-comma\n    en: X\n    wrong: [qqq]\n    note: n\n    examples: [{in: 'a qqq b', out: 'a X b'}]\n",
        encoding="utf-8",
    )
    loaded = load_glossary([path])
    assert any("fullwidth-comma: overrides glossary/punctuation.yaml" in n for n in loaded.notices)

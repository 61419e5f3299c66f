"""Input formats: protected spans stay byte for byte, prose is cleaned, and the output differs
from the input only inside the changes the log records."""

from __future__ import annotations

import json

import pytest

from cleanup.batch.work import Item, Settings, process
from cleanup.formats import format_of, html, jsonl, markdown
from cleanup.formats.masking import merge, touches
from cleanup.model import Status
from cleanup.rules import RULES

SETTINGS = Settings(RULES, fields=("text", "title"))


def run(small, name: str, text: str, settings: Settings = SETTINGS):  # type: ignore[no-untyped-def]
    outcome = process(small, settings, Item(0, name, text.encode("utf-8"), format_of(name)))
    assert outcome.error is None, outcome.error
    output = outcome.output.decode("utf-8") if outcome.output is not None else text
    return output, outcome


def replay(original: str, changes) -> str:  # type: ignore[no-untyped-def]
    """Apply the log's applied changes to the original, independently of the code under test."""
    out = original
    for c in sorted((c for c in changes if c.status is Status.APPLIED), key=lambda c: c.start, reverse=True):
        assert original[c.start : c.end] == c.before
        out = out[: c.start] + (c.after or "") + out[c.end :]
    return out


def unchanged_outside(original: str, changes, protected: list[str]) -> None:  # type: ignore[no-untyped-def]
    for piece in protected:
        assert piece in original
        spans = [(i, i + len(piece)) for i in range(len(original)) if original.startswith(piece, i)]
        for start, end in spans:
            assert not any(c.start < end and start < c.end for c in changes if c.status is Status.APPLIED), piece


MD = """# Guan察者网 report

Open and普惠 trade, see `Minion Houston` and [Minion Houston](https://example.com/Minion_Houston "Minion Houston").

```text
Minion Houston 普惠
```

    Minion Houston, indented code

Deputy Minion Houston spoke at https://x.org/Minion普惠 today; <span class="Minion Houston">ok</span>.

[ref]: https://example.com/普惠 "Minion Houston"
"""


def test_markdown_cleans_prose_and_keeps_code_urls_and_targets(small) -> None:
    output, outcome = run(small, "a.md", MD)
    assert output == replay(MD, outcome.changes)
    assert output.startswith("# Observer Network report\n")
    assert "Open and universally beneficial trade" in output
    assert "[Mignon Houston](https://example.com/Minion_Houston \"Minion Houston\")" in output
    assert "Deputy Mignon Houston spoke" in output
    kept = ["`Minion Houston`", "```text\nMinion Houston 普惠\n```", "    Minion Houston, indented code",
            "https://x.org/Minion普惠", '<span class="Minion Houston">', '[ref]: https://example.com/普惠 "Minion Houston"']
    for piece in kept:
        assert piece in output
    unchanged_outside(MD, outcome.changes, kept)


def test_markdown_protected_spans_found() -> None:
    text = "a `b` c\n\n~~~~\nx\n~~~~\n\n<https://a.b/c> d@e.org"
    found = [text[s:e] for s, e in markdown.protected_spans(text)]
    assert "`b`" in found and "~~~~\nx\n~~~~" in found and "<https://a.b/c>" in found and "d@e.org" in found


HTML = """<!DOCTYPE html>
<html><head><title>Guan察者网</title><style>p::after { content: "普惠"; }</style>
<script>var a = "Minion Houston"; // 普惠</script></head>
<body><p title="Minion Houston" data-x='普惠'>Deputy Minion Houston &amp; open and普惠 trade&#8212;AT&amp;T</p>
<!-- Minion Houston 普惠 --><pre>Minion Houston</pre><p>Minion <b>Houston</b> said</p></body></html>
"""


def test_html_cleans_text_nodes_only(small) -> None:
    output, outcome = run(small, "a.html", HTML)
    assert output == replay(HTML, outcome.changes)
    assert "<title>Observer Network</title>" in output
    assert "Deputy Mignon Houston &amp; open and universally beneficial trade&#8212;AT&amp;T" in output
    kept = ['<style>p::after { content: "普惠"; }</style>', '<script>var a = "Minion Houston"; // 普惠</script>',
            "<p title=\"Minion Houston\" data-x='普惠'>", "<!-- Minion Houston 普惠 -->", "<pre>Minion Houston</pre>",
            "&amp;", "&#8212;", "<!DOCTYPE html>"]
    for piece in kept:
        assert piece in output
    unchanged_outside(HTML, outcome.changes, kept)


def test_html_unclosed_raw_element_protects_to_the_end() -> None:
    text = "<p>a</p><script>var x = 1;"
    assert text[slice(*html.protected_spans(text)[-1])] == "<script>var x = 1;"


def test_touches_protected_spans() -> None:
    spans = merge([(10, 20), (15, 25), (30, 40)])
    starts = [s for s, _ in spans]
    assert spans == [(10, 25), (30, 40)]
    assert touches(spans, starts, 5, 11) and touches(spans, starts, 24, 31) and touches(spans, starts, 12, 12)
    assert not touches(spans, starts, 0, 10) and not touches(spans, starts, 25, 30) and not touches(spans, starts, 10, 10)


def test_a_change_reaching_into_protected_text_is_skipped(small) -> None:
    # The boilerplate pattern matches the whole line, code span included: deleting it would
    # delete code, so the change is recorded as skipped and the file is left as it was.
    text = "Prices rose.\n\nThis article is exclusive to `Observer Network`. Unauthorized reproduction is prohibited.\n"
    output, outcome = run(small, "a.md", text)
    assert output == text
    skipped = [c for c in outcome.changes if c.code == "BP001"]
    assert skipped and all(c.status is Status.SKIPPED_OVERLAP and "protected" in c.reason for c in skipped)
    plain, again = run(small, "a.txt", text)
    assert "exclusive" not in plain  # the same line in plain text is removed


JSONL_LINES = [
    '{"id": 1, "text": "open and\\u666e\\u60e0 trade, Minion Houston", "title": "Minion Houston", "n": 1.50}',
    "not json at all",
    '{"id": 3, "text": 5}',
    '{ "text" : "Deputy Minion Houston\\nsaid \\ud83d\\ude00 Minion Houston" , "meta": {"text": "Minion Houston"}}',
    "",
    '{"id": 5, "text": null, "title": "fine"}',
]


def test_jsonl_cleans_fields_keeps_every_other_byte_and_reports_bad_lines(small) -> None:
    text = "\n".join(JSONL_LINES) + "\n"
    output, outcome = run(small, "c.jsonl", text)
    lines = output.split("\n")
    assert json.loads(lines[0]) == {"id": 1, "text": "open and universally beneficial trade, Mignon Houston",
                                    "title": "Mignon Houston", "n": 1.5}
    assert lines[0].endswith(', "n": 1.50}')  # the number keeps its spelling
    assert lines[1:3] == JSONL_LINES[1:3] and lines[4:6] == JSONL_LINES[4:6]
    assert lines[3] == JSONL_LINES[3].replace("Minion", "Mignon", 2)  # not the nested "meta" field
    assert json.loads(lines[3])["text"] == "Deputy Mignon Houston\nsaid \U0001f600 Mignon Houston"
    assert outcome.problems == ["c.jsonl:2: not valid JSON (Expecting value); line kept",
                                "c.jsonl:3: field 'text' is not a string; line kept"]
    assert output == replay(text, outcome.changes)
    assert {c.line for c in outcome.changes} == {1, 4} and outcome.fields and set(outcome.fields) == {"text", "title"}
    first = next(c for c in outcome.changes if c.code == "ZH001")
    assert first.before == "\\u666e\\u60e0" and first.col == first.start + 1


def test_raw_offsets_map_escapes() -> None:
    value, offsets = jsonl.raw_offsets('a\\nb\\u00e9\\ud83d\\ude00c')
    assert value == "a\nb\u00e9\U0001f600c"
    assert offsets == [0, 1, 3, 4, 10, 22, 23]


@pytest.mark.parametrize(("name", "override", "expected"), [
    ("a.MD", None, "md"), ("a.htm", None, "html"), ("x.ndjson", None, "jsonl"), ("notes", None, "txt"), ("a.md", "txt", "txt"),
])
def test_format_of(name: str, override: str | None, expected: str) -> None:
    assert format_of(name, override) == expected


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown input format 'doc'"):
        format_of("a.txt", "doc")

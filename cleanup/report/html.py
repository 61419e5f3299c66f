"""One self-contained HTML review report: every change marked in its text, toggles, a download.

The page loads nothing: the stylesheet, the script and the data are inline, and a Content
Security Policy with ``default-src 'none'`` and the script's own hash keeps it that way (a
script that escaping somehow let through would still not run). Everything from the input and
the glossary is escaped: ``&<>"'`` as entities, and control and bidirectional-override
characters (which can make text read differently from what it is) as visible ``\\uXXXX``.
The embedded JSON escapes every non-ASCII character and ``<>&``, so it cannot end its element.

Overlapping changes (a fix and the one it shadowed) are drawn as alternatives side by side in
one cluster; the script keeps at most one of any overlapping pair accepted, as ``apply`` does.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .._version import VERSION
from ..model import Change, CleanResult, Span, Status
from ..review.decisions import ACCEPT, REJECT, Record
from ..review.htmlassets import CSS, JS

_UNSAFE = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SAFETIES = ("safe", "suggestion", "report-only")


@dataclass(frozen=True)
class Item:
    """One change of one file as the report shows it."""

    index: int
    file: int
    change: Change
    record: Record

    @property
    def toggle(self) -> bool:
        return self.change.after is not None

    @property
    def safety(self) -> str:
        return self.record.safety if self.toggle and self.record.safety else "report-only"


def attr(text: str) -> str:
    """Text for an attribute value or a plain text node: controls shown, ``&<>"'`` escaped."""
    return html.escape(_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text), quote=True)


def text(value: str) -> str:
    """Text for the page body: like ``attr``, with controls drawn in a span of their own."""
    out, pos = [], 0
    for m in _UNSAFE.finditer(value):
        out.append(html.escape(value[pos : m.start()], quote=True))
        out.append(f'<span class="ctl">\\u{ord(m.group(0)):04x}</span>')
        pos = m.end()
    out.append(html.escape(value[pos:], quote=True))
    return "".join(out)


def render(files: Sequence[tuple[CleanResult, Sequence[Record]]], summary: str = "") -> str:
    """The report for ``(result, records)`` pairs; ``records`` align with ``result.changes``."""
    items = _items(files)
    scripted = JS
    digest = base64.b64encode(hashlib.sha256(scripted.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:"
    head = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>cleanup report</title>\n<style>{CSS}</style></head>\n<body>\n"
    )
    body = [_header(items), f'<main><pre class="summary">{text(summary)}</pre>', _entries(items)]
    for number, (result, _) in enumerate(files):
        body.append(_file(number, result, [i for i in items if i.file == number]))
    body.append("</main>")
    data = f'<script type="application/json" id="cleanup-data">{_data(files, items)}</script>\n'
    return head + "\n".join(body) + "\n" + data + f"<script>{scripted}</script>\n</body></html>\n"


def _items(files: Sequence[tuple[CleanResult, Sequence[Record]]]) -> list[Item]:
    out: list[Item] = []
    for number, (result, records) in enumerate(files):
        for change, record in zip(result.changes, records, strict=True):
            out.append(Item(len(out), number, change, record))
    return out


def _header(items: list[Item]) -> str:
    codes = sorted({i.change.code for i in items})
    safeties = [s for s in SAFETIES if any(i.safety == s for i in items)]
    rules = "".join(_filter("rule", c) for c in codes)
    kinds = "".join(_filter("safety", s) for s in safeties)
    return (
        '<header><h1>cleanup report</h1>\n'
        f'<div class="controls"><fieldset><legend>rule</legend>{rules}</fieldset>'
        f"<fieldset><legend>safety</legend>{kinds}</fieldset>"
        '<label><input type="checkbox" id="as-decided"> show the text as decided</label>'
        '<button type="button" id="download">Download decisions</button>'
        '<span id="tally"></span></div></header>\n'
    )


def _filter(kind: str, value: str) -> str:
    box = f'<input type="checkbox" class="filter" data-kind="{kind}" value="{attr(value)}" checked>'
    return f"<label>{box} {text(value)}</label> "


def _entries(items: list[Item]) -> str:
    rows = []
    for number, (entry, members) in enumerate(_by_entry(items)):
        first = members[0].record
        rows.append(
            f"<tr><td>{text(entry)}</td><td><small>{text(first.source)}</small></td><td>{len(members)}</td><td>"
            f'<button type="button" class="entry-all" data-e="{number}" data-d="{ACCEPT}">accept all</button> '
            f'<button type="button" class="entry-all" data-e="{number}" data-d="{REJECT}">reject all</button>'
            "</td></tr>"
        )
    return (
        '<details class="entries"><summary>Accept or reject by glossary entry</summary><table class="entries">'
        "<tr><th>entry</th><th>source</th><th>changes</th><th></th></tr>" + "".join(rows) + "</table></details>"
    )


def _by_entry(items: list[Item]) -> list[tuple[str, list[Item]]]:
    groups: dict[str, list[Item]] = {}
    for item in items:
        if item.toggle:
            groups.setdefault(item.record.entry, []).append(item)
    return sorted(groups.items())


def _file(number: int, result: CleanResult, items: list[Item]) -> str:
    return (
        f'<section class="file" id="file-{number}"><h2>{text(result.path)}</h2>\n'
        f'<div class="doc">{_doc(result.original, items)}</div>'
        f'<div class="result" id="result-{number}"></div>\n'
        f"{_table(items)}</section>"
    )


def _clusters(items: list[Item]) -> list[tuple[int, int, list[Item]]]:
    """Items whose spans overlap, transitively, drawn together as alternatives."""
    out: list[tuple[int, int, list[Item]]] = []
    for item in sorted(items, key=lambda i: (i.change.start, i.change.end, i.index)):
        span = Span(item.change.start, item.change.end)
        if out and Span(out[-1][0], out[-1][1]).overlaps(span):
            lo, hi, members = out[-1]
            out[-1] = (lo, max(hi, span.end), members + [item])
        else:
            out.append((span.start, span.end, [item]))
    return out


def _doc(original: str, items: list[Item]) -> str:
    out, pos = [], 0
    for lo, hi, members in _clusters(items):
        out.append(text(original[pos:lo]))
        multi = " multi" if len(members) > 1 else ""
        out.append(f'<span class="cl{multi}">')
        for item in members:
            c = item.change
            inner = f"<del>{text(c.before)}</del><ins>{text(c.after or '')}</ins>"
            if not item.toggle:
                inner = f"<mark>{text(c.before)}</mark>"
            kind = "chg" if item.toggle else "note"
            out.append(
                f'<span class="{kind}" id="m{item.index}" data-i="{item.index}" data-code="{attr(c.code)}" '
                f'data-safety="{item.safety}" title="{attr(_title(item))}">'
                f"{text(original[lo:c.start])}{inner}{text(original[c.end:hi])}</span>"
            )
        out.append("</span>")
        pos = hi
    out.append(text(original[pos:]))
    return "".join(out)


def _title(item: Item) -> str:
    c = item.change
    return f"{c.code} {c.entry} ({c.source or c.entry}), {item.safety}: {c.message}"


def _table(items: list[Item]) -> str:
    """The list of changes under a file's text: grid rows, not a table, so that a long list lays out fast."""
    head = "".join(f"<div>{name}</div>" for name in ("accept", "where", "rule", "safety", "entry", "change", "message"))
    rows = [f'<div class="changes"><div class="row head">{head}</div>']
    for item in items:
        c = item.change
        box = (f'<input type="checkbox" class="toggle" data-i="{item.index}" aria-label="accept change {item.index}">'
               if item.toggle else "")
        after = f" → <ins>{text(c.after)}</ins>" if c.after is not None else ""
        note = f"<br><small>{text(c.reason)}</small>" if c.status is Status.SKIPPED_OVERLAP else ""
        rows.append(
            f'<div class="row" id="r{item.index}" data-i="{item.index}" data-code="{attr(c.code)}" '
            f'data-safety="{item.safety}"><div>{box}</div><div><a href="#m{item.index}">{c.line}:{c.col}</a></div>'
            f'<div>{text(c.code)}</div><div class="{item.safety}">{item.safety}</div>'
            f"<div>{text(c.entry)}<br><small>{text(c.source)}</small></div>"
            f'<div class="pair"><del>{text(c.before)}</del>{after}</div>'
            f'<div class="msg">{text(c.message)}{note}</div></div>'
        )
    rows.append("</div>")
    return "\n".join(rows)


def _data(files: Sequence[tuple[CleanResult, Sequence[Record]]], items: list[Item]) -> str:
    entries = _by_entry(items)
    entry_of = {item.index: n for n, (_, members) in enumerate(entries) for item in members}
    overlaps = _overlaps(items)
    payload = {
        "version": VERSION,
        "files": [{"path": result.path, "text": result.original} for result, _ in files],
        "items": [
            {
                "file": item.file,
                "toggle": item.toggle,
                "default": ACCEPT if item.change.status is Status.APPLIED else REJECT,
                "overlaps": overlaps.get(item.index, []),
                "entry": entry_of.get(item.index),
                "record": item.record.as_dict(),
            }
            for item in items
        ],
        "entries": [{"entry": entry, "items": [m.index for m in members]} for entry, members in entries],
    }
    encoded = json.dumps(payload, ensure_ascii=True, separators=(",", ":"))
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _overlaps(items: list[Item]) -> dict[int, list[int]]:
    """For each change with a fix, the others in its file whose spans overlap it (only within a cluster)."""
    out: dict[int, list[int]] = {}
    for number in sorted({i.file for i in items}):
        for _, _, members in _clusters([i for i in items if i.file == number]):
            fixes = [m for m in members if m.toggle]
            for m in fixes:
                span = Span(m.change.start, m.change.end)
                out[m.index] = [
                    o.index for o in fixes if o is not m and Span(o.change.start, o.change.end).overlaps(span)
                ]
    return out

"""TBX (ISO 30042, TermBase eXchange) in and out, in the TBX-Basic dialect.

Export writes TBX v3 (ISO 30042:2019, ``tbx`` / ``conceptEntry`` / ``langSec`` / ``termSec``) or,
with version 2, the older ``martif`` / ``termEntry`` / ``langSet`` / ``tig``. Per entry:

* ``zh`` keys → ``langSec xml:lang="zh"`` terms (the first preferred, the rest admitted);
* ``en`` → the preferred English term, ``variants`` → admitted, ``wrong`` → deprecated terms
  (``termNote type="administrativeStatus"``); ``note`` → ``note``; the file → ``subjectField``;
* examples → ``descripGrp`` holding a ``descrip type="context"`` and its expected output;
* everything else (kind, id, safety, patterns…) → ``admin type="x-cleanup-FIELD"``, which other
  tools ignore and which makes export → import lossless. An entry with no terms (boilerplate)
  gets a ``zxx`` (no linguistic content) language section so that the file stays well formed.

Import reads both versions and their usual variations (``ntig``/``termGrp``, ``langSet``,
``normativeAuthorization``, region subtags such as ``zh-Hant``, namespaces, extra elements).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CleanupError
from .entries import KINDS
from .newentry import NewEntry, build_record, slug
from .records import Imported, Record, field_order, field_type, parse_value, value_text
from .safexml import parse_file

PREFIX = "x-cleanup-"
TERM_FIELDS = ("zh", "en", "wrong", "variants", "note", "examples")
STATUS = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts", "deprecated": "deprecatedTerm-admn-sts"}


@dataclass(frozen=True)
class Names:
    root: str
    header: str
    entry: str
    lang: str
    term: str
    opening: str


DIALECTS = {
    "3": Names("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec",
               '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'),
    "2": Names("martif", "martifHeader", "termEntry", "langSet", "tig",
               '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n<martif type="TBX-Basic" xml:lang="en">'),
}  # fmt: skip


def esc(text: str) -> str:
    """Escape for XML text and attributes; CR and TAB survive a parser as character references."""
    for a, b in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("\r", "&#13;"), ("\t", "&#9;")):
        text = text.replace(a, b)
    if any(ord(c) < 0x20 and c not in "\n&" for c in text):
        raise CleanupError(f"cannot write {text!r} to XML: it holds a control character")
    return text


def write_tbx(records: list[Record], version: str = "3") -> str:
    names = DIALECTS[version]
    out = ['<?xml version="1.0" encoding="UTF-8"?>', names.opening, f"  <{names.header}>", "    <fileDesc>",
           "      <sourceDesc>", "        <p>cleanup glossary export</p>", "      </sourceDesc>", "    </fileDesc>",
           f"  </{names.header}>", "  <text>", "    <body>"]  # fmt: skip
    for record in records:
        try:
            out += ["      " + line for line in _entry(record, names)]
        except CleanupError as exc:
            raise CleanupError(f"{record.source or record.id}: {exc}") from None
    out += ["    </body>", "  </text>", f"</{names.root}>", ""]
    return "\n".join(out)


def _entry(record: Record, names: Names) -> list[str]:
    attr = record.id if record.id[:1].isalpha() else f"e-{record.id}"
    lines = [f'<{names.entry} id="{esc(attr)}">']
    if record.file:
        lines.append(f'  <descrip type="subjectField">{esc(record.file)}</descrip>')
    lines.append(f'  <admin type="{PREFIX}kind">{esc(record.kind)}</admin>')
    for name in field_order(record.kind):
        if name in record.fields and name not in TERM_FIELDS:
            for value in _listed(record.fields[name]):
                lines.append(f'  <admin type="{PREFIX}{name}">{esc(value_text(value))}</admin>')
    if "note" in record.fields:
        lines.append(f"  <note>{esc(record.fields['note'])}</note>")
    for example in record.fields.get("examples", []):
        lines.append(f'  <descripGrp><descrip type="context">{esc(example["in"])}</descrip>'
                     + (f'<admin type="{PREFIX}out">{esc(example["out"])}</admin>' if "out" in example else "")
                     + "</descripGrp>")  # fmt: skip
    zh = [(t, "preferred" if i == 0 else "admitted") for i, t in enumerate(record.strings("zh"))]
    en = [(t, "preferred") for t in record.strings("en")]
    en += [(t, "admitted") for t in record.strings("variants")] + [(t, "deprecated") for t in record.strings("wrong")]
    for lang, terms in (("zh", zh), ("en", en)):
        if terms:
            lines += _lang(lang, terms, names)
    if not zh and not en:
        lines += _lang("zxx", [(record.id, "")], names)
    return lines + [f"</{names.entry}>"]


def _listed(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else [value]


def _lang(lang: str, terms: list[tuple[str, str]], names: Names) -> list[str]:
    lines = [f'  <{names.lang} xml:lang="{lang}">']
    for term, status in terms:
        note = f'<termNote type="administrativeStatus">{STATUS[status]}</termNote>' if status else ""
        lines.append(f"    <{names.term}><term>{esc(term)}</term>{note}</{names.term}>")
    return lines + [f"  </{names.lang}>"]


# ---- reading ---------------------------------------------------------------------------------


def read_tbx(path: Path, name: str, file: str, safety: str) -> Imported:
    """Records from a TBX file; ``file`` is the glossary file stem for entries that name none."""
    root = parse_file(path, name)
    if root.tag not in ("tbx", "martif"):
        raise CleanupError(f"{name}:1: not a TBX file (root element <{root.tag}>, expected <tbx> or <martif>)")
    found = Imported()
    entries = [el for el in root.iter() if el.tag in ("termEntry", "conceptEntry")]
    if not entries:
        raise CleanupError(f"{name}: no termEntry or conceptEntry elements")
    others: set[str] = set()
    for number, element in enumerate(entries, 1):
        where = f"{name}: entry {number}" + (f" ({element.get('id')})" if element.get("id") else "")
        try:
            record = _read_entry(element, file, safety, others)
        except ValueError as exc:
            found.skipped.append((where, str(exc)))
            continue
        record.source = where
        found.records.append(record)
    if others:
        found.notes.append(f"{name}: ignored language sections: {', '.join(sorted(others))}")
    return found


def _text(element: ET.Element) -> str:
    return "".join(element.itertext())


def _read_entry(element: ET.Element, file: str, safety: str, others: set[str]) -> Record:
    admin: dict[str, list[str]] = {}
    for child in element:
        kind = child.get("type") or ""
        if child.tag == "admin" and kind.startswith(PREFIX):
            admin.setdefault(kind[len(PREFIX):], []).append(_text(child))
    terms = _terms(element, others, exact="kind" in admin)
    if "kind" in admin:
        return _ours(element, admin, terms)
    return _foreign(element, terms, file, safety)


def _terms(element: ET.Element, others: set[str], exact: bool) -> dict[str, list[tuple[str, str]]]:
    """``{"zh": [(term, status)], "en": [...]}`` from every language section; terms of other
    tools are trimmed, ours are kept exactly (an ideographic space is a punctuation key)."""
    out: dict[str, list[tuple[str, str]]] = {"zh": [], "en": []}
    for section in element:
        if section.tag not in ("langSet", "langSec"):
            continue
        lang = (section.get("xml:lang") or section.get("lang") or "").lower().replace("_", "-")
        code = {"cmn": "zh", "zho": "zh", "chi": "zh", "eng": "en"}.get(lang.split("-")[0], lang.split("-")[0])
        if code not in out:
            if code != "zxx":
                others.add(lang or "(none)")
            continue
        for holder in section.iter():
            if holder.tag in ("tig", "ntig", "termSec"):
                term = holder.find(".//term")
                value = "" if term is None else _text(term) if exact else _text(term).strip()
                if value:
                    out[code].append((value, _status(holder)))
    return out


def _status(holder: ET.Element) -> str:
    for note in holder.iter("termNote"):
        if note.get("type") in ("administrativeStatus", "normativeAuthorization"):
            value = _text(note).lower()
            for word, status in (("preferred", "preferred"), ("admitted", "admitted"), ("permitted", "admitted"),
                                 ("deprecated", "deprecated"), ("superseded", "deprecated"), ("forbidden", "deprecated"),
                                 ("obsolete", "deprecated"), ("notrecommended", "deprecated")):  # fmt: skip
                if word in value.replace(" ", ""):
                    return status
    return ""


def _ours(element: ET.Element, admin: dict[str, list[str]], terms: dict[str, list[tuple[str, str]]]) -> Record:
    """An entry this tool exported: every field comes back exactly."""
    kind = admin["kind"][0]
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    fields: dict[str, object] = {}
    en = terms["en"]
    given: dict[str, list[Any]] = {
        "zh": [t for t, _ in terms["zh"]],
        "en": [t for t, s in en if s == "preferred"][:1],
        "variants": [t for t, s in en if s == "admitted"],
        "wrong": [t for t, s in en if s == "deprecated"],
        "note": [_text(n) for n in element.findall("note")][:1],
        "examples": _examples(element),
    }
    for name in field_order(kind):
        values = given.get(name, admin.get(name, []))
        if not values:
            continue
        if name in ("en", "note") or (name not in given and field_type(name) != "strings"):
            fields[name] = values[0] if name in given else parse_value(name, values[0])
        else:
            fields[name] = list(values)
    subject = element.find("descrip[@type='subjectField']")
    return Record(kind, _text(subject) if subject is not None else "", fields)


def _examples(element: ET.Element) -> list[dict[str, str]]:
    out = []
    for group in element.findall("descripGrp"):
        context, expected = group.find("descrip[@type='context']"), group.find(f"admin[@type='{PREFIX}out']")
        if context is not None:
            example = {"in": _text(context)}
            if expected is not None:
                example["out"] = _text(expected)
            out.append(example)
    return out


def _foreign(element: ET.Element, terms: dict[str, list[tuple[str, str]]], file: str, safety: str) -> Record:
    """An entry from another tool: preferred English wins, admitted terms are variants,
    deprecated ones are wrong keys; the note comes from its definitions and notes."""
    en = terms["en"]
    ranked = [t for t, s in en if s == "preferred"] + [t for t, s in en if s == ""] + [t for t, s in en if s == "admitted"]
    if not ranked:
        raise ValueError("no English term (or only deprecated ones)")
    english = ranked[0]
    variants = list(dict.fromkeys(t for t in ranked[1:] if t != english))
    wrong = list(dict.fromkeys(t for t, s in en if s == "deprecated"))
    zh = list(dict.fromkeys(t for t, _ in terms["zh"]))
    if not zh and not wrong and not variants:
        raise ValueError("no Chinese term and no other English form: nothing to match")
    prose = [_text(d) for d in element.iter("descrip") if d.get("type") == "definition"]
    prose += [_text(n) for n in element.iter("note")]
    note = " ".join(" ".join(prose).split())
    new = NewEntry(english, zh, wrong, variants, slug(english) or slug(element.get("id") or ""), note, (), safety)
    return build_record(new, "term", file, "Imported from a TBX termbase.")

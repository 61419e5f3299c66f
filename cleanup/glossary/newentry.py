"""Build a new entry's record from what the user typed on the command line.

The id defaults to a slug of the English (``People's Daily`` → ``peoples-daily``). Examples are
``IN=>OUT`` (the fix) or ``IN`` alone (must stay unchanged); without any, one is made from each
kind of key the entry has, so every entry still proves itself when the glossary is checked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..english import takes_the, transfer_case
from .records import Record

FRAME = "They discussed {} on Monday."


@dataclass(frozen=True)
class NewEntry:
    """The options of ``cleanup glossary add``; empty values are left out of the entry."""

    en: str
    zh: Sequence[str] = ()
    wrong: Sequence[str] = ()
    variants: Sequence[str] = ()
    id: str = ""
    note: str = ""
    examples: Sequence[str] = ()
    safety: str = ""
    inflect: bool = False


def slug(text: str) -> str:
    """A glossary id from English: ASCII-folded, lower case, words joined by ``-``."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"['’]", "", folded.lower())
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def parse_example(text: str) -> dict[str, str]:
    """``IN=>OUT`` or ``IN``; the first ``=>`` separates them."""
    if "=>" in text:
        before, after = text.split("=>", 1)
        return {"in": before, "out": after}
    return {"in": text}


def default_examples(en: str, zh: Sequence[str], wrong: Sequence[str], variants: Sequence[str]) -> list[dict[str, str]]:
    """One example per kind of key: the first Chinese key, wrong key and variant."""
    out = []
    if zh:  # a name English writes with "the" gets it as an object (They discussed the State Council)
        out.append({"in": FRAME.format(zh[0]), "out": FRAME.format(f"the {en}" if takes_the(en) else en)})
    if wrong:  # English keys keep their case shape, as the rules write them
        out.append({"in": FRAME.format(wrong[0]), "out": FRAME.format(transfer_case(wrong[0], en))})
    if variants:  # a variant is unified only where the approved form is also used
        both = f"{en} and {{}}"
        fixed = both.format(transfer_case(variants[0], en))
        out.append({"in": FRAME.format(both.format(variants[0])), "out": FRAME.format(fixed)})
    return out


def build_record(new: NewEntry, kind: str, file: str, note_default: str) -> Record:
    """The record ``add`` writes; fields in the schema's order are arranged by the renderer."""
    entry_id = new.id or slug(new.en)
    if not entry_id:
        raise ValueError("cannot make an id from the English; give --id")
    fields: dict[str, object] = {"id": entry_id}
    if new.zh:
        fields["zh"] = list(new.zh)
    if new.en:
        fields["en"] = new.en
    for name, values in (("wrong", new.wrong), ("variants", new.variants)):
        if values:
            fields[name] = list(values)
    if new.safety:
        fields["safety"] = new.safety
    if new.inflect:
        fields["inflect"] = True
    fields["note"] = new.note or note_default
    examples = [parse_example(x) for x in new.examples]
    if not examples and new.en:
        examples = default_examples(new.en, new.zh, new.wrong, new.variants)
    if examples:
        fields["examples"] = examples
    return Record(kind, file, fields, "command line")

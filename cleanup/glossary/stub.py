"""A YAML stub of mined candidates, ready to curate into glossary entries.

Each candidate becomes a ``term`` entry with a pinyin id, the fallback's English when there is
a proposal (``TODO`` otherwise) and an example sentence from the corpus; a comment above it
gives the counts, the pinyin and where the proposal came from. Mixed tokens are listed as
comments: their full Chinese form has to be written by hand before they can be entries.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..zh import pinyin_of
from .mining import Candidate
from .newentry import slug
from .records import Record
from .render import Style, render_entry

TODO = "TODO"


def stub_text(candidates: Sequence[Candidate], sources: int) -> str:
    unknown = [c for c in candidates if c.kind == "unknown"]
    mixed = [c for c in candidates if c.kind == "mixed"]
    lines = [
        f"# Candidates mined by `cleanup glossary suggest` from {sources} file(s), most frequent first.",
        "# For each: check the English against an official source (the body's own English name, Xinhua or",
        "# agency style), write where it comes from in `note`, fix the example, then move the entry into the",
        "# right glossary file (or use `cleanup glossary add`). Delete what should not be an entry.",
        "kind: term",
        "entries:" if unknown else "entries: []",
    ]
    used: set[str] = set()
    body = "".join(_entry_text(c, used) for c in unknown)
    tail = ["", "# Mixed tokens no entry resolves: write the full Chinese term, then add it as an entry."]
    tail += [f"#   {c.count}× {c.key}  ({_where(c)})" for c in mixed]
    return "\n".join(lines) + "\n" + body + ("\n".join(tail) + "\n" if mixed else "")


def _entry_text(candidate: Candidate, used: set[str]) -> str:
    proposal = candidate.proposal
    english = getattr(proposal, "english", "") or ""
    entry_id = _unique(slug(pinyin_of(candidate.key)) or slug(english) or "candidate", used)  # rename when curated
    fields: dict[str, object] = {
        "id": entry_id,
        "zh": [candidate.key],
        "en": english or TODO,
        "note": f"{TODO}: where the English comes from." + (f" Proposed by {proposal.source}." if proposal else ""),
        "examples": [_example(candidate, english or TODO)],
    }
    comment = f"  # {candidate.count}× in {len(candidate.files)} file(s); {pinyin_of(candidate.key)}"
    if proposal is not None:
        note = " ".join(str(proposal.note or "").split())
        comment += f"; proposal from {proposal.source}" + (f": {note}" if note else "")
    return comment + "\n" + render_entry(Record("term", "", fields), Style())


def _example(candidate: Candidate, english: str) -> dict[str, str]:
    text = candidate.example or candidate.key
    return {"in": text, "out": text.replace(candidate.example_token or candidate.key, english)}


def _unique(entry_id: str, used: set[str]) -> str:
    out, n = entry_id, 2
    while out in used:
        out, n = f"{entry_id}-{n}", n + 1
    used.add(out)
    return out


def _where(candidate: Candidate) -> str:
    context = candidate.contexts[0]
    return f"{context.path}:{context.line}"

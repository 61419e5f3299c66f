"""The decisions file: one JSON object per line, one line per reviewed change.

A decision must replay on another machine, in another run, after the file was moved or edited
elsewhere. So its id is derived only from what identifies the change in the text it was made
on: the SHA-256 of that text (as decoded, in UTF-8), the change's offsets, its rule code and
its glossary entry; never from a path, a clock or the order of a run. Each record also keeps
the text just around the change (``context_before`` / ``context_after``) so that ``relocate``
can find it again when the file has changed since the review.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from ..errors import CleanupError
from ..model import Change

CONTEXT = 32  # code points of surrounding text kept on each side of a change
ACCEPT, REJECT, EDIT = "accept", "reject", "edit"
DECISIONS = (ACCEPT, REJECT, EDIT)


def text_hash(text: str) -> str:
    """SHA-256 of the decoded text, so the hash does not depend on the file's encoding or path."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def change_id(file_hash: str, start: int, end: int, code: str, entry: str) -> str:
    key = "\x1f".join((file_hash, str(start), str(end), code, entry))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Record:
    """One change as offered for review, and (once decided) what the reviewer said."""

    id: str
    path: str
    sha256: str
    code: str
    entry: str
    source: str
    start: int
    end: int
    line: int
    col: int
    before: str
    after: str | None
    context_before: str
    context_after: str
    safety: str | None
    message: str = ""
    decision: str = ""
    text: str | None = None

    @property
    def replacement(self) -> str | None:
        """The text this decision puts in place of ``before``; ``None`` when nothing changes."""
        if self.decision == ACCEPT:
            return self.after
        if self.decision == EDIT:
            return self.text
        return None

    def decided(self, decision: str, text: str | None = None) -> Record:
        if decision not in DECISIONS:
            raise ValueError(f"unknown decision {decision!r}")
        return replace(self, decision=decision, text=text if decision == EDIT else None)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def record_for(change: Change, original: str, file_hash: str) -> Record:
    """The undecided record of one change from the change log of ``original``."""
    return Record(
        id=change_id(file_hash, change.start, change.end, change.code, change.entry),
        path=change.path,
        sha256=file_hash,
        code=change.code,
        entry=change.entry,
        source=change.source,
        start=change.start,
        end=change.end,
        line=change.line,
        col=change.col,
        before=change.before,
        after=change.after,
        context_before=original[max(0, change.start - CONTEXT) : change.start],
        context_after=original[change.end : change.end + CONTEXT],
        safety=change.safety.value if change.safety else None,
        message=change.message,
    )


def dumps(records: Iterable[Record]) -> str:
    return "".join(json.dumps(r.as_dict(), ensure_ascii=False) + "\n" for r in records)


def write(path: Path, records: Iterable[Record]) -> None:
    from ..io import write_atomic

    write_atomic(path, dumps(records).encode("utf-8"))


def load(path: Path) -> list[Record]:
    """Read a decisions file; any bad line is a ``CleanupError`` naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise CleanupError(f"{path}: no such decisions file") from None
    except UnicodeDecodeError as exc:
        raise CleanupError(f"{path}: not valid UTF-8 at byte {exc.start}") from None
    except OSError as exc:
        raise CleanupError(f"{path}: cannot read ({exc.strerror})") from None
    records = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            records.append(parse(line, f"{path}:{number}"))
    return records


_STR = ("id", "path", "sha256", "code", "entry", "before", "context_before", "context_after")
_INT = ("start", "end", "line", "col")


def parse(line: str, where: str) -> Record:
    """One decided record from one JSON line; ``where`` (``FILE:LINE``) prefixes any error."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CleanupError(f"{where}: not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise CleanupError(f"{where}: a decision must be a JSON object")
    for name in _STR:
        if not isinstance(data.get(name), str):
            raise CleanupError(f"{where}: field {name!r} must be a string")
    for name in _INT:
        value = data.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise CleanupError(f"{where}: field {name!r} must be a non-negative integer")
    if data["end"] < data["start"] or data["end"] - data["start"] != len(data["before"]):
        raise CleanupError(f"{where}: 'start', 'end' and 'before' do not agree")
    decision = data.get("decision")
    if decision not in DECISIONS:
        raise CleanupError(f"{where}: 'decision' must be one of {', '.join(DECISIONS)}")
    if decision == ACCEPT and not isinstance(data.get("after"), str):
        raise CleanupError(f"{where}: an accepted change needs 'after' (the replacement)")
    if decision == EDIT and not isinstance(data.get("text"), str):
        raise CleanupError(f"{where}: an edited change needs 'text' (the reviewer's replacement)")
    return _record(data)


def _record(data: dict[str, object]) -> Record:
    def text_or_none(name: str) -> str | None:
        value = data.get(name)
        return value if isinstance(value, str) else None

    return Record(
        **{name: data[name] for name in _STR + _INT},  # type: ignore[arg-type]
        source=text_or_none("source") or "",
        after=text_or_none("after"),
        safety=text_or_none("safety"),
        message=text_or_none("message") or "",
        decision=str(data["decision"]),
        text=text_or_none("text") if data["decision"] == EDIT else None,
    )


def for_file(records: Iterable[Record], path: str, file_hash: str) -> list[Record]:
    """The records that belong to one file.

    Records made on exactly this text come first (the file is unchanged, wherever it lives);
    otherwise those reviewed under the same path; otherwise those under the same file name, if
    only one reviewed text had that name. The caller relocates them when the text changed.
    """
    records = list(records)
    same_text = [r for r in records if r.sha256 == file_hash]
    if same_text:
        return same_text
    same_path = [r for r in records if r.path == path]
    if same_path:
        return _latest_text(same_path)
    name = Path(path).name
    same_name = [r for r in records if Path(r.path).name == name]
    if len({r.sha256 for r in same_name}) == 1:
        return same_name
    return []


def _latest_text(records: list[Record]) -> list[Record]:
    """When one path was reviewed in several versions, the records of the last one written."""
    last = records[-1].sha256
    return [r for r in records if r.sha256 == last]


def merge(earlier: Iterable[Record], reviewed_hashes: set[str], new: Iterable[Record]) -> list[Record]:
    """Earlier records of texts not reviewed now, then this session's records."""
    return [r for r in earlier if r.sha256 not in reviewed_hashes] + list(new)

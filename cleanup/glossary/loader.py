"""Find and load glossary files; layer a user's glossaries over the bundled one.

Loading collects every problem as ``FILE:LINE: ID: message`` instead of stopping at the first,
so ``cleanup glossary check`` can show them all at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .entries import KINDS, Entry, SchemaProblem, build_entry

if TYPE_CHECKING:
    from .yamlnodes import Located

MAX_FILE_BYTES = 50 * 1024 * 1024


def bundled_dir() -> Path:
    """The glossary shipped in the wheel, or the repository's ``glossary/`` in a checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "_glossary"
    if installed.is_dir() and any(installed.glob("*.yaml")):
        return installed
    return here.parent / "glossary"


@dataclass
class Glossary:
    """Entries in load order, with the problems found while loading them."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    layers: dict[str, int] = field(default_factory=dict)

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}


def display_name(path: Path, root: Path, bundled: bool) -> str:
    """``glossary/NAME.yaml`` for the bundled files wherever installed; user files as given."""
    if bundled:
        return f"glossary/{path.name}"
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def glossary_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.glob("*.yaml") if p.is_file())
    return [path]


def load_file(path: Path, name: str) -> tuple[list[Entry], list[str]]:
    """Load one glossary file; return its entries and its problems (``name:line: id: msg``)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return [], [f"{name}:1: -: file is {size} bytes, over the {MAX_FILE_BYTES} limit"]
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return [], [f"{name}:0: -: no such glossary file"]
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        return [], [f"{name}:{line}: -: not valid UTF-8 at byte {exc.start} (0x{exc.object[exc.start]:02x})"]
    except OSError as exc:
        return [], [f"{name}:0: -: cannot read ({exc.strerror})"]
    return load_text(text, name)


def load_text(text: str, name: str) -> tuple[list[Entry], list[str]]:
    """Load one glossary file's text (e.g. an edit not yet written) as if read from ``name``."""
    from .yamlnodes import YamlProblem, parse  # the YAML parser, only when a file is parsed (start-up)

    try:
        doc = parse(text)
    except YamlProblem as exc:
        return [], [f"{name}:{exc.line}: -: {exc.message}"]
    return _entries(doc, name)


def _entries(doc: Located | None, name: str) -> tuple[list[Entry], list[str]]:
    if doc is None or not isinstance(doc.value, dict):
        line = doc.line if doc else 1
        return [], [f"{name}:{line}: -: a glossary file is a mapping with 'kind' and 'entries'"]
    top: dict[str, Located] = doc.value
    extra = sorted(set(top) - {"kind", "entries"})
    if extra:
        return [], [f"{name}:{top[extra[0]].line}: -: unknown top-level key {extra[0]!r}"]
    kind = top.get("kind")
    if kind is None or kind.value not in KINDS:
        line = kind.line if kind else doc.line
        return [], [f"{name}:{line}: -: 'kind' must be one of {', '.join(KINDS)}"]
    raw = top.get("entries")
    if raw is None or not isinstance(raw.value, list):
        return [], [f"{name}:{raw.line if raw else doc.line}: -: 'entries' must be a list"]
    entries, problems = [], []
    for item in raw.value:
        try:
            entries.append(build_entry(kind.value, item, name))
        except SchemaProblem as exc:
            problems.append(f"{name}:{exc.line}: {exc.entry_id}: {exc.message}")
    return entries, problems


def sources(paths: Sequence[Path | str] = (), use_default: bool = True) -> list[tuple[int, str, Path]]:
    """Every glossary file in load order, as ``(layer, display name, path)``; a missing root is
    listed as itself so that loading reports it."""
    layers: list[tuple[Path, bool]] = []
    if use_default:
        layers.append((bundled_dir(), True))
    layers.extend((Path(p), False) for p in paths)
    out: list[tuple[int, str, Path]] = []
    for layer, (root, bundled) in enumerate(layers):
        files = glossary_files(root) if root.exists() else [root]
        out.extend((layer, display_name(path, root, bundled), path) for path in files)
    return out


def load_glossary(paths: Sequence[Path | str] = (), use_default: bool = True) -> Glossary:
    """Load the bundled glossary (unless ``use_default`` is false) and then each of ``paths``.

    A later layer's entry replaces an earlier entry with the same id; ``notices`` says so.
    """
    return load_sources(sources(paths, use_default))


def load_sources(listed: Sequence[tuple[int, str, Path]], texts: Mapping[Path, str] | None = None) -> Glossary:
    """Load ``(layer, name, path)`` files in order; a path in ``texts`` is loaded from that text
    instead of the disk, so that an edit can be validated before it is written."""
    glossary = Glossary()
    index: dict[str, int] = {}
    texts = texts or {}
    for layer, name, path in listed:
        if path not in texts and not path.exists():
            glossary.problems.append(f"{path}:0: -: no such glossary file or directory")
            continue
        glossary.files.append(name)
        entries, problems = load_text(texts[path], name) if path in texts else load_file(path, name)
        glossary.problems.extend(problems)
        for entry in entries:
            _add(glossary, index, entry, layer)
    return glossary


def _add(glossary: Glossary, index: dict[str, int], entry: Entry, layer: int) -> None:
    """Add an entry; a user layer may replace an entry of an earlier layer with the same id."""
    if entry.id not in index:
        index[entry.id] = len(glossary.entries)
        glossary.entries.append(entry)
        glossary.layers[entry.id] = layer
        return
    old = glossary.entries[index[entry.id]]
    if glossary.layers[old.id] == layer:
        glossary.problems.append(
            f"{entry.file}:{entry.line}: {entry.id}: duplicate id (first at {old.file}:{old.line})"
        )
        return
    glossary.notices.append(f"{entry.file}:{entry.line}: {entry.id}: overrides {old.file}:{old.line}")
    glossary.entries[index[entry.id]] = entry
    glossary.layers[entry.id] = layer

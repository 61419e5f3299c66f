"""Where a new entry goes: which glossary layer, which file in it, and what else is loaded.

The target is the last ``--glossary`` given (a directory or one ``.yaml`` file), or the bundled
glossary in a source checkout. Inside a directory the file is ``--file NAME``, else the only file
of the entry's kind, else the file whose entries share the longest ending with the new one
(``工业和信息化部`` goes where the other ``…部`` are), else the user is asked to choose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import CleanupError
from .entries import KINDS, Entry
from .loader import Glossary, bundled_dir, display_name, load_sources, sources
from .records import Record
from .yamlnodes import YamlProblem, parse


@dataclass(frozen=True)
class Layers:
    """The glossaries in play (as for ``fix``) and the root that is written to."""

    paths: tuple[Path, ...]
    use_default: bool
    root: Path
    layer: int
    bundled: bool

    def listed(self) -> list[tuple[int, str, Path]]:
        """Every existing glossary file in load order; a target not created yet is left out."""
        return [s for s in sources(self.paths, self.use_default) if s[2].exists() or s[2] != self.root]

    def load(self) -> Glossary:
        return load_sources(self.listed())

    def name_of(self, path: Path) -> str:
        return display_name(path, self.root, self.bundled)


def resolve_layers(paths: Sequence[Path], use_default: bool) -> Layers:
    if paths:
        layer = len(paths) - (0 if use_default else 1)
        return Layers(tuple(paths), use_default, Path(paths[-1]), layer, False)
    if not use_default:
        raise CleanupError("--no-default-glossary needs --glossary DIR to write into")
    root = bundled_dir()
    if root.name != "glossary":
        raise CleanupError(f"{root}: the bundled glossary is part of the installed package; write to your own with --glossary DIR")
    return Layers((), True, root, 0, True)


@dataclass(frozen=True)
class Target:
    path: Path
    name: str
    kind: str
    reason: str


def choose_file(layers: Layers, glossary: Glossary, record: Record, file: str | None, kind: str | None) -> Target:
    """The file ``record`` goes into, its kind, and why it was chosen."""
    root = layers.root
    if root.suffix in (".yaml", ".yml") or root.is_file():
        if file:
            raise CleanupError(f"--file {file}: --glossary {root} is a single file already")
        return _target(layers, root, kind, "the --glossary file")
    if file:
        stem = file.removesuffix(".yaml")
        if not stem or "/" in stem or "\\" in stem or stem.startswith("."):
            raise CleanupError(f"--file {file}: give a file name in the glossary directory, e.g. --file places")
        return _target(layers, root / f"{stem}.yaml", kind, "--file")
    kind = kind or "term"
    files = _files_of_kind(layers, glossary, kind)
    if not files:
        return _target(layers, root / f"{kind}s.yaml", kind, f"no {kind} file yet")
    if len(files) == 1:
        name = next(iter(files))
        return _target(layers, _path_of(layers, name), kind, f"the only {kind} file")
    chosen = by_neighbours(record, files)
    if chosen is None:
        names = ", ".join(Path(n).stem for n in sorted(files))
        raise CleanupError(f"several {kind} files in {root} ({names}); choose one with --file NAME")
    return _target(layers, _path_of(layers, chosen[0]), kind, chosen[1])


def _target(layers: Layers, path: Path, kind: str | None, reason: str) -> Target:
    existing = file_kind(path) if path.exists() else None
    if existing and kind and kind != existing:
        raise CleanupError(f"{layers.name_of(path)}: holds {existing} entries, not {kind}")
    kind = existing or kind or "term"
    if kind not in KINDS:
        raise CleanupError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    return Target(path, layers.name_of(path), kind, reason)


def file_kind(path: Path) -> str | None:
    """The ``kind`` a glossary file declares, or ``None`` if it declares none."""
    try:
        doc = parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlProblem) as exc:
        raise CleanupError(f"{path}: cannot read the glossary file ({exc})") from None
    if doc is None or not isinstance(doc.value, dict) or "kind" not in doc.value:
        return None
    kind = doc.value["kind"].value
    return kind if isinstance(kind, str) else None


def _files_of_kind(layers: Layers, glossary: Glossary, kind: str) -> dict[str, list[Entry]]:
    files: dict[str, list[Entry]] = {}
    for entry in glossary.entries:
        if entry.kind == kind and glossary.layers.get(entry.id) == layers.layer:
            files.setdefault(entry.file, []).append(entry)
    return files


def _path_of(layers: Layers, name: str) -> Path:
    for _, listed_name, path in layers.listed():
        if listed_name == name:
            return path
    raise CleanupError(f"{name}: glossary file not found")  # pragma: no cover - names come from the listing


def by_neighbours(record: Record, files: dict[str, list[Entry]]) -> tuple[str, str] | None:
    """The file whose entries share the longest Chinese ending (else last English word) with
    ``record``, and why; ``None`` when nothing is shared or two files tie."""
    zh = record.strings("zh")
    if zh:
        scores = {name: _shared_ending(zh[0], [k for e in es for k in e.zh]) for name, es in files.items()}
    else:
        word = _last_word(str(record.fields.get("en", "")))
        scores = {name: _shared_word(word, [e.en for e in es]) for name, es in files.items()}
    ranked = sorted(scores.items(), key=lambda kv: (kv[1][0], kv[1][1]), reverse=True)
    (best, (length, count, ending)), rest = ranked[0], ranked[1:]
    if length == 0 or (rest and rest[0][1][:2] == (length, count)):
        return None
    return best, f"{count} of its entries end in {ending!r}"


def _shared_ending(key: str, keys: list[str]) -> tuple[int, int, str]:
    for length in range(len(key), 0, -1):
        ending = key[-length:]
        count = sum(1 for k in keys if k != key and k.endswith(ending))
        if count:
            return length, count, ending
    return 0, 0, ""


def _last_word(text: str) -> str:
    words = text.lower().split()
    return words[-1] if words else ""


def _shared_word(word: str, texts: list[str]) -> tuple[int, int, str]:
    count = sum(1 for t in texts if word and _last_word(t) == word)
    return (1, count, word) if count else (0, 0, "")

"""Project configuration: ``[tool.cleanup]`` in ``pyproject.toml``, or a ``cleanup.toml``.

The configuration is found by walking up from the files being checked (from the current
directory for stdin): in each directory a ``cleanup.toml`` wins over a ``pyproject.toml``, and
a ``pyproject.toml`` without a ``[tool.cleanup]`` table is passed over. One run uses one
configuration; files under two different ones are an error rather than a guess. Paths in the
file (glossaries, ``exclude`` and ``per-file-ignores`` globs) are relative to its directory.
Command-line options win over the file, the file over the defaults, and ``Settings.origins``
remembers which of the three each value came from (``cleanup --show-settings``).
Every problem, an unknown key included, is an error naming ``FILE:LINE``.
"""

from __future__ import annotations

import codecs
import difflib
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import CleanupError
from .globs import glob_match, relative_to
from .rules import RULES, select_rules
from .rules.base import Rule
from .tomllines import key_lines, line_of, value_line

FORMATS = ("text", "json", "jsonl", "sarif", "github", "rdjson")
CONFIG_NAMES = ("cleanup.toml", "pyproject.toml")
KEYS = (
    "glossary", "default-glossary", "select", "ignore", "suggestions", "exclude", "encoding",
    "format", "allow", "per-file-ignores",
)


@dataclass(frozen=True)
class PerFileIgnore:
    """Rule codes (or prefixes) not to report for files matching ``pattern``."""

    pattern: str
    codes: tuple[str, ...]
    origin: str


@dataclass(frozen=True)
class AllowPhrase:
    """A phrase never touched, declared in the configuration."""

    phrase: str
    file: str
    line: int


@dataclass(frozen=True)
class Settings:
    """What is in force for one run; ``origins`` maps a key to ``FILE:LINE`` or ``command line``."""

    root: Path
    config: Path | None = None
    glossary: tuple[Path, ...] = ()
    default_glossary: bool = True
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    suggestions: bool = False
    exclude: tuple[str, ...] = ()
    encoding: str | None = None
    format: str = "text"
    allow: tuple[AllowPhrase, ...] = ()
    per_file_ignores: tuple[PerFileIgnore, ...] = ()
    origins: dict[str, str] = field(default_factory=dict, compare=False)

    def origin(self, key: str) -> str:
        return self.origins.get(key, "default")

    def is_excluded(self, path: str) -> bool:
        rel = relative_to(path, self.root)
        return rel is not None and any(glob_match(p, rel) for p in self.exclude)

    def ignores_for(self, path: str) -> list[PerFileIgnore]:
        rel = relative_to(path, self.root)
        if rel is None:
            return []
        return [p for p in self.per_file_ignores if glob_match(p.pattern, rel)]

    def ignored_codes(self, path: str) -> list[str]:
        return [code for p in self.ignores_for(path) for code in p.codes]

    def rules_for(self, path: str, among: Sequence[Rule] = RULES) -> tuple[Rule, ...]:
        """The rules to run on ``path``: select / ignore, plus its per-file ignores."""
        return select_rules(self.select, list(self.ignore) + self.ignored_codes(path), among)


@dataclass(frozen=True)
class Overrides:
    """Values given on the command line; ``None`` means not given."""

    glossary: Sequence[Path] | None = None
    default_glossary: bool | None = None
    select: Sequence[str] | None = None
    ignore: Sequence[str] | None = None
    suggestions: bool | None = None
    encoding: str | None = None
    format: str | None = None


def find_config(start: Path) -> Path | None:
    """The nearest ``cleanup.toml``, or ``pyproject.toml`` with ``[tool.cleanup]``, at or above."""
    for directory in (start, *start.parents):
        candidate = directory / "cleanup.toml"
        if candidate.is_file():
            return candidate
        candidate = directory / "pyproject.toml"
        if candidate.is_file() and _has_cleanup_table(candidate):
            return candidate
    return None


def _has_cleanup_table(path: Path) -> bool:
    try:
        return "cleanup" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return "[tool.cleanup" in path.read_text(encoding="utf-8", errors="replace")


def discover(paths: Sequence[str], cwd: Path | None = None) -> Path | None:
    """The one configuration for ``paths``; an error when they fall under different ones."""
    cwd = (cwd or Path.cwd()).resolve()
    found: dict[Path | None, str] = {}
    seen: dict[Path, Path | None] = {}
    for path in paths or ["-"]:
        try:
            start = cwd if path == "-" else (cwd / path).resolve()
        except (OSError, RuntimeError):  # a symlink loop: reading the file reports it, one line
            start = cwd / path
        directory = start if start.is_dir() else start.parent
        if directory not in seen:
            seen[directory] = find_config(directory)
        found.setdefault(seen[directory], path)
    if len(found) > 1:
        names = ", ".join(f"{display(c, cwd) if c else 'none'} (for {p})" for c, p in found.items())
        raise CleanupError(f"files fall under different configurations: {names}; run once per project")
    return next(iter(found))


def display(path: Path, cwd: Path | None = None) -> str:
    try:
        return str(path.resolve().relative_to((cwd or Path.cwd()).resolve()))
    except ValueError:
        return str(path)


def load_settings(
    paths: Sequence[str] = (), config: Path | None = None, isolated: bool = False
) -> Settings:
    """Settings from ``config``, or from the configuration found above ``paths``."""
    if isolated:
        return Settings(root=Path.cwd())
    chosen = config if config is not None else discover(paths)
    if chosen is None:
        return Settings(root=Path.cwd())
    return read_config(chosen)


def read_config(path: Path) -> Settings:
    """Parse and validate one configuration file; raise ``CleanupError`` naming ``FILE:LINE``."""
    name = display(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise CleanupError(f"{name}: no such configuration file") from None
    except UnicodeDecodeError as exc:
        raise CleanupError(f"{name}: not valid UTF-8 at byte {exc.start}") from None
    except OSError as exc:
        raise CleanupError(f"{name}: cannot read ({exc.strerror})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CleanupError(f"{name}:{_toml_error_line(str(exc), text)}: invalid TOML: {exc}") from None
    prefix, table = _table(path, data)
    return _Reader(path, name, text, prefix).settings(table)


def _toml_error_line(message: str, text: str) -> int:
    if message.endswith("(at end of document)"):
        return text.count("\n") + 1
    marker = message.rfind("(at line ")
    if marker == -1:
        return 1
    digits = message[marker + 9 :].split(",")[0].split(")")[0]
    return int(digits) if digits.isdigit() else 1


def _table(path: Path, data: dict[str, Any]) -> tuple[tuple[str, ...], dict[str, Any]]:
    """``[tool.cleanup]`` in a pyproject.toml (or a cleanup.toml that uses it), else top level."""
    tool = data.get("tool")
    nested = isinstance(tool, dict) and isinstance(tool.get("cleanup"), dict)
    if path.name == "pyproject.toml" or (nested and set(data) == {"tool"}):
        if not nested:
            raise CleanupError(f"{display(path)}:1: no [tool.cleanup] table")
        assert isinstance(tool, dict)
        return ("tool", "cleanup"), tool["cleanup"]
    return (), data


class _Reader:
    """Validates one table, key by key, raising the first problem with its line."""

    def __init__(self, path: Path, name: str, text: str, prefix: tuple[str, ...]) -> None:
        self.path, self.name, self.text, self.prefix = path, name, text, prefix
        self.lines = key_lines(text)
        self.table_name = ".".join(prefix) or "the top level"

    def where(self, *key: str) -> str:
        return f"{self.name}:{line_of(self.lines, self.prefix + key)}"

    def fail(self, message: str, *key: str) -> CleanupError:
        return CleanupError(f"{self.where(*key)}: {message}")

    def settings(self, table: dict[str, Any]) -> Settings:
        for key in table:
            if key not in KEYS:
                close = difflib.get_close_matches(key, KEYS, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(KEYS)}"
                raise self.fail(f"unknown key {key!r} in {self.table_name}{hint}", key)
        values: dict[str, Any] = {}
        for key, value in table.items():
            values[key.replace("-", "_")] = _CHECKS[key](self, key, value)
        origins = {key: self.where(key) for key in table}
        return Settings(root=self.path.parent.resolve(), config=self.path, origins=origins, **values)

    def strings(self, key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{key!r} must be a list of strings", key)
        return tuple(value)

    def flag(self, key: str, value: Any) -> bool:
        if not isinstance(value, bool):
            raise self.fail(f"{key!r} must be true or false", key)
        return value

    def codes(self, key: str, value: Any, *where: str) -> tuple[str, ...]:
        codes = self.strings(key, value) if not where else self._codes_list(key, value, where)
        try:
            select_rules(codes, ())
        except ValueError as exc:
            raise self.fail(f"{key!r}: {exc}", *(where or (key,))) from None
        return tuple(c.strip().upper() for c in codes)

    def _codes_list(self, key: str, value: Any, where: tuple[str, ...]) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{key!r} entries must be lists of rule codes", *where)
        return tuple(value)

    def glossary(self, key: str, value: Any) -> tuple[Path, ...]:
        out = []
        for item in self.strings(key, value):
            path = (self.path.parent / item).resolve()
            if not path.exists():
                raise self.fail(f"glossary path {item!r} does not exist (relative to this file)", key)
            out.append(path)
        return tuple(out)

    def choice(self, key: str, value: Any) -> str:
        if key == "encoding":
            if not isinstance(value, str):
                raise self.fail("'encoding' must be a string", key)
            try:
                codecs.lookup(value)
            except LookupError:
                raise self.fail(f"unknown encoding {value!r}", key) from None
            return value
        if value not in FORMATS:
            raise self.fail(f"'format' must be one of {', '.join(FORMATS)}", key)
        return str(value)

    def allow(self, key: str, value: Any) -> tuple[AllowPhrase, ...]:
        start = line_of(self.lines, self.prefix + (key,))
        phrases = self.strings(key, value)
        for phrase in phrases:
            if not phrase.strip() or phrase != phrase.strip():
                raise self.fail(f"'allow' phrase {phrase!r} is empty or has leading/trailing space", key)
        return tuple(AllowPhrase(p, self.name, value_line(self.text, start, p)) for p in phrases)

    def per_file_ignores(self, key: str, value: Any) -> tuple[PerFileIgnore, ...]:
        if not isinstance(value, dict):
            raise self.fail("'per-file-ignores' must be a table of glob = [codes]", key)
        out = []
        for pattern, codes in value.items():
            checked = self.codes(key, codes, key, pattern)
            out.append(PerFileIgnore(pattern, checked, self.where(key, pattern)))
        return tuple(out)


_CHECKS: dict[str, Callable[[_Reader, str, Any], Any]] = {
    "glossary": _Reader.glossary,
    "default-glossary": _Reader.flag,
    "select": _Reader.codes,
    "ignore": _Reader.codes,
    "suggestions": _Reader.flag,
    "exclude": _Reader.strings,
    "encoding": _Reader.choice,
    "format": _Reader.choice,
    "allow": _Reader.allow,
    "per-file-ignores": _Reader.per_file_ignores,
}


def apply_overrides(settings: Settings, overrides: Overrides) -> Settings:
    """Command-line values win; their origin becomes ``command line``."""
    given = {name: value for name, value in vars(overrides).items() if value is not None}
    if not given:
        return settings
    normalised: dict[str, Any] = {k: tuple(v) if isinstance(v, list | tuple) else v for k, v in given.items()}
    if "format" in normalised and normalised["format"] not in FORMATS:
        raise CleanupError(f"unknown format {normalised['format']!r}; use {', '.join(FORMATS)}")
    if "select" in normalised or "ignore" in normalised:
        select_rules(normalised.get("select", ()), normalised.get("ignore", ()))
    origins = dict(settings.origins)
    origins.update({name.replace("_", "-"): "command line" for name in normalised})
    return replace(settings, origins=origins, **normalised)

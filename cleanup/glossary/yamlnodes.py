"""YAML to plain Python values that remember their line numbers.

We compose the node tree (libyaml when present) instead of loading objects, so that every
value keeps its source line for ``file:line`` messages, and so that hostile documents are
refused before they are expanded: aliases (a billion-laughs bomb is refused at its first
alias, never expanded), duplicate keys, deep nesting (libyaml stops at its own depth limit; the
pure-Python composer's recursion is caught), non-string keys, tags outside YAML's core schema
(``!!python/object``, ``!!binary``), and characters a reviewer cannot see: bidirectional
controls (the "Trojan Source" trick: a key that reads one way and matches another), zero-width
characters, C1 controls and lone surrogates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex
import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

MAX_DEPTH = 12
CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "bool", "null", "float", "seq", "map", "timestamp")
)
# Bidi embeddings/overrides/isolates and marks, zero-width and invisible format characters, a BOM
# inside text, C0 controls but tab and newline (written as YAML escapes: "\e", "\r"), C1
# controls, and surrogates (which no valid UTF-8 file holds).
INVISIBLE = regex.compile(
    "[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060-\u2064\ufeff"
    "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]"
)


@dataclass
class Located:
    """A value with the 1-based line it starts on; mappings hold ``Located`` values."""

    value: Any
    line: int


class YamlProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse(text: str) -> Located | None:
    """Parse one YAML document into ``Located`` values, or raise ``YamlProblem``."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlProblem(line, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.reader.ReaderError as exc:
        line = _reader_line(text, exc)
        raise YamlProblem(line, f"invalid YAML: character U+{exc.character:04X} is not allowed") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"invalid YAML: {str(exc).splitlines()[0]}") from None
    except RecursionError:  # the pure-Python composer, on thousands of nested brackets
        raise YamlProblem(1, f"nested deeper than {MAX_DEPTH} levels") from None
    if node is None:
        return None
    return _convert(node, set(), 0)


def _reader_line(text: str, exc: yaml.reader.ReaderError) -> int:
    """libyaml reports a byte offset into the UTF-8 text, the pure-Python reader a character index."""
    pos = exc.position
    if pos < len(text) and ord(text[pos]) == exc.character:
        return text[:pos].count("\n") + 1
    return text.encode("utf-8", "surrogatepass")[:pos].count(b"\n") + 1


def _convert(node: yaml.Node, seen: set[int], depth: int) -> Located:
    line = node.start_mark.line + 1
    if id(node) in seen or getattr(node, "anchor", None):
        raise YamlProblem(line, "anchors and aliases are not allowed in a glossary")
    if depth > MAX_DEPTH:
        raise YamlProblem(line, f"nested deeper than {MAX_DEPTH} levels")
    seen.add(id(node))
    if node.tag not in CORE_TAGS and not (isinstance(node, yaml.ScalarNode) and node.tag == "!"):
        raise YamlProblem(line, f"YAML tag {node.tag!r} is not allowed in a glossary")
    if isinstance(node, yaml.ScalarNode):
        return Located(_scalar(node), line)
    if isinstance(node, yaml.SequenceNode):
        return Located([_convert(n, seen, depth + 1) for n in node.value], line)
    if isinstance(node, yaml.MappingNode):
        return Located(_mapping(node, seen, depth), line)
    raise YamlProblem(line, f"unsupported YAML node {type(node).__name__}")  # pragma: no cover


def _mapping(node: yaml.MappingNode, seen: set[int], depth: int) -> dict[str, Located]:
    out: dict[str, Located] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(key_line, "mapping keys must be plain strings")
        key = str(key_node.value)
        _visible(key, key_line)
        if key in out:
            raise YamlProblem(key_line, f"duplicate key {key!r} (first on line {out[key].line})")
        out[key] = _convert(value_node, seen, depth + 1)
    return out


def _visible(value: str, line: int) -> None:
    m = INVISIBLE.search(value)
    if m is not None:
        code = ord(m.group())
        raise YamlProblem(line, f"invisible or control character U+{code:04X} in {value[:40]!r}; not allowed in a glossary")


def _scalar(node: yaml.ScalarNode) -> Any:
    _visible(node.value, node.start_mark.line + 1)
    tag = node.tag
    if node.style in ("'", '"', "|", ">"):
        return node.value
    if tag.endswith(":bool"):
        return node.value.lower() in ("true", "yes", "on")
    if tag.endswith(":int"):
        try:
            return int(node.value)
        except ValueError:
            return node.value
    if tag.endswith(":null"):
        return None
    return node.value


def plain(located: Located | None) -> Any:
    """Strip line information (for values whose lines are not needed)."""
    if located is None:
        return None
    value = located.value
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value

"""YAML to plain Python values that remember their line numbers.

We compose the node tree (libyaml when present) instead of loading objects, so that every
value keeps its source line for ``file:line`` messages, and so that hostile documents are
refused before they are expanded: aliases, duplicate keys, deep nesting and non-string keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

MAX_DEPTH = 12


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
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"invalid YAML: {exc}") from None
    if node is None:
        return None
    return _convert(node, set(), 0)


def _convert(node: yaml.Node, seen: set[int], depth: int) -> Located:
    line = node.start_mark.line + 1
    if id(node) in seen or getattr(node, "anchor", None):
        raise YamlProblem(line, "anchors and aliases are not allowed in a glossary")
    if depth > MAX_DEPTH:
        raise YamlProblem(line, f"nested deeper than {MAX_DEPTH} levels")
    seen.add(id(node))
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
        if key in out:
            raise YamlProblem(key_line, f"duplicate key {key!r} (first on line {out[key].line})")
        out[key] = _convert(value_node, seen, depth + 1)
    return out


def _scalar(node: yaml.ScalarNode) -> Any:
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

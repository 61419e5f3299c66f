"""Glob patterns for ``exclude`` and ``per-file-ignores``, matched like .gitignore lines.

``*`` and ``?`` stay inside one path component, ``**`` crosses them, ``[abc]`` is a class.
A pattern without a ``/`` matches any component (``*.md`` anywhere, ``drafts`` any directory
of that name); a pattern with one is anchored at the configuration's directory and matches the
path or any directory above it (``news/old`` covers everything under it).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path


@functools.lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            j = pattern.index("]", i + 2)
            body = pattern[i + 1 : j].replace("\\", "\\\\")
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = j + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def glob_match(pattern: str, rel: str) -> bool:
    """Whether ``rel`` (a POSIX path relative to the configuration directory) matches."""
    clean = pattern.strip().removeprefix("./").strip("/")
    if not clean:
        return False
    parts = rel.split("/")
    regex = _compile(clean)
    if "/" not in clean:
        return any(regex.fullmatch(part) for part in parts)
    return any(regex.fullmatch("/".join(parts[:n])) for n in range(1, len(parts) + 1))


def relative_to(path: str, root: Path) -> str | None:
    """``path`` relative to ``root`` in POSIX form, or ``None`` when outside it (or stdin)."""
    if path == "-":
        return None
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None

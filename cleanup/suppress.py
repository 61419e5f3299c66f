"""Suppressions: phrases never touched, rules off for some files, and which of them still work.

Two ways to keep the cleaner's hands off text: an allow-list (``allow`` entries in a glossary,
or ``allow = [...]`` in the configuration: a finding that overlaps an allowed phrase is
dropped) and ``per-file-ignores`` (rule codes off for files matching a glob). Suppressions
outlive the text they were written for; ``unused`` lists those that suppress nothing in the
files checked, as ruff's unused-``noqa`` check does, so they can be removed. Only the user's
suppressions are reported, never the bundled glossary's.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from . import api
from ._version import VERSION
from .config import AllowPhrase, Settings
from .glossary import cache
from .glossary.compiled import Compiled
from .glossary.entries import Entry
from .glossary.loader import load_glossary as load_entries
from .glossary.loader import sources
from .model import Finding
from .rules import select_rules
from .scan import Scan


def allow_entries(phrases: tuple[AllowPhrase, ...]) -> list[Entry]:
    """The configuration's allow-list as glossary entries, one per phrase, with its line."""
    return [
        Entry(id=f"config-allow-{n}", kind="allow", file=a.file, line=a.line,
              note="allow-list phrase from the configuration", phrases=(a.phrase,))
        for n, a in enumerate(phrases, 1)
    ]


def load_glossary(settings: Settings) -> Compiled:
    """The glossaries in ``settings``, with the configuration's allow-list compiled in (cached)."""
    paths, use_default = list(settings.glossary), settings.default_glossary
    if not settings.allow:
        return api.load_glossary(paths, use_default)
    files = [(name, path) for _, name, path in sources(paths, use_default)]
    base = cache.content_key(files, VERSION)
    key = None
    if base is not None:
        extra = json.dumps([[a.phrase, a.file, a.line] for a in settings.allow], ensure_ascii=False)
        key = hashlib.sha256(f"{base}\0allow\0{extra}".encode()).hexdigest()
        cached = cache.load(key)
        if isinstance(cached, Compiled):
            return cached
    loaded = load_entries(paths, use_default)
    loaded.entries.extend(allow_entries(settings.allow))
    compiled = api.compile_loaded(loaded)
    if key is not None:
        cache.store(key, compiled)
    return compiled


def user_files(settings: Settings) -> set[str]:
    """Display names of the glossary and configuration files the user wrote (not the bundled)."""
    bundled = settings.default_glossary
    names = {name for layer, name, _ in sources(list(settings.glossary), bundled) if not (bundled and layer == 0)}
    names.update(a.file for a in settings.allow)
    return names


@dataclass
class Usage:
    """What the suppressions did over the files checked so far."""

    phrases: set[tuple[int, str]] = field(default_factory=set)  # (entry index, lower phrase)
    patterns: set[str] = field(default_factory=set)  # per-file-ignores that matched a file
    codes: set[tuple[str, str]] = field(default_factory=set)  # (per-file-ignore origin, code)

    def record(self, text: str, path: str, glossary: Compiled, settings: Settings) -> None:
        """Detect without suppressions on one file and note which suppression hid what."""
        scan = Scan(text, glossary)
        rules = select_rules(settings.select, settings.ignore)
        findings = [f for rule in rules for f in rule.check(scan)]
        allowed = [h for h in scan.en_hits if h.key.role == "allow"]
        for hit in allowed:
            if any(_overlaps(f, hit.start, hit.end) for f in findings):
                self.phrases.add((hit.key.entry, hit.key.text.lower()))
        kept = [f for f in findings if not any(_overlaps(f, h.start, h.end) for h in allowed)]
        for rule in settings.ignores_for(path):
            self.patterns.add(rule.origin)
            for code in rule.codes:
                if any(f.code.startswith(code) for f in kept):
                    self.codes.add((rule.origin, code))

    def unused(self, glossary: Compiled, settings: Settings) -> list[str]:
        """One ``FILE:LINE: message`` per suppression that hid nothing."""
        mine = user_files(settings)
        out = []
        for index, entry in enumerate(glossary.entries):
            if entry.kind != "allow" or entry.file not in mine:
                continue
            for phrase in entry.phrases:
                if (index, phrase.lower()) not in self.phrases:
                    where = f"{entry.file}:{entry.line}"
                    out.append(f"{where}: allow {phrase!r} ({entry.id}) suppresses nothing in the files checked")
        for rule in settings.per_file_ignores:
            if rule.origin not in self.patterns:
                out.append(f"{rule.origin}: per-file-ignores {rule.pattern!r} matches none of the files checked")
                continue
            for code in rule.codes:
                if (rule.origin, code) not in self.codes:
                    out.append(
                        f"{rule.origin}: per-file-ignores {rule.pattern!r}: {code} reports nothing in the matching files"
                    )
        return out


def _overlaps(finding: Finding, start: int, end: int) -> bool:
    return finding.span.start < end and start < finding.span.end

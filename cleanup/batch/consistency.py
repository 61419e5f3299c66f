"""The batch-wide consistency report: terms rendered more than one way across files (EN003 for
a whole batch).

EN003 unifies renderings inside one document. Across a batch, one article may say
``key minerals`` and another ``critical minerals``; each is consistent on its own, and only a
count over the batch shows it. Workers count, per file, the approved form and the variants of
every glossary entry that has variants (on the text as it is published); the main process adds
the counts up and lists the entries met in more than one form, with counts and files.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..english import plural
from ..glossary.compiled import Compiled
from ..scan import scan_of

ROLES = ("approved", "variant")


def renderings(glossary: Compiled, text: str) -> Counter[tuple[int, str]]:
    """``(entry index, key as written in the glossary) -> count`` over leftmost-longest hits.

    The hits are the document scan's own (``scan_of``): the engine has usually just scanned this
    very text, as it will be published, in its last pass."""
    counts: Counter[tuple[int, str]] = Counter()
    wanted = [h for h in scan_of(text, glossary).en_hits if h.key.role in ROLES]
    hits = sorted(wanted, key=lambda h: (h.start, -(h.end - h.start)))
    pos = -1
    for hit in hits:
        if hit.start >= pos:
            counts[(hit.key.entry, _base_form(glossary, hit.key.entry, hit.key.text))] += 1
            pos = hit.end
    return counts


def _base_form(glossary: Compiled, index: int, key: str) -> str:
    """The glossary form a key was made from: ``key minerals`` counts as ``key mineral``."""
    entry = glossary.entry(index)
    low = key.lower()
    for form in (entry.en, *entry.variants):
        if low in (form.lower(), plural(form).lower()):
            return form
    return key


@dataclass
class Consistency:
    """Batch totals: ``entry -> rendering -> {file: count}``."""

    seen: dict[int, dict[str, Counter[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Counter)))

    def add(self, path: str, counts: Counter[tuple[int, str]]) -> None:
        for (entry, rendering), n in counts.items():
            self.seen[entry][rendering.lower()][path] += n

    def mixed(self) -> list[tuple[int, dict[str, Counter[str]]]]:
        return sorted(((e, r) for e, r in self.seen.items() if len(r) > 1), key=lambda i: i[0])

    def render(self, glossary: Compiled, files_shown: int = 3) -> str:
        mixed = self.mixed()
        if not mixed:
            return ""
        lines = [f"consistency: {len(mixed)} term(s) rendered more than one way across the batch"]
        for index, forms in mixed:
            entry = glossary.entry(index)
            parts = []
            for form, files in sorted(forms.items(), key=lambda f: (-sum(f[1].values()), f[0])):
                names = sorted(files)
                shown = ", ".join(names[:files_shown]) + (f", +{len(names) - files_shown} more" if len(names) > files_shown else "")
                parts.append(f"'{form}' ×{sum(files.values())} in {len(names)} file(s) ({shown})")
            lines.append(f"  {entry.id} ('{entry.en}'): " + "; ".join(parts))
        return "\n".join(lines)

    def as_records(self, glossary: Compiled) -> list[dict[str, object]]:
        return [
            {
                "entry": glossary.entry(index).id,
                "en": glossary.entry(index).en,
                "renderings": {form: dict(sorted(files.items())) for form, files in sorted(forms.items())},
            }
            for index, forms in self.mixed()
        ]

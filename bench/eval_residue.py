"""Evaluate Chinese-residue detection and proposals on JSON Lines records of real MT output.

    python bench/eval_residue.py ../shared/eval/residual_han.dev.jsonl \
        --clean ../shared/eval/clean.dev.jsonl [--show] [--json]

Each record is ``{"target": MT output, "refs": {name: human reference}, "gold_spans":
[{"start", "end", "text"}]}`` (offsets are code points into ``target``). Every target is cleaned
with the bundled glossary and suggestions on, and the change log is compared with the gold:

recall
    gold spans overlapped by some finding whose ``before`` holds a Han character;
precision
    such findings that overlap some gold span;
proposals
    gold spans overlapped by a finding that has a fix (any rule, any source);
reference match
    of the proposed spans whose record has a reference: those where every content word of the
    proposal (the ``after`` texts of the fixes on the span, minus stop words) appears in one
    reference, compared by a light stem (``received`` matches ``receive``; reference words in
    camelCase or hashtags are split). A proposal with no content word (``|``, ``$``) must
    appear in the reference as it is;
false positives
    clean segments (human references) on which cleanup reports anything: counted for the
    Chinese-residue rules (ZH*, PU001) against the target, and for all rules for information.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleanup.api import clean_text, default_glossary  # noqa: E402
from cleanup.model import Change, Status  # noqa: E402

HAN = regex.compile(r"[\p{Han}\u3007]")
RESIDUE_RULES = ("ZH", "PU001")
TARGETS = {"recall": 1.0, "proposals": 0.90, "reference_match": 0.60, "false_positives": 0.005}
STOP = frozenset(
    """a an the and or but if of to in on at by for with from into as is are was were be been
    being it its this that these those there their they them he she his her i me my we our you
    your us not no so than then too very also just only up out over about after before""".split()
)
SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ies", "ied", "ed", "es", "ly", "s", "e", "y")


def stem(word: str) -> str:
    """A light suffix stripper: enough to match ``received``/``receive``, ``dollars``/``dollar``."""
    word = word.lower().removesuffix("'s").removesuffix("’s")
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def words_of(text: str) -> list[str]:
    """Letters-and-digits words, camelCase split: ``SouthChinaSea`` → South, China, Sea."""
    out = []
    for token in regex.findall(r"[\p{L}\p{N}]+", text):
        out.extend(regex.findall(r"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+|\p{Lo}+", token) or [token])
    return out


def content_words(text: str) -> list[str]:
    """Words that carry meaning: not stop words, but an acronym stays (``US`` is not ``us``)."""
    return [w for w in words_of(text) if w.lower() not in STOP or (w.isupper() and len(w) > 1)]


def matches_reference(proposal: str, refs: list[str]) -> bool:
    words = content_words(proposal)
    for ref in refs:
        if words:
            stems = {stem(w) for w in words_of(ref)}
            if all(stem(w) in stems for w in words):
                return True
        elif proposal.strip() and proposal.strip() in ref:
            return True
    return False


@dataclass
class SpanResult:
    record: str
    text: str
    detected: bool
    proposal: str | None
    sources: list[str]
    has_ref: bool
    matched: bool


@dataclass
class Report:
    spans: list[SpanResult] = field(default_factory=list)
    predicted: int = 0
    predicted_correct: int = 0
    clean_segments: int = 0
    clean_flagged_residue: int = 0
    clean_flagged_any: int = 0
    clean_rules: Counter[str] = field(default_factory=Counter)

    def figures(self) -> dict[str, float]:
        spans = self.spans
        proposed = [s for s in spans if s.proposal is not None]
        judged = [s for s in proposed if s.has_ref]
        return {
            "gold_spans": len(spans),
            "recall": _share(sum(s.detected for s in spans), len(spans)),
            "precision": _share(self.predicted_correct, self.predicted),
            "proposals": _share(len(proposed), len(spans)),
            "reference_match": _share(sum(s.matched for s in judged), len(judged)),
            "clean_segments": self.clean_segments,
            "false_positives": _share(self.clean_flagged_residue, self.clean_segments),
            "false_positives_any_rule": _share(self.clean_flagged_any, self.clean_segments),
        }


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _overlaps(change: Change, start: int, end: int) -> bool:
    return change.start < end and start < change.end


def _han_findings(changes: tuple[Change, ...]) -> list[Change]:
    return [c for c in changes if c.status is not Status.SKIPPED_OVERLAP and HAN.search(c.before)]


def evaluate_record(record: dict, report: Report) -> None:
    result = clean_text(record["target"], suggestions=True, glossary=default_glossary())
    found = _han_findings(result.changes)
    gold = record.get("gold_spans") or []
    refs = [r for r in (record.get("refs") or {}).values() if r]
    report.predicted += len(found)
    report.predicted_correct += sum(any(_overlaps(c, g["start"], g["end"]) for g in gold) for c in found)
    for g in gold:
        hits = [c for c in found if _overlaps(c, g["start"], g["end"])]
        fixes = [c for c in hits if c.after is not None]
        proposal = " ".join(c.after.strip() for c in fixes) if fixes else None
        sources = [f"{c.code} {c.entry}" for c in fixes]
        matched = proposal is not None and bool(refs) and matches_reference(proposal, refs)
        span = SpanResult(record.get("id", "?"), g["text"], bool(hits), proposal, sources, bool(refs), matched)
        report.spans.append(span)


def evaluate_clean(record: dict, report: Report) -> None:
    result = clean_text(record["target"], glossary=default_glossary())
    shown = [c for c in result.changes if c.status is not Status.SKIPPED_OVERLAP]
    report.clean_segments += 1
    report.clean_flagged_any += bool(shown)
    report.clean_flagged_residue += any(c.code.startswith(RESIDUE_RULES) for c in shown)
    report.clean_rules.update({f"{c.code} {c.entry}" for c in shown})


def read_jsonl(path: Path) -> list[dict]:
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"eval_residue: {path}:{number}: not JSON ({exc.msg})") from None
    return records


def evaluate(residue: Path, clean: Path | None = None) -> Report:
    report = Report()
    for record in read_jsonl(residue):
        evaluate_record(record, report)
    for record in read_jsonl(clean) if clean else []:
        evaluate_clean(record, report)
    return report


def render(report: Report, show: bool) -> str:
    figures = report.figures()
    lines = []
    if show:
        for s in report.spans:
            mark = "=" if s.matched else ("~" if s.proposal is not None else ("." if s.detected else "MISSED"))
            lines.append(f"{mark:6} {s.text!r:24} → {s.proposal!r}  [{', '.join(s.sources)}]  {s.record}")
        lines.append("")
    lines.append(f"{'measure':34} {'value':>8}   target")
    for name, value in figures.items():
        target = TARGETS.get(name)
        shown = f"{value:8.1%}" if isinstance(value, float) else f"{value:8d}"
        goal = "" if target is None else (f"≤ {target:.1%}" if name == "false_positives" else f"≥ {target:.0%}")
        ok = "" if target is None else ("  ok" if _meets(name, value, target) else "  MISSED")
        lines.append(f"{name:34} {shown}   {goal}{ok}")
    lines.append("proposed spans with a reference, by rule (matched/proposed): " + ", ".join(
        f"{code} {hit}/{total}" for code, (hit, total) in _by_rule(report.spans).items()))
    if report.clean_rules:
        lines.append("clean segments flagged, by rule and entry: " + ", ".join(
            f"{k} ×{n}" for k, n in report.clean_rules.most_common()))
    return "\n".join(lines)


def _by_rule(spans: list[SpanResult]) -> dict[str, tuple[int, int]]:
    """Each proposed span counted once under every rule whose fix it holds."""
    out: dict[str, tuple[int, int]] = {}
    for s in spans:
        if s.proposal is None or not s.has_ref:
            continue
        for code in sorted({source.split()[0] for source in s.sources}):
            hit, total = out.get(code, (0, 0))
            out[code] = (hit + s.matched, total + 1)
    return dict(sorted(out.items(), key=lambda item: -item[1][1]))


def _meets(name: str, value: float, target: float) -> bool:
    return value <= target if name == "false_positives" else value >= target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("residue", type=Path, help="JSONL records with Chinese residue and gold spans")
    parser.add_argument("--clean", type=Path, help="JSONL records of clean segments (false positives)")
    parser.add_argument("--show", action="store_true", help="list every gold span with its proposal")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    for path in (args.residue, args.clean):
        if path is not None and not path.is_file():
            print(f"eval_residue: {path}: no such file", file=sys.stderr)
            return 2
    report = evaluate(args.residue, args.clean)
    print(json.dumps(report.figures(), indent=2) if args.json else render(report, args.show))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

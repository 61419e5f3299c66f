"""``cleanup glossary ...``: check the glossary and grow it (add, find, suggest, stats, import,
export, schema). Parsing and printing only; the work is done in ``cleanup.glossary``.

Commands that write (``add``, ``import``) write into the last ``--glossary`` given, or into the
bundled glossary of a source checkout; every other ``--glossary`` is loaded as for ``fix``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..errors import CleanupError, GlossaryError
from .app import EncodingOpt, GlossaryOpt, NoDefaultOpt, _glossary, glossary_app, guarded

FileOpt = Annotated[Optional[str], typer.Option("--file", help="Glossary file to write into (e.g. places); default: inferred.")]
OverrideOpt = Annotated[bool, typer.Option("--override", help="Let the entry win over one with the same key in a lower layer.")]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Validate and show what would be written; write nothing.")]
OutOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of stdout.")]

if TYPE_CHECKING:
    from ..glossary.loader import Glossary


def _say(message: str, err: bool = False) -> None:
    from ..report import text

    typer.echo(text.sanitise(message), err=err)


def _entries(paths: list[Path] | None, no_default: bool) -> Glossary:
    """The glossaries' entries, uncompiled; the loader is imported when a command needs it."""
    from ..glossary.loader import load_glossary

    return load_glossary(paths or [], use_default=not no_default)


@glossary_app.command("check")
@guarded
def glossary_check(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Glossary files or directories: the same as --glossary.")
    ] = None,
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
) -> None:
    """Validate glossaries: schema, invariants and every entry's examples. Exit 2 on a problem."""
    from ..glossary.validate import check_glossary, key_overrides

    loaded = _entries([*(glossary or []), *(paths or [])] or None, no_default_glossary)
    problems = check_glossary(loaded)
    for notice in loaded.notices + key_overrides(loaded):
        _say(f"note: {notice}", err=True)
    for problem in problems:
        _say(problem)
    examples = sum(len(e.examples) for e in loaded.entries)
    if problems:
        _say(f"{len(problems)} problem(s) in {len(loaded.files)} file(s)", err=True)
        raise typer.Exit(2)
    _say(f"ok: {len(loaded.entries)} entries, {examples} examples in {len(loaded.files)} file(s)", err=True)


@glossary_app.command("add")
@guarded
def glossary_add(
    en: Annotated[Optional[str], typer.Option("--en", help="The approved English.")] = None,
    zh: Annotated[Optional[list[str]], typer.Option("--zh", help="Chinese key; repeatable.")] = None,
    wrong: Annotated[Optional[list[str]], typer.Option("--wrong", help="Wrong English, replaced by --en; repeatable.")] = None,
    variant: Annotated[Optional[list[str]], typer.Option("--variant", help="Other rendering unified to --en; repeatable.")] = None,
    entry_id: Annotated[Optional[str], typer.Option("--id", help="Entry id (default: from --en).")] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="Where the English comes from.")] = None,
    example: Annotated[Optional[list[str]], typer.Option("--example", help="IN=>OUT, or IN that must stay unchanged; repeatable.")] = None,
    safety: Annotated[Optional[str], typer.Option("--safety", help="safe or suggestion.")] = None,
    inflect: Annotated[bool, typer.Option("--inflect", help="Also match and write the plural.")] = False,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Entry kind (default: the file's, else term).")] = None,
    file: FileOpt = None,
    override: OverrideOpt = False,
    dry_run: DryRunOpt = False,
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
) -> None:
    """Add one entry to a glossary file, sorted by id, after checking it like `glossary check`."""
    from ..glossary.edit import DuplicateIndex, write
    from ..glossary.newentry import NewEntry, build_record
    from ..glossary.place import choose_file, resolve_layers
    from ..glossary.render import render_entry

    layers = resolve_layers(glossary or [], not no_default_glossary)
    loaded = layers.load()
    new = NewEntry(en or "", zh or (), wrong or (), variant or (), entry_id or "", note or "", example or (), safety or "", inflect)
    default_note = "Source of the English not recorded yet (added with cleanup glossary add)."
    target = choose_file(layers, loaded, build_record(new, kind or "term", "", default_note), file, kind)
    record = build_record(new, target.kind, Path(target.name).stem, default_note)
    for duplicate in DuplicateIndex(loaded, layers.layer).find(record):
        if duplicate.same_layer or not override:
            hint = "" if duplicate.same_layer else " (--override lets your entry win over it)"
            raise CleanupError(f"duplicate: {duplicate.message(record)}{hint}")
    try:
        written = write(layers, {target: [record]}, dry_run)
    except GlossaryError as exc:
        for problem in exc.problems:
            _say(problem)
        raise CleanupError(f"{record.id} not added: {len(exc.problems)} problem(s) with it (listed above); nothing written") from None
    where = written.lines[record.id]
    if dry_run:
        _say(render_entry(record).rstrip("\n"))
        _say(f"would add {record.id} to {where} ({target.reason}); nothing written", err=True)
    else:
        _say(f"added {record.id} to {where} ({target.reason})")
    if not note:
        _say("note: no --note given; record where the English comes from (see docs/glossary-tools.md)", err=True)
    if written.old_problems:
        _say(f"note: the glossary already had {written.old_problems} problem(s); run 'cleanup glossary check'", err=True)


@glossary_app.command("find")
@guarded
def glossary_find(
    query: Annotated[str, typer.Argument(help="Chinese (either script), pinyin or English.")],
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
) -> None:
    """Look entries up; prints `file:line id: zh → en`. Exit 1 when nothing matches."""
    from ..glossary.find import describe, find

    loaded = _entries(glossary, no_default_glossary)
    hits = find(loaded.entries, query)
    for hit in hits:
        _say(describe(hit.entry))
    if not hits:
        _say(f"no entry matches {query!r}", err=True)
        raise typer.Exit(1)


@glossary_app.command("suggest")
@guarded
def glossary_suggest(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to mine.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write a YAML stub of the candidates to FILE.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Show at most N candidates (the stub has all).")] = 50,
    min_count: Annotated[int, typer.Option("--min-count", help="Only candidates seen at least N times.")] = 1,
    max_length: Annotated[int, typer.Option("--max-length", help="Longer runs are passages, not terms: left out.")] = 12,
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
    encoding: EncodingOpt = None,
) -> None:
    """Mine files for Chinese and mixed tokens no entry covers, most frequent first."""
    from ..glossary import mining
    from ..glossary.stub import stub_text
    from ..io import write_atomic
    from ..zh import pinyin_of

    compiled = _glossary(glossary, no_default_glossary)
    files = list(mining.corpus_files(paths))
    candidates, long_passages = mining.mine(files, compiled, encoding, max_length)
    candidates = [c for c in candidates if c.count >= min_count]
    for candidate in candidates[:limit]:
        proposal = candidate.proposal
        offer = f" → {proposal.english} [{proposal.source}]" if proposal else ""
        pinyin = f" ({pinyin_of(candidate.han)})" if candidate.kind == "unknown" else " (mixed token)"
        _say(f"{candidate.count:>5}× {candidate.key}{pinyin} in {len(candidate.files)} file(s){offer}")
        for context in candidate.contexts:
            _say(f"       {context.path}:{context.line}: {context.text}")
    more = f"; showing {limit}" if len(candidates) > limit else ""
    fallback = "" if mining.fallback_available() else "; no fallback module: pinyin only"
    _say(f"{len(candidates)} candidate(s) in {len(files)} file(s){more}; {long_passages} longer passage(s) left out{fallback}", err=True)
    if output is not None:
        write_atomic(output, stub_text(candidates, len(files)).encode("utf-8"))
        _say(f"wrote {output}", err=True)


@glossary_app.command("stats")
@guarded
def glossary_stats(
    paths: Annotated[list[str], typer.Argument(help="Files or directories of the corpus.")],
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    unused_only: Annotated[bool, typer.Option("--unused", help="List only the entries that never fire.")] = False,
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
    encoding: EncodingOpt = None,
) -> None:
    """Hits per entry on a corpus, by rule and status, and the entries that never fire."""
    from ..glossary.mining import corpus_files
    from ..glossary.stats import by_rule, corpus_stats

    if output_format not in ("text", "json"):
        raise CleanupError(f"unknown format {output_format!r}; use text or json")
    compiled = _glossary(glossary, no_default_glossary)
    stats = corpus_stats(corpus_files(paths), compiled, encoding)
    fired, unused = stats.fired(compiled.entries), stats.unused(compiled.entries)
    if output_format == "json":
        hits = {e.id: {"where": f"{e.file}:{e.line}", "total": stats.total(e.id), "by": dict(stats.hits[e.id])} for e in fired}
        unused_list = [{"id": e.id, "where": f"{e.file}:{e.line}"} for e in unused]
        _say(json.dumps({"files": stats.files, "hits": hits, "unused": unused_list, "other": dict(stats.other)}, ensure_ascii=False, indent=2))
        return
    if not unused_only:
        for entry in fired:
            _say(f"{stats.total(entry.id):>6}  {entry.id}  {entry.file}:{entry.line}  {by_rule(stats.hits[entry.id])}")
        if stats.other:
            _say(f"{sum(stats.other.values()):>6}  (no entry)  {by_rule(stats.other)}")
    _say(f"never fired ({len(unused)} of {len(compiled.entries)} entries):")
    for entry in unused:
        _say(f"  {entry.file}:{entry.line} {entry.id}")
    _say(f"{stats.files} file(s); {len(fired)} entries fired, {len(unused)} never", err=True)


@glossary_app.command("export")
@guarded
def glossary_export(
    output_format: Annotated[str, typer.Option("--format", help="tbx or csv.")] = "tbx",
    output: OutOpt = None,
    tbx_version: Annotated[str, typer.Option("--tbx-version", help="3 (ISO 30042:2019, conceptEntry) or 2 (martif, termEntry).")] = "3",
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
) -> None:
    """Write the glossary (all layers, overrides applied) as TBX-Basic or CSV."""
    from ..glossary.csvio import write_csv
    from ..glossary.records import record_of
    from ..glossary.tbx import DIALECTS, write_tbx
    from ..io import write_atomic

    if output_format not in ("tbx", "csv"):
        raise CleanupError(f"unknown format {output_format!r}; use tbx or csv")
    if tbx_version not in DIALECTS:
        raise CleanupError(f"unknown TBX version {tbx_version!r}; use 3 or 2")
    loaded = _entries(glossary, no_default_glossary)
    if loaded.problems:
        raise CleanupError(f"{loaded.problems[0]}; run 'cleanup glossary check'")
    records = [record_of(e) for e in loaded.entries]
    data = write_tbx(records, tbx_version) if output_format == "tbx" else write_csv(records)
    if output is None:
        sys.stdout.write(data)
    else:
        write_atomic(output, data.encode("utf-8"))
        _say(f"wrote {len(records)} entries to {output}", err=True)


@glossary_app.command("import")
@guarded
def glossary_import(
    source: Annotated[Path, typer.Argument(help="A TBX or CSV file.")],
    input_format: Annotated[Optional[str], typer.Option("--format", help="tbx or csv (default: by extension).")] = None,
    file: FileOpt = None,
    safety: Annotated[str, typer.Option("--safety", help="Safety of entries from another tool: suggestion or safe.")] = "suggestion",
    override: OverrideOpt = False,
    dry_run: DryRunOpt = False,
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
) -> None:
    """Add the entries of a TBX or CSV file; report each one skipped and why."""
    from ..glossary.csvio import read_csv
    from ..glossary.importing import import_records
    from ..glossary.place import resolve_layers
    from ..glossary.tbx import read_tbx

    fmt = input_format or {".tbx": "tbx", ".xml": "tbx", ".csv": "csv"}.get(source.suffix.lower())
    if fmt not in ("tbx", "csv"):
        raise CleanupError(f"{source}: unknown format {input_format or source.suffix!r}; use --format tbx or csv")
    if safety not in ("safe", "suggestion"):
        raise CleanupError(f"--safety {safety}: use safe or suggestion")
    stem = file or Path(source).stem
    layers = resolve_layers(glossary or [], not no_default_glossary)
    found = (read_tbx if fmt == "tbx" else read_csv)(source, str(source), stem, safety)
    result = import_records(layers, found, override, dry_run)
    for note in found.notes:
        _say(f"note: {note}", err=True)
    for where, why in result.skipped:
        _say(f"skipped {where}: {why}", err=True)
    verb = "would import" if dry_run else "imported"
    files = ", ".join(f"{name} ({n})" for name, n in result.files.items()) or "nothing written"
    _say(f"{verb} {len(result.added)} of {len(found.records) + len(found.skipped)} entries: {files}; skipped {len(result.skipped)}")


@glossary_app.command("schema")
@guarded
def glossary_schema_command(output: OutOpt = None) -> None:
    """Print a JSON Schema (draft 2020-12) for glossary files, for editors to validate and complete."""
    from ..glossary.schema import glossary_schema
    from ..io import write_atomic

    data = json.dumps(glossary_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(data)
    else:
        write_atomic(output, data.encode("utf-8"))

"""``cleanup fix`` and ``cleanup check``: one file to stdout, or a batch of files, directories,
globs and corpora, in parallel, resumable, with progress and a summary (``cleanup.batch``)."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..errors import CleanupError
from .app import EncodingOpt, GlossaryOpt, IgnoreOpt, NoDefaultOpt, SelectOpt, _glossary, _rules, app, guarded
from .options import integrated

if TYPE_CHECKING:
    from ..batch import session

ExcludeOpt = Annotated[
    Optional[list[str]], typer.Option("--exclude", help="Skip paths matching PATTERN (gitignore syntax); repeatable.")
]
FilesFromOpt = Annotated[Optional[str], typer.Option("--files-from", help="Read more paths from FILE, one a line ('-': stdin).")]
FormatOpt = Annotated[Optional[str], typer.Option("--input-format", help="txt, md, html or jsonl (default: by extension).")]
FieldOpt = Annotated[Optional[list[str]], typer.Option("--field", help="JSONL field to clean; repeatable (default: text).")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")]
SchedulerOpt = Annotated[Optional[str], typer.Option("--scheduler", help="Run on a Dask cluster at tcp://HOST:PORT.")]
ManifestOpt = Annotated[
    Optional[Path], typer.Option("--manifest", help="Resume manifest (default with --out-dir: OUT/.cleanup-manifest.jsonl).")
]
RestartOpt = Annotated[bool, typer.Option("--restart", help="Ignore the manifest of an earlier run and start over.")]
OutputEncodingOpt = Annotated[
    Optional[str],
    typer.Option(help="Write in this encoding (default: the input's own, BOM kept); utf-8-sig and utf-16 write a BOM."),
]
ConsistencyOpt = Annotated[
    Optional[Path], typer.Option("--consistency-report", help="Write the batch-wide consistency report as JSON to FILE.")
]


def _session(paths, files_from, exclude, input_format, field, jobs, scheduler, quiet) -> session.Session:  # type: ignore[no-untyped-def]
    from ..batch import session  # the batch machinery, when a command runs (not for --help)

    return session.Session(
        paths=list(paths or []),
        files_from=files_from,
        excludes=list(exclude or []),
        input_format=input_format,
        fields=tuple(field or ("text",)),
        jobs=jobs if jobs > 0 else (os.cpu_count() or 1),
        scheduler=scheduler,
        quiet=quiet,
    )


@app.command()
@integrated("fix")
@guarded
def fix(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, directories or globs; '-' reads stdin.")] = None,
    out_dir: Annotated[Optional[Path], typer.Option("--out-dir", "-o", help="Write cleaned files under DIR.")] = None,
    in_place: Annotated[bool, typer.Option("--in-place", help="Overwrite the input files.")] = False,
    changelog: Annotated[Optional[Path], typer.Option(help="Write every change as JSON Lines to FILE.")] = None,
    suggestions: Annotated[bool, typer.Option("--suggestions", help="Also apply suggested fixes.")] = False,
    show_diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of writing.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors: no change log, progress or summary.")] = False,
    exclude: ExcludeOpt = None,
    files_from: FilesFromOpt = None,
    input_format: FormatOpt = None,
    field: FieldOpt = None,
    jobs: JobsOpt = 0,
    scheduler: SchedulerOpt = None,
    manifest: ManifestOpt = None,
    restart: RestartOpt = False,
    consistency_report: ConsistencyOpt = None,
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    encoding: EncodingOpt = None,
    output_encoding: OutputEncodingOpt = None,
) -> None:
    """Write cleaned text (to stdout for one file, or --out-dir / --in-place) and log every change."""
    if in_place and out_dir:
        raise CleanupError("--in-place and --out-dir cannot be used together")
    run = _session(paths, files_from, exclude, input_format, field, jobs, scheduler, quiet)
    run.start(_glossary(glossary, no_default_glossary), _rules(select, ignore), suggestions, encoding)
    if output_encoding and not show_diff:
        from ..document import canonical

        run.settings = dataclasses.replace(run.settings, output_encoding=canonical(output_encoding, "--output-encoding"))
    if not (in_place or out_dir or show_diff):
        run.to_stdout(changelog)
        return
    if show_diff:
        run.diff()
        return
    run.fix(out_dir, in_place, changelog, manifest, restart, consistency_report)


@app.command()
@integrated("check")
@guarded
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, directories or globs; '-' reads stdin.")] = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Findings only: no progress or summary.")] = False,
    exclude: ExcludeOpt = None,
    files_from: FilesFromOpt = None,
    input_format: FormatOpt = None,
    field: FieldOpt = None,
    jobs: JobsOpt = 0,
    scheduler: SchedulerOpt = None,
    changelog: Annotated[Optional[Path], typer.Option(help="Write every finding as JSON Lines to FILE.")] = None,
    manifest: ManifestOpt = None,
    restart: RestartOpt = False,
    consistency_report: ConsistencyOpt = None,
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    encoding: EncodingOpt = None,
) -> None:
    """Report findings; exit 1 when there are any, 0 when the files are clean."""
    if output_format not in ("text", "json"):
        raise CleanupError(f"unknown format {output_format!r}; use text or json")
    run = _session(paths, files_from, exclude, input_format, field, jobs, scheduler, quiet)
    run.start(_glossary(glossary, no_default_glossary), _rules(select, ignore), False, encoding, write=False)
    found = run.check(output_format, changelog, manifest, restart, consistency_report)
    if found:
        typer.echo(f"Found {found} finding(s): {run.found_summary()}", err=True)
    raise typer.Exit(2 if run.failed else (1 if found else 0))


"""``cleanup fix`` and ``cleanup check``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import CleanupError
from ..files import Options, clean_path, destination, write_result
from ..report import diff as diff_report
from ..report import jsonout, text
from .app import EncodingOpt, GlossaryOpt, IgnoreOpt, NoDefaultOpt, SelectOpt, _glossary, _rules, app, guarded


@app.command()
@guarded
def fix(
    paths: Annotated[list[str], typer.Argument(help="Files to clean; '-' reads stdin and writes stdout.")],
    out_dir: Annotated[Optional[Path], typer.Option("--out-dir", "-o", help="Write cleaned files under DIR.")] = None,
    in_place: Annotated[bool, typer.Option("--in-place", help="Overwrite the input files.")] = False,
    changelog: Annotated[Optional[Path], typer.Option(help="Write every change as JSON Lines to FILE.")] = None,
    suggestions: Annotated[bool, typer.Option("--suggestions", help="Also apply suggested fixes.")] = False,
    show_diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of writing.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Do not print the change log to stderr.")] = False,
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    encoding: EncodingOpt = None,
) -> None:
    """Write cleaned text (to stdout for one file, or --out-dir / --in-place) and log every change."""
    if in_place and out_dir:
        raise CleanupError("--in-place and --out-dir cannot be used together")
    to_stdout = not (in_place or out_dir or show_diff)
    if to_stdout and len(paths) > 1:
        raise CleanupError("several files need --out-dir, --in-place or --diff")
    compiled = _glossary(glossary, no_default_glossary)
    options = Options(_rules(select, ignore), suggestions, encoding)
    log: list[str] = []
    failed = 0
    for path in paths:
        try:
            doc, result = clean_path(path, compiled, options)
            if show_diff:
                sys.stdout.write(text.sanitise(diff_report.unified(result)))
            elif to_stdout:
                sys.stdout.write(result.cleaned)
            else:
                target = destination(path, out_dir, in_place)
                if target is not None and (result.changed or not in_place):
                    write_result(doc, result, target)
        except CleanupError as exc:
            typer.echo(f"cleanup: error: {text.sanitise(str(exc))}", err=True)
            failed += 1
            continue
        log.append(jsonout.as_jsonl(result.changes))
        if not quiet:
            for change in text.visible(result.changes):
                typer.echo(text.change_line(change), err=True)
            typer.echo(f"{text.sanitise(path)}: {text.summary(result.changes)}", err=True)
    if changelog is not None:
        from ..io import write_atomic

        write_atomic(changelog, "".join(log).encode("utf-8"))
    if failed:
        raise typer.Exit(2)


@app.command()
@guarded
def check(
    paths: Annotated[list[str], typer.Argument(help="Files to check; '-' reads stdin.")],
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    encoding: EncodingOpt = None,
) -> None:
    """Report findings; exit 1 when there are any, 0 when the files are clean."""
    if output_format not in ("text", "json"):
        raise CleanupError(f"unknown format {output_format!r}; use text or json")
    compiled = _glossary(glossary, no_default_glossary)
    options = Options(_rules(select, ignore), False, encoding)
    found, failed = [], 0
    for path in paths:
        try:
            _, result = clean_path(path, compiled, options)
        except CleanupError as exc:
            typer.echo(f"cleanup: error: {text.sanitise(str(exc))}", err=True)
            failed += 1
            continue
        found.extend(text.visible(result.changes))
    if output_format == "json":
        typer.echo(jsonout.as_json(found))
    else:
        for change in found:
            typer.echo(text.finding_line(change))
        if found:
            typer.echo(f"Found {len(found)} finding(s): {text.summary(found)}", err=True)
    if failed:
        raise typer.Exit(2)
    raise typer.Exit(1 if found else 0)

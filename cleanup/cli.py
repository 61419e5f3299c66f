"""The command line: parse, call, render, set exit codes. No cleaning logic lives here.

Exit codes: 0 success (``check``: nothing found); 1 ``check`` found something; 2 an error
(bad input, bad glossary, bad option), always as one line on stderr, never a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from .api import load_glossary as load_compiled
from .errors import CleanupError
from .files import Options, clean_path, destination, write_result
from .glossary.compiled import Compiled
from .glossary.loader import load_glossary
from .report import diff as diff_report
from .report import jsonout, text
from .rules import BY_CODE, RULES, select_rules

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Find and fix the traces Chinese sources leave in machine-translated English news.",
)
glossary_app = typer.Typer(no_args_is_help=True, help="Check and grow the glossary.")
app.add_typer(glossary_app, name="glossary")

GlossaryOpt = Annotated[
    Optional[list[Path]],
    typer.Option("--glossary", "-g", help="Glossary file or directory, layered over the bundled one; repeatable."),
]
NoDefaultOpt = Annotated[
    bool, typer.Option("--no-default-glossary", help="Use only the glossaries given with --glossary.")
]
SelectOpt = Annotated[Optional[str], typer.Option(help="Only these rule codes or prefixes, comma-separated.")]
IgnoreOpt = Annotated[Optional[str], typer.Option(help="Skip these rule codes or prefixes, comma-separated.")]
EncodingOpt = Annotated[Optional[str], typer.Option(help="Input encoding (default: BOM, UTF-8, then GB18030).")]


def fail(message: str) -> None:
    typer.echo(f"cleanup: error: {text.sanitise(message)}", err=True)
    raise typer.Exit(2)


def guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every user-facing error into one line on stderr and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CleanupError as exc:
            fail(str(exc))
        except ValueError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            typer.echo("cleanup: interrupted", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None

    return wrapper


def _glossary(paths: list[Path] | None, no_default: bool) -> Compiled:
    return load_compiled(paths or [], use_default=not no_default)


def _rules(select: str | None, ignore: str | None) -> tuple:  # type: ignore[type-arg]
    split = lambda s: [p for p in (s or "").split(",") if p.strip()]  # noqa: E731
    return select_rules(split(select), split(ignore))


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
        from .io import write_atomic

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


@app.command()
def rules(code: Annotated[Optional[str], typer.Argument(help="A rule code, e.g. ZH001.")] = None) -> None:
    """List the rules, or print one rule's documentation."""
    if code is None:
        for rule in RULES:
            typer.echo(f"{rule.code}  {rule.name:<18} {rule.default:<40} {rule.summary}")
        return
    rule = BY_CODE.get(code.upper())
    if rule is None:
        fail(f"unknown rule {code!r}; known: {', '.join(BY_CODE)}")
        return
    typer.echo(f"{rule.code} ({rule.name})\n\n{rule.doc.strip()}")


@glossary_app.command("check")
@guarded
def glossary_check(
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
) -> None:
    """Validate glossaries: schema, invariants and every entry's examples. Exit 2 on a problem."""
    from .glossary.validate import check_glossary

    loaded = load_glossary(glossary or [], use_default=not no_default_glossary)
    problems = check_glossary(loaded)
    for notice in loaded.notices:
        typer.echo(text.sanitise(f"note: {notice}"), err=True)
    for problem in problems:
        typer.echo(text.sanitise(problem))
    examples = sum(len(e.examples) for e in loaded.entries)
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {len(loaded.files)} file(s)", err=True)
        raise typer.Exit(2)
    typer.echo(
        f"ok: {len(loaded.entries)} entries, {examples} examples in {len(loaded.files)} file(s)", err=True
    )


def main() -> None:
    app()

"""``cleanup glossary ...``: check the glossary (and, in time, grow it)."""

from __future__ import annotations

import typer

from ..glossary.loader import load_glossary
from ..report import text
from .app import GlossaryOpt, NoDefaultOpt, glossary_app, guarded


@glossary_app.command("check")
@guarded
def glossary_check(
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
) -> None:
    """Validate glossaries: schema, invariants and every entry's examples. Exit 2 on a problem."""
    from ..glossary.validate import check_glossary

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

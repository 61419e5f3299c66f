"""``cleanup rules``: list the rules or print one rule's documentation."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .app import app, fail


@app.command()
def rules(code: Annotated[Optional[str], typer.Argument(help="A rule code, e.g. ZH001.")] = None) -> None:
    """List the rules, or print one rule's documentation."""
    from ..rules import BY_CODE

    if code is None:
        for rule in BY_CODE.values():  # the source-aware rules (SR) too
            typer.echo(f"{rule.code}  {rule.name:<18} {rule.default:<40} {rule.summary}")
        return
    found = BY_CODE.get(code.upper())
    if found is None:
        fail(f"unknown rule {code!r}; known: {', '.join(BY_CODE)}")
        return
    typer.echo(f"{found.code} ({found.name})\n\n{found.doc.strip()}")

"""The command line. Each module registers its commands on the shared typer app."""

from __future__ import annotations

from . import fix, glossary, review, rules  # noqa: F401 - registers the commands
from .app import app


def main() -> None:
    app()

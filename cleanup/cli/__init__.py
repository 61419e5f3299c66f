"""The command line. Each module registers its commands on the shared typer app.

The command modules are cheap to import: each command imports what it works with when it runs
(``tests/test_startup_imports.py`` lists what ``cleanup fix FILE`` must never load).
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Sequence

import typer
from typer.main import get_command_name
from typer.models import CommandInfo

from . import fix, glossary, review, rules  # noqa: F401 - registers the commands
from .app import app


def command_name(info: CommandInfo) -> str:
    """The name typer gives a command: its own, or its function's, dashed."""
    if info.name:
        return info.name
    return get_command_name(info.callback.__name__) if info.callback else ""


def for_arguments(args: Sequence[str]) -> typer.Typer:
    """The application as ``args`` need it: with only the command they start with, or whole.

    Typer builds every command, each option of each, before it parses anything: some 20 ms of
    every start-up for fifteen commands. Once the first argument names a command, no other can
    run, so the others are left out. Anything else (no argument, an option first, a misspelt
    command that needs the list for "did you mean") gets the whole application.
    """
    name = args[0] if args else ""
    commands = [c for c in app.registered_commands if command_name(c) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not (commands or groups):
        return app
    only = copy.copy(app)
    only.registered_commands, only.registered_groups = commands, groups
    return only


def main() -> None:
    """``cleanup``, the console script, and ``python -m cleanup``."""
    for_arguments(sys.argv[1:])()

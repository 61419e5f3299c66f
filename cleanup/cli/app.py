"""The typer application and what every command shares: options, glossary loading, errors.

The command line parses, calls, renders and sets exit codes; no cleaning logic lives in
``cleanup.cli``. Each command group has its own module, registered in ``cleanup.cli``.

Exit codes: 0 success (``check``: nothing found); 1 ``check`` found something; 2 an error
(bad input, bad glossary, bad option), always as one line on stderr, never a traceback.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..errors import CleanupError
from .coercion import LeanTyper

if TYPE_CHECKING:
    from ..glossary.compiled import Compiled
    from ..rules.base import Rule

# Every command imports what it needs when it runs (cleanup.api, the rules, the report
# modules...), so that start-up costs only what the invoked command uses (bench/startup.py).
app = LeanTyper(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Find and fix the traces Chinese sources leave in machine-translated English news.",
)


def _show_settings(value: bool) -> None:
    """``cleanup --show-settings``: the configuration found above the current directory, each
    value with the ``FILE:LINE`` it came from (``check``/``fix --show-settings`` add their
    command-line options and the files' own configuration)."""
    if not value:
        return
    from ..config import load_settings
    from ..report.settings import render

    try:
        typer.echo(render(load_settings()), nl=False)
    except CleanupError as exc:
        fail(str(exc))
    raise typer.Exit(0)


@app.callback()
def _top_level(
    show_settings: Annotated[
        bool,
        typer.Option("--show-settings", is_eager=True, expose_value=False, callback=_show_settings,
                     help="Print the settings in force here, and where each comes from; then exit."),
    ] = False,
) -> None:
    """Top-level options; each command has its own."""


glossary_app = LeanTyper(no_args_is_help=True, help="Check and grow the glossary.")
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
EncodingOpt = Annotated[
    Optional[str], typer.Option(help="Input encoding (default: the BOM, else UTF-8, GB18030 or Big5, else detected).")
]


def fail(message: str) -> None:
    from ..report import text

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
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # a bug: still one line, unless asked for the traceback
            if os.environ.get("CLEANUP_DEBUG"):
                raise
            fail(f"internal error: {type(exc).__name__}: {exc} (set CLEANUP_DEBUG=1 for details)")

    return wrapper


def _glossary(paths: list[Path] | None, no_default: bool) -> Compiled:
    # the configuration's allow-list, when a configured command is running
    from ..api import load_glossary as load_compiled
    from .options import configured_glossary

    configured = configured_glossary(paths, no_default)
    return configured if configured is not None else load_compiled(paths or [], use_default=not no_default)


def _split_codes(codes: str | None) -> list[str]:
    return [p for p in (codes or "").split(",") if p.strip()]


def _rules(select: str | None, ignore: str | None) -> tuple[Rule, ...]:
    from ..rules import select_rules

    return select_rules(_split_codes(select), _split_codes(ignore))



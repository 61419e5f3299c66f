"""The options that fit ``check`` and ``fix`` into other tools: configuration, output formats,
statistics, exit codes, the source-aware mode and the unused-suppressions report.

``@integrated("check")`` (or ``"fix"``) goes between ``@app.command()`` and ``@guarded``. It adds
its options to the command's signature, resolves the settings (command line over the
configuration file over the defaults) and hands the command the values in force. When the
output needs every finding (a machine format, ``--statistics``, per-file ignores, exit codes
of ``--exit-non-zero-on-fix``), the command runs with its JSON output or change log captured
and ``cleanup.cli.output`` renders that; the source-aware mode and the suppression report
run on their own (``cleanup.cli.sourcemode``). The command modules stay unaware of it.

Exit codes. ``check``: 0 nothing found, 1 findings, 2 error. ``fix``: 0 done, 2 error; with
``--exit-non-zero-on-fix``: 0 nothing to fix or report, 1 findings left that fix did not
apply (suggestions, report-only), 3 fixed and nothing left, 4 fixed with findings left.
"""

from __future__ import annotations

import contextvars
import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..config import FORMATS, Overrides, Settings, apply_overrides, load_settings

if TYPE_CHECKING:
    from ..glossary.compiled import Compiled

CURRENT: contextvars.ContextVar[Settings | None] = contextvars.ContextVar("cleanup_settings", default=None)

_FORMAT_HELP = f"Output format: {', '.join(FORMATS)} (default: text, or 'format' in the configuration)."
COMMON: dict[str, Any] = {
    "output_format": Annotated[str | None, typer.Option("--format", help=_FORMAT_HELP)],
    "statistics": Annotated[bool, typer.Option("--statistics", help="Counts per rule and entry instead of every finding.")],
    "config": Annotated[Path | None, typer.Option("--config", help="Use this configuration file (pyproject.toml or cleanup.toml).")],
    "isolated": Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")],
    "show_settings": Annotated[bool, typer.Option("--show-settings", help="Print the settings in force for these files, and where each comes from.")],
    "default_glossary": Annotated[
        bool | None, typer.Option("--default-glossary/--no-default-glossary", help="Use the bundled glossary (default: yes).")
    ],
}
ONLY: dict[str, dict[str, Any]] = {
    "check": {
        "source": Annotated[Path | None, typer.Option("--source", help="The Chinese source of the one file checked: compare the translation with it (SR rules).")],
        "align": Annotated[str, typer.Option("--align", help="How --source pairs the texts: paragraph or line.")],
        "pairs": Annotated[bool, typer.Option("--pairs", help="The inputs are JSON Lines corpora of {source, target} records: compare each pair.")],
        "unused_suppressions": Annotated[bool, typer.Option("--unused-suppressions", help="List allow-list phrases and per-file ignores that suppress nothing; exit 1 if any.")],
    },
    "fix": {
        "suggestions": Annotated[bool | None, typer.Option("--suggestions/--no-suggestions", help="Also apply suggested fixes (default: no, or 'suggestions' in the configuration).")],
        "exit_non_zero_on_fix": Annotated[bool, typer.Option("--exit-non-zero-on-fix", help="Exit 3 when something was fixed, 4 when findings are also left, 1 when only findings are left.")],
    },
}
DEFAULTS = {"align": "paragraph"}
REPLACED = ("output_format", "no_default_glossary", "suggestions")  # the command's own flags we widen


@dataclass(frozen=True)
class Mine:
    """The values of the options this module adds."""

    values: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None


def _split(value: str | None) -> list[str] | None:
    return None if value is None else [p.strip() for p in value.split(",") if p.strip()]


def resolve(command_kwargs: dict[str, Any], mine: Mine) -> Settings:
    """The settings in force: the configuration above the paths, with the command line on top."""
    paths = [p for p in command_kwargs.get("paths") or [] if isinstance(p, str)]
    settings = load_settings(paths, mine.config, mine.isolated)
    default = mine.default_glossary
    overrides = Overrides(
        glossary=command_kwargs.get("glossary"),
        default_glossary=default,
        select=_split(command_kwargs.get("select")),
        ignore=_split(command_kwargs.get("ignore")),
        suggestions=mine.values.get("suggestions"),
        encoding=command_kwargs.get("encoding"),
        format=mine.output_format,
    )
    return apply_overrides(settings, overrides)


def apply(command_kwargs: dict[str, Any], settings: Settings, names: set[str]) -> dict[str, Any]:
    """The command's own arguments, carrying the values in force."""
    out = dict(command_kwargs)
    out["glossary"] = list(settings.glossary) or None
    out["no_default_glossary"] = not settings.default_glossary
    out["select"] = ",".join(settings.select) or None
    out["ignore"] = ",".join(settings.ignore) or None
    out["encoding"] = settings.encoding
    if "suggestions" in names:
        out["suggestions"] = settings.suggestions
    return out


def configured_glossary(paths: list[Path] | None, no_default: bool) -> Compiled | None:
    """The glossary with the configuration's allow-list, when a configured command is running."""
    settings = CURRENT.get()
    if settings is None or not settings.allow:
        return None
    from ..suppress import load_glossary

    return load_glossary(Settings(root=settings.root, glossary=tuple(paths or ()), default_glossary=not no_default,
                                  allow=settings.allow))


def integrated(command: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add this module's options to ``command`` and run it with the settings in force."""
    added = COMMON | ONLY[command]

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(func, eval_str=True)
        names = set(signature.parameters)
        params = [p for n, p in signature.parameters.items() if n not in REPLACED]
        for name, annotation in added.items():
            default = DEFAULTS.get(name, False if annotation.__origin__ is bool else None)
            params.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation))

        @functools.wraps(func)
        def wrapper(**kwargs: Any) -> Any:
            from .app import guarded

            return guarded(_run)(command, func, names, kwargs, set(added))

        wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        return wrapper

    return decorate


def _run(command: str, func: Callable[..., Any], names: set[str], kwargs: dict[str, Any], added: set[str]) -> Any:
    mine = Mine({name: kwargs.pop(name) for name in added})
    settings = resolve(kwargs, mine)
    if mine.show_settings:
        from ..report import settings as settings_report

        typer.echo(settings_report.render(settings), nl=False)
        raise typer.Exit(0)
    token = CURRENT.set(settings)
    try:
        if command == "check" and (mine.source is not None or mine.pairs or mine.unused_suppressions):
            from . import sourcemode

            return sourcemode.run(kwargs, mine, settings)
        from . import output

        arguments = apply(kwargs, settings, names)
        if command == "check":
            return output.check(func, arguments, mine, settings)
        return output.fix(func, arguments, mine, settings)
    finally:
        CURRENT.reset(token)

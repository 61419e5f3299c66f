"""Convert the command line's plain values without pydantic.

Typer 0.2x converts every option value through a pydantic ``TypeAdapter`` built on first use.
For ``cleanup fix FILE`` that means importing pydantic and building some twenty adapters to
turn strings into strings: about 0.1 s, a fifth of the start-up budget (``bench/startup.py``).
Here each parameter typed ``str``, ``int``, ``bool``, ``Path`` or a list of these gets a
converter that takes the plain values a shell passes and hands anything else (``--jobs x``, a
value from an environment variable) to typer's own converter, so that error messages and corner
cases stay typer's. On a typer without that machinery (``typer._coercion``) it changes nothing.

The application uses ``LeanTyper`` in place of ``typer.Typer``: its groups and commands give
their parameters (``--help`` included) the lean converters just before parsing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

import typer
from typer.core import TyperCommand, TyperGroup

try:
    from typer._click import Context
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_path
    from typer.models import ParameterInfo

    AVAILABLE = True
except ImportError:  # pragma: no cover - a typer that converts with click's types
    AVAILABLE = False

_INTEGER = re.compile(r"-?[0-9]{1,18}")  # what int() and pydantic read alike


class Declined(Exception):
    """Not a plain value: typer's own converter takes it."""


Convert = Callable[[Any, Any, Any, Any], Any]  # (value, parameter info, parameter, context)


def _text(value: Any, info: Any, param: Any, ctx: Any) -> Any:
    if type(value) is str:
        return value
    raise Declined


def _flag(value: Any, info: Any, param: Any, ctx: Any) -> Any:
    if type(value) is bool:
        return value
    raise Declined


def _integer(value: Any, info: Any, param: Any, ctx: Any) -> Any:
    if type(value) is int:
        return value
    if type(value) is str and _INTEGER.fullmatch(value):
        return int(value)
    raise Declined


def _path(value: Any, info: Any, param: Any, ctx: Any) -> Any:
    """A ``Path``, with typer's own checks (``exists``, ``dir_okay``, ...): given a ``Path``,
    typer's path converter needs no adapter."""
    if type(value) is str:
        return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
    raise Declined


LEAVES: dict[Any, Convert] = {str: _text, bool: _flag, int: _integer, Path: _path}


def _each(leaf: Convert) -> Convert:
    """A list option (``multiple``) or a variadic argument: every item plain, or none taken."""

    def convert(value: Any, info: Any, param: Any, ctx: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            raise Declined
        return [leaf(item, info, param, ctx) for item in value]

    return convert


def converter(annotation: Any, info: Any) -> Convert | None:
    """The lean converter for ``annotation``, or None when typer's should do all the work
    (a custom parser, a range, choices, files, datetimes, tuples...)."""
    if info.parser is not None or info.min is not None or info.max is not None or info.path_type is not None:
        return None
    if get_origin(annotation) is list:
        (item,) = get_args(annotation) or (None,)
        leaf = LEAVES.get(item)
        return _each(leaf) if leaf is not None else None
    return LEAVES.get(annotation)


if AVAILABLE:

    @dataclass(frozen=True)
    class LeanParam(RuntimeParam):
        """Typer's runtime conversion of one parameter, with the plain values done here."""

        convert: Convert

        def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
            try:
                return self.convert(value, self.parameter_info, param, ctx)
            except Declined:
                return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)

    def lean(param: Any) -> None:
        """Give ``param`` the lean converter, unless typer has built its own or cannot take one."""
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or descriptor.file_annotation is not None:
            return  # not typer's parameter, or a file to open
        if getattr(param, "_runtime_param", False) is not None:
            return  # converted before (a command parsed twice, as in tests), or unknown to this typer
        info: ParameterInfo = descriptor.parameter_info
        convert = converter(descriptor.annotation, info)
        if convert is not None:
            param._runtime_param = LeanParam(parameter_info=info, annotation=descriptor.annotation, convert=convert)

else:  # pragma: no cover

    def lean(param: Any) -> None:
        """Nothing to do: this typer converts without pydantic."""


def lean_all(params: Sequence[Any]) -> None:
    """Lean converters for a command's parameters, before it parses its arguments."""
    for param in params:
        lean(param)


class LeanCommand(TyperCommand):
    """A command whose parameters, ``--help`` included, convert leanly."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        lean_all(self.get_params(ctx))
        return super().parse_args(ctx, args)


class LeanGroup(TyperGroup):
    """A command group whose own options (``--show-settings``, ``--help``) convert leanly."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        lean_all(self.get_params(ctx))
        return super().parse_args(ctx, args)


F = TypeVar("F", bound=Callable[..., Any])


class LeanTyper(typer.Typer):
    """A ``typer.Typer`` whose groups and commands convert the plain values themselves."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(cls=LeanGroup, **settings)

    def command(self, *args: Any, **settings: Any) -> Callable[[F], F]:
        settings.setdefault("cls", LeanCommand)
        register: Callable[[F], F] = super().command(*args, **settings)
        return register

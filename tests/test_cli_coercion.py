"""The lean converters (``cleanup.cli.coercion``) give what typer's own would, value for value.

Every parameter of every command is converted both ways, from the kinds of value a shell, a
default or a test passes, plain ones and bad ones: same result and type, or the same error.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main

from cleanup.cli import coercion
from cleanup.cli.app import app

_coercion = pytest.importorskip("typer._coercion")  # a typer that converts without pydantic: nothing to compare

SAMPLES: dict[str, list[Any]] = {
    "str": ["abc", "", "ZH001,ZH002", "观察者网", b"bytes", 3, None],
    "int": ["0", "7", "-3", "007", "+3", " 3", "3_000", "1.5", "x", "", "١٢", 4, True, None],
    "bool": [True, False, "true", "no", "", None],
    "path": ["a.txt", "", "-", "/nonexistent/x", ".", Path("b"), None],
    "list": [("a", "b"), (), ["x"], "a", None],
}


def kind(annotation: Any) -> str:
    if annotation is Path:
        return "path"
    if getattr(annotation, "__origin__", None) is list:
        return "list"
    return getattr(annotation, "__name__", "other")


def parameters() -> Iterator[tuple[str, Any, Any]]:
    """(command path, click command, parameter) for every parameter of the application."""
    def walk(command: Any, name: str) -> Iterator[tuple[str, Any, Any]]:
        for param in command.params:
            yield name, command, param
        for sub, child in getattr(command, "commands", {}).items():
            yield from walk(child, f"{name} {sub}")

    yield from walk(typer.main.get_command(app), "cleanup")


def outcome(runtime: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        result = runtime.coerce(value, param=param, ctx=ctx)
    except Exception as exc:  # typer's BadParameter, or whatever it raises
        return "error", (type(exc).__name__, str(exc))
    return "value", (type(result).__name__, result)


def test_every_parameter_converts_as_typer_would() -> None:
    compared = 0
    for where, command, param in parameters():
        descriptor = param.type_descriptor
        convert = coercion.converter(descriptor.annotation, descriptor.parameter_info)
        assert convert is not None, f"{where} {param.name}: {descriptor.annotation} is converted by pydantic"
        lean = coercion.LeanParam(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation,
                                  convert=convert)
        typers = _coercion.build_runtime_param(descriptor)
        ctx = command.context_class(command)
        for value in SAMPLES[kind(descriptor.annotation)]:
            assert outcome(lean, value, param, ctx) == outcome(typers, value, param, ctx), (where, param.name, value)
            compared += 1
    assert compared > 300


def test_the_application_converts_leanly() -> None:
    """Every parameter gets its lean converter when its command parses (``LeanTyper``)."""
    group = typer.main.get_command(app)
    fix = group.commands["fix"]  # type: ignore[attr-defined]
    ctx = fix.context_class(fix)
    fix.parse_args(ctx, ["-q", "--jobs", "2", "article.txt"])
    assert all(isinstance(p._runtime_param, coercion.LeanParam) for p in fix.get_params(ctx))
    assert ctx.params["jobs"] == 2 and ctx.params["paths"] == ["article.txt"]

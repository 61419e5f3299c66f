"""The wheel must ship every package and the bundled glossary."""

from __future__ import annotations

import tomllib

from .conftest import ROOT


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "cleanup").rglob("__init__.py")
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert "cleanup._glossary" in listed
    assert config["tool"]["setuptools"]["package-dir"]["cleanup._glossary"] == "glossary"

"""cleanup: find and fix the traces Chinese sources leave in machine-translated English news.

Public API::

    from cleanup import clean_text, load_glossary
    result = clean_text("By Guan察者网 Liu Bai")
    result.cleaned      # 'By Observer Network Liu Bai'
    result.changes      # Change records in original-text coordinates

The names are imported on first use (PEP 562): ``python -m cleanup`` and the ``cleanup``
command import this package first, and a command that does not clean (``--help``, ``rules``,
``glossary find``) should not pay for the engine and its rules.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import VERSION

if TYPE_CHECKING:
    from .api import clean_text, load_glossary
    from .errors import CleanupError, GlossaryError
    from .model import Change, CleanResult, Safety, Status

__version__ = VERSION
# Each public name, and the module it comes from.
_HOMES = {
    "Change": "model",
    "CleanResult": "model",
    "CleanupError": "errors",
    "GlossaryError": "errors",
    "Safety": "model",
    "Status": "model",
    "clean_text": "api",
    "load_glossary": "api",
}
__all__ = [
    "Change",
    "CleanResult",
    "CleanupError",
    "GlossaryError",
    "Safety",
    "Status",
    "clean_text",
    "load_glossary",
    "__version__",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})

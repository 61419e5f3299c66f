"""cleanup: find and fix the traces Chinese sources leave in machine-translated English news.

Public API::

    from cleanup import clean_text, load_glossary
    result = clean_text("By Guan察者网 Liu Bai")
    result.cleaned      # 'By Observer Network Liu Bai'
    result.changes      # Change records in original-text coordinates
"""

from __future__ import annotations

from ._version import VERSION
from .api import clean_text, load_glossary
from .errors import CleanupError, GlossaryError
from .model import Change, CleanResult, Safety, Status

__version__ = VERSION
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

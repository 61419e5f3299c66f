"""Parse untrusted XML with the standard library's expat, refusing entity declarations.

Entity expansion is how XML bombs work (billion laughs, quadratic blow-up) and how external
files leak in (XXE). TBX needs neither, so any ``<!ENTITY`` declaration is refused where expat
reports it, before anything is expanded; a DOCTYPE that only names a DTD is fine, and no DTD is
ever fetched. This is what defusedxml's ``forbid_entities`` does, in a few lines and without a
dependency. Element and attribute names are reduced to their local part (TBX v2 files have no
namespace, v3 files do), except ``xml:lang``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from xml.parsers import expat

from ..errors import CleanupError

MAX_BYTES = 50 * 1024 * 1024
XML_NS = "http://www.w3.org/XML/1998/namespace"


class _Forbidden(Exception):
    pass


def _local(name: str) -> str:
    uri, _, local = name.rpartition(" ")
    return f"xml:{local}" if uri == XML_NS else local


def _forbid(*_: object) -> int:
    raise _Forbidden("entity declarations are not allowed (a TBX file needs none)")


def parse_bytes(data: bytes, name: str) -> ET.Element:
    """The root element of ``data``; a one-line ``CleanupError`` naming ``name:line`` otherwise."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid
    parser.buffer_text = True
    parser.StartElementHandler = lambda tag, attrs: builder.start(_local(tag), {_local(k): v for k, v in attrs.items()})
    parser.EndElementHandler = lambda tag: builder.end(_local(tag))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except _Forbidden as exc:
        raise CleanupError(f"{name}:{parser.CurrentLineNumber}: {exc}") from None
    except expat.ExpatError as exc:
        raise CleanupError(f"{name}:{exc.lineno}: not well-formed XML ({expat.ErrorString(exc.code)})") from None
    return builder.close()


def parse_file(path: Path, name: str) -> ET.Element:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise CleanupError(f"{name}: file is {size} bytes, over the {MAX_BYTES} limit")
        data = path.read_bytes()
    except FileNotFoundError:
        raise CleanupError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise CleanupError(f"{name}: is a directory, expected a file") from None
    except OSError as exc:
        raise CleanupError(f"{name}: cannot read ({exc.strerror})") from None
    return parse_bytes(data, name)

"""``check`` and ``fix`` with the output formats, statistics, per-file ignores and exit codes.

The commands themselves print text (or JSON) as they go and keep nothing. When more is asked
for, ``check`` runs with its JSON captured and ``fix`` with its change log written to a
temporary file; both come back as ``Change`` records, filtered by the configuration's
``exclude`` and ``per-file-ignores`` and rendered here. ``fix`` must not apply what a
per-file ignore switches off, so its files are listed first and run in groups that share
the same rules.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer

from ..errors import CleanupError
from ..model import Change, CleanResult, Safety, Status
from ..report import text

if TYPE_CHECKING:
    from ..config import Settings

LEFT = (Status.SUGGESTED, Status.REPORT_ONLY)


def renderer(fmt: str) -> Callable[[Sequence[CleanResult], bool], str]:
    """The ``render(results, fixed)`` of a machine format, imported when one is asked for: a
    plain ``fix`` or ``check`` never loads them (start-up, ``bench/startup.py``)."""
    from ..report import github, rdjson, sarif

    renderers: dict[str, Callable[[Sequence[CleanResult], bool], str]] = {
        "sarif": sarif.render, "github": github.render, "rdjson": rdjson.render,
    }
    return renderers[fmt]


def change_from_record(record: dict[str, Any]) -> Change:
    """A change-log (or ``check --format json``) record back as a ``Change``."""
    fields = {k: v for k, v in record.items() if k in Change.__dataclass_fields__ and k != "edits"}
    fields["safety"] = Safety(fields["safety"]) if fields.get("safety") else None
    fields["status"] = Status(fields["status"])
    return Change(**fields)


def emit(results: Sequence[CleanResult], fmt: str, stats: bool, fixed: bool, stream: IO[str]) -> None:
    """Render ``results`` in ``fmt`` (or their statistics) on ``stream``."""
    from ..report import jsonout, statistics

    changes = [c for r in results for c in text.visible(r.changes)]
    if stats:
        if fmt not in ("text", "json"):
            raise CleanupError("--statistics prints text or json; use --format text or --format json")
        stream.write(statistics.as_json(results) if fmt == "json" else statistics.as_text(results, fixed))
    elif fmt == "text":
        stream.write("".join((text.change_line(c) if fixed else text.finding_line(c)) + "\n" for c in changes))
    elif fmt == "json":
        stream.write(jsonout.as_json(changes) + "\n")
    elif fmt == "jsonl":
        stream.write(jsonout.as_jsonl(changes))
    else:
        stream.write(renderer(fmt)(results, fixed))
    stream.flush()


def results_of(changes: Sequence[Change], text_of: Callable[[str], str] | None = None) -> list[CleanResult]:
    """Changes grouped by file, in order; ``text_of`` supplies the text when a format needs it."""
    by_path: dict[str, list[Change]] = {}
    for c in changes:
        by_path.setdefault(c.path, []).append(c)
    out = []
    for path, items in by_path.items():
        original = text_of(path) if text_of else ""
        out.append(CleanResult(path, original, original, tuple(items)))
    return out


def kept(change: Change, settings: Settings) -> bool:
    """Whether the configuration's ``exclude`` and ``per-file-ignores`` let ``change`` through."""
    if settings.is_excluded(change.path):
        return False
    return not any(change.code.startswith(code) for code in settings.ignored_codes(change.path))


def _read_text(path: str, encoding: str | None) -> str:
    from ..document import read_document

    try:
        return read_document(Path(path), encoding).text
    except CleanupError:
        return ""  # stdin, or gone: columns fall back to code points


def _capture(func: Callable[..., Any], arguments: dict[str, Any]) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            func(**arguments)
        except typer.Exit as exc:
            code = exc.exit_code
    return out.getvalue(), err.getvalue(), code


def check(func: Callable[..., Any], arguments: dict[str, Any], mine: Any, settings: Settings) -> None:
    fmt = settings.format
    filtering = bool(settings.exclude or settings.per_file_ignores)
    if fmt in ("text", "json") and not mine.statistics and not filtering:
        func(**arguments, output_format=fmt)
        return
    out, err, code = _capture(func, arguments | {"output_format": "json"})
    for line in err.splitlines():  # errors pass through; the count is printed again below
        if not line.startswith("Found "):
            typer.echo(line, err=True)
    try:
        records = json.loads(out) if out.strip() else []
    except ValueError:
        records = []
    changes = [c for c in map(change_from_record, records) if kept(c, settings)]
    reader = (lambda p: _read_text(p, settings.encoding)) if fmt == "rdjson" else None
    emit(results_of(changes, reader), fmt, mine.statistics, False, sys.stdout)
    found = text.visible(changes)
    if found and fmt == "text" and not mine.statistics:
        typer.echo(f"Found {len(found)} finding(s): {text.summary(found)}", err=True)
    raise typer.Exit(2 if code == 2 else (1 if found else 0))


def groups(arguments: dict[str, Any], settings: Settings) -> list[tuple[list[str], list[str]]] | None:
    """Files to fix in groups sharing the same per-file ignores, excluded files dropped."""
    paths = list(arguments.get("paths") or [])
    if not (settings.exclude or settings.per_file_ignores) or "-" in paths:
        return None
    from ..batch.inputs import Collector, read_list

    listed = arguments.get("files_from")
    if listed:  # listed here, once, so that every group does not read the list again
        arguments["files_from"] = None
        try:
            paths += read_list(listed, sys.stdin.read() if listed == "-" else None)
        except OSError as exc:
            raise CleanupError(f"{listed}: cannot read ({exc.strerror})") from None
    if not paths:
        return None

    collector = Collector(list(arguments.get("exclude") or []), [], any_file=bool(arguments.get("input_format")))
    grouped: dict[tuple[str, ...], list[str]] = {}
    for source in collector.sources(paths):
        shown = str(source.shown)
        if not settings.is_excluded(str(source.path)):
            grouped.setdefault(tuple(settings.ignored_codes(str(source.path))), []).append(shown)
    return [(files, list(codes)) for codes, files in grouped.items()]


def _original(path: str, changes: Sequence[Change], encoding: str | None, rewritten: bool) -> str:
    """The text before ``fix``: read it, and undo the applied changes if it was rewritten."""
    current = _read_text(path, encoding)
    if not rewritten or not current:
        return current
    shift, parts, pos = 0, [], 0
    for c in sorted((c for c in changes if c.status is Status.APPLIED), key=lambda c: c.start):
        at = c.start + shift
        parts += [current[pos:at], c.before]
        pos = at + len(c.after or "")
        shift += len(c.after or "") - (c.end - c.start)
    return "".join(parts) + current[pos:]


def fix(func: Callable[..., Any], arguments: dict[str, Any], mine: Any, settings: Settings) -> None:
    fmt = settings.format
    wants_log = fmt != "text" or mine.statistics or mine.exit_non_zero_on_fix
    planned = groups(arguments, settings)
    if not wants_log and planned is None:
        func(**arguments)
        return
    runs = planned if planned is not None else [(list(arguments.get("paths") or []), [])]
    user_log: Path | None = arguments.get("changelog")
    code, log = 0, b""
    with tempfile.TemporaryDirectory(prefix="cleanup-") as tmp:
        for n, (paths, extra) in enumerate(runs):
            target = Path(tmp) / f"{n}.jsonl"
            ignore = ",".join([*settings.ignore, *extra]) or None
            quiet = arguments.get("quiet") or fmt != "text"
            call = arguments | {"paths": paths, "ignore": ignore, "changelog": target, "quiet": quiet}
            code = max(code, _run_fix(func, call))
            log += target.read_bytes() if target.exists() else b""
    if user_log is not None:
        from ..io import write_atomic

        write_atomic(user_log, log)
    changes = [change_from_record(json.loads(line)) for line in log.decode("utf-8").splitlines() if line.strip()]
    _report_fix(arguments, settings, mine, changes)
    raise typer.Exit(_fix_exit(code, changes, mine.exit_non_zero_on_fix))


def _run_fix(func: Callable[..., Any], call: dict[str, Any]) -> int:
    try:
        func(**call)
    except typer.Exit as exc:
        return int(exc.exit_code)
    return 0


def _report_fix(arguments: dict[str, Any], settings: Settings, mine: Any, changes: list[Change]) -> None:
    if settings.format == "text" and not mine.statistics:
        return
    to_stdout = not (arguments.get("in_place") or arguments.get("out_dir"))
    rewritten = bool(arguments.get("in_place"))
    by_path: dict[str, list[Change]] = {}
    for c in changes:
        by_path.setdefault(c.path, []).append(c)
    reader = None
    if settings.format == "rdjson":
        def reader(p: str) -> str:
            return _original(p, by_path.get(p, []), settings.encoding, rewritten)
    emit(results_of(changes, reader), settings.format, mine.statistics, True, sys.stderr if to_stdout else sys.stdout)


def _fix_exit(code: int, changes: Sequence[Change], strict: bool) -> int:
    """0 done, 2 error; with ``--exit-non-zero-on-fix``: 1 left, 3 fixed, 4 fixed and left."""
    if code or not strict:
        return code
    fixed = any(c.status is Status.APPLIED for c in changes)
    left = any(c.status in LEFT for c in changes)
    if fixed:
        return 4 if left else 3
    return 1 if left else 0

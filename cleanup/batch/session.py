"""One command's run, between the command line and the runner: list the inputs, choose the
executor, print what each mode prints, and end with the summary.

``fix FILE`` with one file (or ``-``) prints the cleaned text to stdout; ``--diff`` prints
diffs; ``--out-dir`` / ``--in-place`` and ``check`` run the batch, and so does ``fix FILE`` for a
file the runner cleans in parts (``runner.parted``), writing each part to stdout as it comes.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import typer

from .._version import VERSION
from ..document import decode
from ..errors import CleanupError
from ..formats import format_of
from ..glossary.compiled import Compiled
from ..glossary.lean import entries_digest
from ..io import sync_filesystem, write_atomic
from ..model import Change, CleanResult
from ..report import diff as diff_report
from ..report import jsonout, text
from ..report.summary import render_tally
from ..rules.base import Rule
from . import progress as progress_bar
from .executors import executor_for
from .inputs import Collector, Source, read_list
from .manifest import NAME as MANIFEST_NAME
from .manifest import Manifest
from .outputs import PartWriter
from .runner import Batch, parted, run
from .sink import Sink, log_lines
from .work import Item, Settings, process


@dataclass
class Session:
    paths: list[str]
    files_from: str | None = None
    excludes: list[str] = field(default_factory=list)
    input_format: str | None = None
    fields: tuple[str, ...] = ("text",)
    jobs: int = 1
    scheduler: str | None = None
    quiet: bool = False
    failed: int = 0
    found: int = 0
    skip: list[Path] = field(default_factory=list)
    _bar: progress_bar.Bar | None = None

    def start(self, glossary: Compiled, rules: tuple[Rule, ...], suggestions: bool, encoding: str | None, write: bool = True) -> None:
        if self.input_format:
            format_of("", self.input_format)  # an unknown name fails now, as one line
        self.glossary = glossary
        self.settings = Settings(rules, suggestions, encoding, self.fields, write)
        if self.files_from:
            stdin = sys.stdin.read() if self.files_from == "-" else None
            try:
                self.paths += read_list(self.files_from, stdin)
            except OSError as exc:
                raise CleanupError(f"{self.files_from}: cannot read ({exc.strerror})") from None
        if not self.paths:
            raise CleanupError("no input: name files, directories or globs, or use --files-from")

    # -- listing -----------------------------------------------------------------------------

    def sources(self) -> Iterator[Source]:
        collector = Collector(self.excludes, self.skip, any_file=bool(self.input_format))
        for arg in self.paths:
            found = False
            for source in collector.sources([arg]):
                found = True
                yield source
            if not found and Path(arg).is_dir():
                self._error(f"{arg}: is a directory with no files to clean (.txt, .md, .html, .jsonl)")
            elif not found and not Path(arg).exists():
                self._error(f"{arg}: no such file, directory or glob match")

    def _error(self, message: str) -> None:
        self.failed += 1
        typer.echo(f"cleanup: error: {text.sanitise(message)}", err=True)

    # -- one at a time: stdout and diff --------------------------------------------------------

    def _one(self, arg: str) -> tuple[Item, Any]:
        fmt = format_of(arg, self.input_format)
        if arg == "-":
            item = Item(0, "-", sys.stdin.buffer.read(), fmt)
        else:
            try:
                item = Item(0, arg, Path(arg).read_bytes(), fmt)
            except OSError:
                item = Item(0, arg, b"", fmt, error=_why(arg))
        return item, process(self.glossary, self.settings, item)

    def to_stdout(self, changelog: Path | None) -> None:
        if len(self.paths) != 1 or Path(self.paths[0]).is_dir():
            raise CleanupError("several files need --out-dir, --in-place or --diff")
        if parted(self.paths[0], format_of(self.paths[0], self.input_format)):  # too large to read whole
            sink = Sink(True, on_changes=self._print_lines, on_summary=self._print_summary, out=sys.stdout.buffer)
            self._batch(sink, "fix", changelog, None, False, None)
            if self.failed:
                raise typer.Exit(2)
            return
        item, outcome = self._one(self.paths[0])
        if outcome.error:
            raise CleanupError(outcome.error)
        for problem in outcome.problems:
            self._error(problem)
        sys.stdout.buffer.write(outcome.output if outcome.output is not None else item.data)
        sys.stdout.flush()
        self._print_changes(item.path, outcome.changes, outcome.fields)
        if changelog is not None:
            write_atomic(changelog, log_lines(outcome.changes, outcome.fields))
        if self.failed:
            raise typer.Exit(2)

    def diff(self) -> None:
        for source in self._expanded():
            item, outcome = self._one(source)
            if outcome.error:
                self._error(outcome.error)
                continue
            encoding = self.settings.encoding
            before = decode(item.data, item.path, encoding)
            after = decode(outcome.output, item.path, before.encoding) if outcome.output is not None else before
            result = CleanResult(item.path, before.text, after.text, tuple(outcome.changes))
            sys.stdout.write(text.sanitise(diff_report.unified(result)))
            self._print_changes(item.path, outcome.changes, outcome.fields)
        if self.failed:
            raise typer.Exit(2)

    def _expanded(self) -> Iterator[str]:
        if self.paths == ["-"]:
            yield "-"
            return
        for source in self.sources():
            yield source.path

    def _print_changes(self, path: str, changes: Sequence[Change], fields: Sequence[str] | None) -> None:
        self._print_lines(path, changes, fields)
        self._print_summary(path, text.summary(changes))

    def _print_lines(self, path: str, changes: Sequence[Change], fields: Sequence[str] | None) -> None:
        if not self.quiet:
            for change in text.visible(changes):
                self._say(text.change_line(change))

    def _print_summary(self, path: str, summary: str) -> None:
        if not self.quiet:
            self._say(f"{text.sanitise(path)}: {summary}")

    def _say(self, line: str) -> None:
        if self._bar is not None:
            self._bar.print(line)
        else:
            typer.echo(line, err=True)

    # -- batches ---------------------------------------------------------------------------------

    def fix(self, out_dir: Path | None, in_place: bool, changelog: Path | None, manifest: Path | None,
            restart: bool, consistency: Path | None) -> None:
        if out_dir is not None:
            self.skip.append(out_dir)
            manifest = manifest or out_dir / MANIFEST_NAME
        sink = Sink(True, out_dir, in_place, on_changes=self._print_lines, on_summary=self._print_summary,
                    durable=in_place or out_dir is None)  # new files in --out-dir are synced in groups
        self._batch(sink, "fix", changelog, manifest, restart, consistency)
        if self.failed:
            raise typer.Exit(2)

    def check(self, output_format: str, changelog: Path | None, manifest: Path | None, restart: bool,
              consistency: Path | None) -> int:
        self._json_first = True
        printer = self._print_json if output_format == "json" else self._print_findings
        sink = Sink(False, on_changes=printer)
        if output_format == "json":
            sys.stdout.write("[")
        self._batch(sink, "check", changelog, manifest, restart, consistency)
        if output_format == "json":
            sys.stdout.write("\n]\n" if not self._json_first else "]\n")
        return self.found

    def _print_findings(self, path: str, changes: Sequence[Change], fields: Sequence[str] | None) -> None:
        lines = [text.finding_line(c) for c in text.visible(changes)]
        self.found += len(lines)
        if lines:
            sys.stdout.write("\n".join(lines) + "\n")

    def _print_json(self, path: str, changes: Sequence[Change], fields: Sequence[str] | None) -> None:
        for change in text.visible(changes):
            self.found += 1
            sys.stdout.write(("\n" if self._json_first else ",\n") + jsonout.dumps(change.as_dict(), indent=2))
            self._json_first = False

    def found_summary(self) -> str:
        """``text.summary`` of the findings, from the counts (the findings are not kept)."""
        by_status: dict[str, list[str]] = {}
        for (code, status), n in sorted(self._batch_result.tally.by_rule.items(), key=lambda i: (i[0][1], i[0][0])):
            by_status.setdefault(status, []).append(f"{code}×{n}")
        return "; ".join(f"{status}: {', '.join(items)}" for status, items in by_status.items())

    def _batch(self, sink: Sink, mode: str, changelog: Path | None, manifest_path: Path | None,
               restart: bool, consistency: Path | None) -> None:
        sink.on_error = self._error
        manifest = self._manifest(manifest_path, mode, restart)
        if manifest is not None and not sink.durable:
            manifest.group = sink.out_dir
        sink.log = _open_log(changelog, manifest.log_end if manifest else 0)
        sources = self.sources()
        first = list(itertools.islice(sources, 2))
        pooled = len(first) > 1 or any(parted(s.path, format_of(s.shown, self.input_format)) for s in first)
        executor = executor_for(self.glossary, self.settings, self.jobs if pooled else 1, self.scheduler)
        batch = Batch(itertools.chain(first, sources), sink, self.input_format, manifest,
                      encoding=self.settings.encoding)
        if progress_bar.wanted(self.quiet, sys.stderr):
            self._bar = batch.progress = progress_bar.Bar(*progress_bar.totals(self.sources_quiet()))
        window = 2 * max(1, executor.workers) + 1
        try:
            self._batch_result = run(batch, executor, window)
        finally:
            if batch.progress is not None:
                batch.progress.stop()
                self._bar = None
            if sink.log is not None:
                sink.log.close()
            if manifest is not None:
                manifest.close()
            elif not sink.durable and sink.out_dir is not None:
                sync_filesystem(sink.out_dir)
        if batch.redone and changelog is not None and manifest is not None:
            _drop_records(changelog, batch.redone, manifest.log_end)
        self.failed += batch.tally.failed + batch.problems
        self._report(batch, len(first) > 1, consistency)

    def sources_quiet(self) -> Iterator[Source]:
        """The listing again, for totals only (errors are reported by the real listing)."""
        return Collector(self.excludes, self.skip, any_file=bool(self.input_format)).sources(self.paths)

    def _manifest(self, path: Path | None, mode: str, restart: bool) -> Manifest | None:
        if path is None:
            return None
        manifest, note = Manifest.open(path, self._fingerprint(mode), fresh=restart)
        if note and not self.quiet:
            typer.echo(f"cleanup: {note}", err=True)
        return manifest

    def _fingerprint(self, mode: str) -> str:
        """What must not change for a manifest to be trusted: version, settings and glossary."""
        settings = [VERSION, mode, [r.code for r in self.settings.rules], self.settings.suggestions,
                    self.settings.encoding, list(self.fields), self.input_format]
        digest = hashlib.sha256(json.dumps(settings).encode())
        digest.update(entries_digest(self.glossary.entries).encode())
        return digest.hexdigest()

    def _report(self, batch: Batch, several: bool, consistency: Path | None) -> None:
        if consistency is not None:
            records = batch.consistency.as_records(self.glossary)
            write_atomic(consistency, json.dumps(records, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
        if batch.interrupted:
            typer.echo("cleanup: interrupted; the summary so far:", err=True)
        if batch.interrupted or (several and not self.quiet):
            typer.echo(render_tally(batch.tally, elapsed=batch.elapsed), err=True)
            report = batch.consistency.render(self.glossary)
            if report:
                typer.echo(report, err=True)
        if batch.interrupted:
            raise typer.Exit(130)


def _why(arg: str) -> str:
    path = Path(arg)
    if not path.exists():
        return f"{arg}: no such file"
    if path.is_dir():
        return f"{arg}: is a directory, expected a file"
    return f"{arg}: cannot read"


def _drop_records(path: Path, files: set[str], upto: int) -> None:
    """Remove an earlier run's records of ``files`` (redone since) from the first ``upto`` bytes."""
    writer = PartWriter(path)
    try:
        with path.open("rb") as handle:
            while handle.tell() < upto:
                line = handle.readline()
                if not line:
                    break
                if json.loads(line).get("path") not in files:
                    writer.add(line)
            for block in iter(lambda: handle.read(1 << 20), b""):
                writer.add(block)
    except (OSError, ValueError):
        writer.abort()
        raise CleanupError(f"{path}: cannot update the change log") from None
    writer.commit()


def _open_log(path: Path | None, keep: int) -> IO[bytes] | None:
    """The run's change log: cut back to what finished files wrote (resume), then appended to."""
    if path is None:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("r+b" if keep and path.exists() else "wb")
        handle.truncate(keep if keep else 0)
        handle.seek(0, 2)
        return handle
    except OSError as exc:
        raise CleanupError(f"{path}: cannot write ({exc.strerror})") from None

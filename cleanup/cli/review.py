"""``cleanup diff``, ``cleanup review``, ``cleanup apply`` and ``cleanup report``: look before accepting.

``diff`` shows what ``fix`` would change; ``review`` asks about each change and records the
answers in a decisions file; ``apply`` replays a decisions file without asking; ``report``
writes an HTML page to review in a browser, which downloads the same decisions file.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..errors import CleanupError

if TYPE_CHECKING:  # imported by each command when it runs, so that `cleanup fix` never loads them
    from ..document import Document
    from ..files import Options
    from ..model import CleanResult
    from ..review import decisions as store
    from ..review.session import FileReview, Review
from .app import (
    EncodingOpt,
    GlossaryOpt,
    IgnoreOpt,
    NoDefaultOpt,
    SelectOpt,
    _glossary,
    _rules,
    app,
    guarded,
)

DEFAULT_DECISIONS = Path("cleanup-decisions.jsonl")
ColorOpt = Annotated[str, typer.Option("--color", help="auto (colour on a terminal), always or never.")]
OutDirOpt = Annotated[Optional[Path], typer.Option("--out-dir", "-o", help="Write the files under DIR.")]
InPlaceOpt = Annotated[bool, typer.Option("--in-place", help="Overwrite the input files.")]
DecisionsOpt = Annotated[Path, typer.Option("--decisions", help="Decisions file to write (and resume from).")]


def _warn(message: str) -> None:
    from ..report import text

    typer.echo(f"cleanup: {text.sanitise(message)}", err=True)


def _clean_all(  # type: ignore[no-untyped-def]
    paths: list[str], options: Options, glossary, no_default
) -> tuple[list[tuple[Document, CleanResult]], int]:
    """Clean every path; unreadable ones are reported on one line each and counted."""
    from ..files import clean_path

    compiled = _glossary(glossary, no_default)
    done, failed = [], 0
    for path in paths:
        try:
            done.append(clean_path(path, compiled, options))
        except CleanupError as exc:
            _warn(f"error: {exc}")
            failed += 1
    return done, failed


@dataclass(frozen=True)
class Output:
    """Where texts go, as ``fix`` decides it: stdout for one file, over the input, or under a folder."""

    out_dir: Path | None
    in_place: bool

    @classmethod
    def of(cls, paths: list[str], out_dir: Path | None, in_place: bool) -> Output:
        if in_place and out_dir:
            raise CleanupError("--in-place and --out-dir cannot be used together")
        if not (in_place or out_dir) and len(paths) > 1:
            raise CleanupError("several files need --out-dir or --in-place")
        return cls(out_dir, in_place)

    def write(self, doc: Document, result: CleanResult) -> None:
        from ..files import destination, write_result

        if not (self.in_place or self.out_dir):
            sys.stdout.write(result.cleaned)
            sys.stdout.flush()
            return
        target = destination(result.path, self.out_dir, self.in_place)
        if target is not None and (result.changed or not self.in_place):
            write_result(doc, result, target)


@app.command()
@guarded
def diff(
    paths: Annotated[list[str], typer.Argument(help="Files to compare; '-' reads stdin.")],
    word_diff: Annotated[bool, typer.Option("--word-diff", help="Mark changed words inside the line.")] = False,
    color: ColorOpt = "auto",
    context: Annotated[int, typer.Option("--context", "-U", help="Lines of context around each hunk.")] = 3,
    suggestions: Annotated[bool, typer.Option("--suggestions", help="Also show suggested fixes.")] = False,
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    encoding: EncodingOpt = None,
) -> None:
    """Show what fix would change; each hunk names the rules and glossary entries behind it."""
    from ..files import Options
    from ..report.worddiff import Marks, use_colour
    from ..review import hunks

    if context < 0:
        raise CleanupError("--context must be 0 or more")
    marks = Marks(use_colour(color, sys.stdout))
    render = hunks.word_diff if word_diff else hunks.unified
    options = Options(_rules(select, ignore), suggestions, encoding)
    done, failed = _clean_all(paths, options, glossary, no_default_glossary)
    for _, result in done:
        sys.stdout.write(render(result, marks, context))
    if failed:
        raise typer.Exit(2)


@app.command()
@guarded
def review(
    paths: Annotated[list[str], typer.Argument(help="Files to review (answers are read from stdin).")],
    decisions: DecisionsOpt = DEFAULT_DECISIONS,
    out_dir: OutDirOpt = None,
    in_place: InPlaceOpt = False,
    fresh: Annotated[bool, typer.Option("--fresh", help="Ask again about changes decided earlier.")] = False,
    color: ColorOpt = "auto",
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    encoding: EncodingOpt = None,
) -> None:
    """Walk through every change like git add -p; write the cleaned text and a decisions file."""
    from ..files import Options
    from ..report.worddiff import Marks, use_colour
    from ..review import decisions as store
    from ..review import interactive
    from ..review.session import FileReview, Review

    if "-" in paths:
        raise CleanupError("review reads its answers from stdin; give the text as a file, not '-'")
    output = Output.of(paths, out_dir, in_place)
    _check_writable(decisions)
    earlier = store.load(decisions) if decisions.exists() else []
    done, failed = _clean_all(paths, Options(_rules(select, ignore), False, encoding), glossary, no_default_glossary)
    if not done:
        raise typer.Exit(2)
    docs = {result.path: doc for doc, result in done}
    session = Review([FileReview(result) for _, result in done], {} if fresh else {r.id: r for r in earlier})
    quit_early = interactive.run(session, interactive.stdio_console(Marks(use_colour(color, sys.stderr))))
    reached = [f for f in session.files if f.reached]
    for f in reached:
        output.write(docs[f.path], f.reviewed())
    records = [r for f in reached for r in f.records()]
    store.write(decisions, store.merge(earlier, {f.sha256 for f in reached}, records))
    _review_summary(session, reached, decisions, quit_early)
    if failed:
        raise typer.Exit(2)


def _check_writable(path: Path) -> None:
    """Fail before the review, not after it, when the decisions file could not be written."""
    folder = path.parent
    if not folder.is_dir():
        raise CleanupError(f"{folder}: no such directory for the decisions file")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CleanupError(f"{path}: cannot write the decisions file")


def _review_summary(session: Review, reached: list[FileReview], decisions: Path, quit_early: bool) -> None:
    from ..report import text
    from ..report.summary import render_summary

    counts = session.counts()
    lines = [render_summary([f.reviewed() for f in reached], f"cleanup review --decisions {decisions}")]
    lines.append(
        f"decisions: {counts['accept']} accepted, {counts['edit']} edited, {counts['reject']} rejected, "
        f"{counts['undecided']} undecided; written to {decisions}"
    )
    if quit_early:
        unreached = len(session.files) - len(reached)
        lines.append("quit before the end" + (f"; {unreached} file(s) not reached" if unreached else ""))
    shown = " ".join(f.path for f in reached[:5]) + (" ..." if len(reached) > 5 else "")
    lines.append(f"replay: cleanup apply --decisions {decisions} {shown}")
    typer.echo(text.sanitise("\n".join(lines)), err=True)


@app.command("apply")
@guarded
def apply_decisions(
    paths: Annotated[list[str], typer.Argument(help="Files to apply the decisions to; '-' reads stdin.")],
    decisions: Annotated[Path, typer.Option("--decisions", help="A decisions file from review or report.")],
    out_dir: OutDirOpt = None,
    in_place: InPlaceOpt = False,
    encoding: EncodingOpt = None,
) -> None:
    """Apply exactly the accepted and edited changes of a decisions file, without asking.

    Exit 1 when some accepted change could not be placed (each is listed with the reason).
    """
    from ..document import decode, read_document
    from ..review import decisions as store

    output = Output.of(paths, out_dir, in_place)
    records = store.load(decisions)
    failed = unplaced = 0
    for path in paths:
        try:
            doc = decode(sys.stdin.buffer.read(), "-", encoding) if path == "-" else read_document(Path(path), encoding)
        except CleanupError as exc:
            _warn(f"error: {exc}")
            failed += 1
            continue
        unplaced += _apply_one(path, doc, records, output)
    if failed:
        raise typer.Exit(2)
    if unplaced:
        raise typer.Exit(1)


def _apply_one(path: str, doc: Document, records: list[store.Record], output: Output) -> int:
    """Replay one file's decisions; the number of accepted changes that could not be placed."""
    from ..model import CleanResult
    from ..review import decisions as store
    from ..review.replay import replay

    mine = store.for_file(records, path, store.text_hash(doc.text))
    if not mine:
        _warn(f"{path}: no decisions for this file; written unchanged")
    done = replay(doc.text, mine)
    output.write(doc, CleanResult(path, doc.text, done.text, ()))
    for missed in sorted(done.missed, key=lambda m: (m.record.start, m.record.end)):
        r = missed.record
        _warn(f"{path}: not applied: {r.code} {r.entry} {r.before!r} → {r.replacement!r} "
              f"(line {r.line}:{r.col} as reviewed): {missed.reason}")
    _warn(f"{path}: {len(done.applied)} applied, {len(done.missed)} not applied, {done.rejected} rejected")
    return len(done.missed) + (0 if mine else 1)


@app.command()
@guarded
def report(
    paths: Annotated[list[str], typer.Argument(help="Files to report on; '-' reads stdin.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    glossary: GlossaryOpt = None,
    no_default_glossary: NoDefaultOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    encoding: EncodingOpt = None,
) -> None:
    """Write one self-contained HTML page to review every change in a browser."""
    from ..files import Options
    from ..io import write_atomic
    from ..report import html, text
    from ..report.summary import render_summary
    from ..review import decisions as store

    done, failed = _clean_all(paths, Options(_rules(select, ignore), False, encoding), glossary, no_default_glossary)
    results = [result for _, result in done]
    summary = render_summary(results, f"cleanup apply --decisions {DEFAULT_DECISIONS}")
    pairs = []
    for result in results:
        sha = store.text_hash(result.original)
        pairs.append((result, [store.record_for(c, result.original, sha) for c in result.changes]))
    write_atomic(output, html.render(pairs, summary).encode("utf-8"))
    typer.echo(text.sanitise(summary), err=True)
    typer.echo(text.sanitise(f"wrote {output}: open it, decide, press 'Download decisions', then run "
                             f"cleanup apply --decisions {DEFAULT_DECISIONS} FILE..."), err=True)
    if failed:
        raise typer.Exit(2)

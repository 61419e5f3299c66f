"""The review prompt, like ``git add -p``: each change in context, one key to decide it.

Questions and context go to stderr and answers are read a line at a time from stdin, so the
cleaned text of a single file can still go to stdout. End of input counts as ``q``: what was
decided is kept. Everything from the input and the glossary is sanitised before it is shown.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

import regex

from ..model import Change, Status
from ..report.worddiff import Marks
from .decisions import ACCEPT, EDIT, REJECT, Record
from .session import FileReview, Review

HELP = """\
y - accept this change
n - reject this change (for a report-only finding: leave it as it is)
e - edit: type your own replacement, which is then accepted
a - accept this change and every later one from the same glossary entry
d - reject this change and every later one from the same glossary entry
s - skip the rest of this file (its other changes stay undecided)
q - quit: keep what was decided so far and write the results
? - print this help
"""
EDIT_HELP = "type the replacement and press Enter (\\n is a line break); an empty line goes back; \\d alone deletes"
SKIP, QUIT = "skip", "quit"
SNIPPET = 60  # code points of context shown on each side of a change


@dataclass
class Console:
    read: Callable[[], str | None]
    write: Callable[[str], None]
    marks: Marks

    def ask(self, prompt: str) -> str | None:
        self.write(self.marks.paint("1;34", prompt))
        return self.read()


def stdio_console(marks: Marks) -> Console:
    def read() -> str | None:
        line = sys.stdin.readline()
        return None if line == "" else line.rstrip("\r\n")

    def write(text: str) -> None:
        sys.stderr.write(text)
        sys.stderr.flush()

    return Console(read, write, marks)


def run(review: Review, console: Console) -> bool:
    """Walk every file; ``True`` when the reviewer quit before the end."""
    for f in review.files:
        f.reached = True
        if _walk(f, review, console) == QUIT:
            return True
    return False


def _walk(f: FileReview, review: Review, con: Console) -> str:
    total = len(f.items)
    for number, (change, record) in enumerate(f.items, 1):
        standing = review.standing(record)
        blocker = f.blocker(record)
        if blocker is not None:
            if change.status is not Status.SKIPPED_OVERLAP:
                _note(con, change, f"not offered, overlaps the accepted {blocker.code} {blocker.entry}")
            continue
        if standing is not None:
            done = f.decide(record, standing.decision, standing.text)
            _note(con, change, f"{done.decision} ({_why(review, standing)})")
            continue
        _show(con, f, change, record)
        outcome = _ask(con, f, review, record, f"({number}/{total})")
        if outcome in (SKIP, QUIT):
            return outcome
    return ""


def _note(con: Console, change: Change, what: str) -> None:
    """One dim line about a change that was not asked about."""
    con.write(con.marks.paint("2", con.marks.plain(f"{_place(change)} {change.code} {change.entry}: {what}")) + "\n")


def _why(review: Review, standing: Record) -> str:
    if review.earlier.get(standing.id) is standing:
        return "decided earlier"
    return f"all from entry {standing.entry}"


def _ask(con: Console, f: FileReview, review: Review, record: Record, counter: str) -> str:
    report_only = record.after is None
    keys = ["n", "e", "s", "q", "?"] if report_only else ["y", "n", "e", "a", "d", "s", "q", "?"]
    question = "Leave it, or write the English" if report_only else "Accept this change"
    while True:
        answer = con.ask(f"{counter} {question} [{','.join(keys)}]? ")
        if answer is None:
            con.write("\n")
            return QUIT
        key = answer.strip().lower() or ("n" if report_only else "")
        if key not in keys or key == "?":
            con.write(HELP)
            continue
        if key == "s":
            return SKIP
        if key == "q":
            return QUIT
        if key == "e":
            text = _edit(con, record)
            if text is None:
                continue
            f.decide(record, EDIT, text)
            return ""
        decision = ACCEPT if key in ("y", "a") else REJECT
        if key in ("a", "d"):
            review.by_entry[record.entry] = decision
        f.decide(record, decision)
        return ""


def _edit(con: Console, record: Record) -> str | None:
    proposed = "" if record.after is None else f"; proposed {_quote(con, record.after)}"
    con.write(f"  replacing {_quote(con, record.before)}{proposed}\n  {EDIT_HELP}\n")
    line = con.ask("  new text> ")
    if not line:
        return None
    if line == "\\d":
        return ""
    return unescape(line)


_ESCAPE = regex.compile(r"\\([nt\\])")


def unescape(typed: str) -> str:
    """``\\n`` → line break, ``\\t`` → tab, ``\\\\`` → backslash; anything else stays as typed."""
    return _ESCAPE.sub(lambda m: {"n": "\n", "t": "\t", "\\": "\\"}[m.group(1)], typed)


def _quote(con: Console, text: str) -> str:
    return con.marks.plain(repr(text))


def _place(change: Change) -> str:
    return f"{change.path}:{change.line}:{change.col}"


def _show(con: Console, f: FileReview, change: Change, record: Record) -> None:
    marks = con.marks
    safety = "report only" if record.after is None else (record.safety or "")
    source = f" ({record.source})" if record.source and record.source != record.entry else ""
    head = f"{_place(change)}  {record.code}  {safety}  {record.entry}{source}"
    con.write("\n" + marks.paint("1", marks.plain(head)) + "\n")
    con.write("  " + marks.plain(record.message) + "\n")
    if change.status is Status.SKIPPED_OVERLAP:
        con.write(marks.paint("2", "  (offered because the overlapping change it lost to was rejected)") + "\n")
    con.write("  " + snippet(f.result.original, record, marks) + "\n")


def snippet(text: str, record: Record, marks: Marks) -> str:
    """The change inside its line, with up to ``SNIPPET`` code points of context on each side."""
    line_start = text.rfind("\n", 0, record.start) + 1
    line_end = text.find("\n", record.end)
    line_end = len(text) if line_end == -1 else line_end - (text[line_end - 1 : line_end] == "\r")
    lo = max(line_start, record.start - SNIPPET)
    hi = min(line_end, record.end + SNIPPET)
    left = ("…" if lo > line_start else "") + marks.plain(text[lo : record.start])
    right = marks.plain(text[record.end : hi]) + ("…" if hi < line_end else "")
    if record.after is None:
        shown = marks.plain(record.before)
        middle = marks.paint("1;33", shown) if marks.colour else f"[!{shown}!]"
    else:
        middle = marks.change(record.before, record.after)
    return left + middle + right

"""The one exception type the command line turns into a one-line message and a non-zero exit."""

from __future__ import annotations


class CleanupError(Exception):
    """A problem the user can fix: bad input, a broken glossary, a path that is not there.

    ``str(error)`` is the whole message, already naming the file (and line where there is one).
    """


class GlossaryError(CleanupError):
    """The glossary failed to load or validate; ``problems`` holds every ``file:line: id: message``."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        first = problems[0] if problems else "glossary error"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        more += "; run 'cleanup glossary check'"
        super().__init__(first + more)

"""What a user's pattern costs before it is compiled or run, so that a hostile one is refused.

Two costs can be known without running the pattern:

* Compile size. The ``regex`` module unrolls counted repeats: ``(?:a{1000}){1000}`` takes 1.7 s
  and 270 MB to compile, and four nested ``{100}`` exhaust memory. ``expansion`` multiplies the
  counts of nested repeats the way the compiler unrolls them; over ``MAX_EXPANSION`` is refused.
* Length: a pattern over ``MAX_LENGTH`` characters is not a boilerplate line.

The third cost, catastrophic backtracking (``(a+)+$``), depends on the input; ``probe`` runs the
compiled pattern under a ``regex`` timeout over long runs of the pattern's own literal
characters (and of letters, digits, spaces, hanzi), alone and in pairs, ended by a character
that makes the match fail, and over the entry's examples repeated. That finds the classic
shapes; it cannot prove a pattern fast on every input, so BP001 keeps its own time limit at
match time.
"""

from __future__ import annotations

import regex

MAX_LENGTH = 2000
MAX_EXPANSION = 10_000
PROBE_TIMEOUT = 0.25  # seconds per probe; a sound pattern needs microseconds
_QUANT = regex.compile(r"\{(\d*)(?:(,)(\d*))?\}")
_BRACED_ESCAPES = frozenset("xpPNuUgk")
_N = 2000
_GENERIC = ("a", "1", " ", "\u4e2d", ",", "\n")
_ENDS = ("!", "")

def expansion(pattern: str) -> int:
    """How many times the compiler copies the pattern's pieces (1 for a pattern with no counts)."""
    stack: list[tuple[int, int]] = [(0, 1)]  # per open group: (weight so far, weight of last item)
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i = _skip_escape(pattern, i)
            _item(stack, 1)
            continue
        if ch == "[":
            i = _skip_class(pattern, i)
            _item(stack, 1)
            continue
        if ch in "|*+?":
            pass  # alternation and open repeats add no copies
        elif ch == "(":
            stack.append((0, 0))
        elif ch == ")" and len(stack) > 1:
            weight = max(1, stack.pop()[0])
            _item(stack, weight)
        elif ch == "{" and (m := _QUANT.match(pattern, i)) and (m.group(1) or m.group(3)):
            _repeat(stack, m)
            i = m.end()
            continue
        else:
            _item(stack, 1)
        i += 1
    while len(stack) > 1:  # an unclosed group: the compiler will say so; count what is there
        _item(stack, max(1, stack.pop()[0]))
    return max(1, stack[0][0])


def _item(stack: list[tuple[int, int]], weight: int) -> None:
    total, _ = stack[-1]
    stack[-1] = (total + weight, weight)


def _repeat(stack: list[tuple[int, int]], m: regex.Match[str]) -> None:
    """``{n}``, ``{n,m}``, ``{,m}``: the last item is unrolled up to its larger bound."""
    low, comma, high = m.group(1), m.group(2), m.group(3)
    count = int(high) if comma and high else int(low or 0)
    total, last = stack[-1]
    stack[-1] = (total - last + last * max(count, 1), last * max(count, 1))


def _skip_escape(pattern: str, i: int) -> int:
    if i + 2 < len(pattern) and pattern[i + 1] in _BRACED_ESCAPES and pattern[i + 2] == "{":
        end = pattern.find("}", i + 3)
        return len(pattern) if end == -1 else end + 1
    return i + 2


def _skip_class(pattern: str, i: int) -> int:
    """Past a character class, nested sets (``regex`` V1) included."""
    depth, j = 0, i
    while j < len(pattern):
        ch = pattern[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            depth += 1
            if j + 1 < len(pattern) and pattern[j + 1] == "^":
                j += 1
            if j + 1 < len(pattern) and pattern[j + 1] == "]":
                j += 1  # a leading ] is literal
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return j


def static_problem(pattern: str) -> str | None:
    """Why ``pattern`` must not be compiled, or ``None``."""
    if len(pattern) > MAX_LENGTH:
        return f"pattern is {len(pattern)} characters long, over the {MAX_LENGTH} limit"
    size = expansion(pattern)
    if size > MAX_EXPANSION:
        return f"pattern's nested counted repeats unroll to {size} copies, over the {MAX_EXPANSION} limit"
    return None


def literals(pattern: str, limit: int = 16) -> list[str]:
    """The pattern's literal characters, most used first: what its repeats will want to eat."""
    counts: dict[str, int] = {}
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern) and not pattern[i + 1].isalnum():
            ch, i = pattern[i + 1], i + 1
        elif ch == "\\" or ch in "()[]{}|*+?^$":
            i += 1 if ch != "\\" else 2
            continue
        counts[ch] = counts.get(ch, 0) + 1
        i += 1
    return sorted(counts, key=lambda c: -counts[c])[:limit]


def probes(pattern: str, examples: tuple[str, ...] = ()) -> list[str]:
    """Long inputs that make an ambiguous repeat try every way to split them, then fail."""
    chars = literals(pattern)
    singles = list(dict.fromkeys(chars + list(_GENERIC)))
    out = [c * _N + end for c in singles for end in _ENDS]
    out += [(a + b) * (_N // 2) + "!" for a in singles[:6] for b in singles[:6] if a != b]
    out += [(text * (_N // max(1, len(text)) + 1))[: _N * 2] for text in examples if text]
    return out


def probe(compiled: regex.Pattern[str], examples: tuple[str, ...] = ()) -> str | None:
    """Why ``compiled`` is too slow (it backtracks catastrophically), or ``None``."""
    for text in probes(compiled.pattern, examples):
        try:
            for _ in compiled.finditer(text, timeout=PROBE_TIMEOUT):
                pass
        except TimeoutError:
            shown = text[:12].encode("unicode_escape").decode("ascii")
            return (
                f"pattern took over {PROBE_TIMEOUT}s on a {len(text)}-character probe ('{shown}...'); "
                "it backtracks catastrophically: make its repeats unambiguous"
            )
    return None


EMPTY_PROBES = ("", "a", "word and word.", "line one\n\nline two\n", " \t\n", "\u4e2d\u6587\u3002", "1, 2; 3!")


def matches_empty(compiled: regex.Pattern[str], examples: tuple[str, ...] = ()) -> bool:
    """Whether the pattern matches empty text anywhere in the examples or a few generic lines
    (``x*``, ``^``, a lone lookahead): such a match would delete nothing, or everything."""
    for text in EMPTY_PROBES + examples:
        for m in compiled.finditer(text, timeout=PROBE_TIMEOUT):
            if m.start() == m.end():
                return True
    return False

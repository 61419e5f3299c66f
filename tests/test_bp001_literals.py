"""BP001's prefilter (``cleanup.rules.literals``): what it derives from a pattern, and that it
never skips a text the pattern matches -- on hand-picked constructs, on the bundled entries,
and on thousands of random patterns and texts."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex
import yaml

from cleanup.glossary.loader import bundled_dir
from cleanup.rules.literals import Document, Prefilters, analyse, prefilter

FLAGS = regex.MULTILINE | regex.V0  # how the glossary compiles boilerplate patterns


def needs(pattern: str, flags: int = FLAGS) -> list[tuple[set[str], bool]] | None:
    found = analyse(pattern, flags)
    return None if found is None else [(set(n.strings), n.fold) for n in found[1]]


def starts(pattern: str, flags: int = FLAGS) -> tuple[str, ...] | None:
    found = analyse(pattern, flags)
    return None if found is None else found[0]


def may_match(pattern: str, text: str, flags: int = FLAGS) -> bool:
    test = prefilter(regex.compile(pattern, flags))
    return test is None or test.may_match(Document(text))


# --- what is derived ------------------------------------------------------------------------


def test_literals_and_alternations() -> None:
    assert needs("Copyright") == [({"Copyright"}, False)]
    assert needs("Copyright|©") == [({"Copyright", "©"}, False)]
    assert needs(r"(?:Photo|Photograph) (?:by|from)") == [
        ({"Photo by", "Photo from", "Photograph by", "Photograph from"}, False)
    ]
    assert needs(r"Visual China|Visual China Group") == [({"Visual China"}, False)]  # the longer adds nothing


def test_an_alternation_with_a_branch_of_no_known_text_needs_nothing() -> None:
    assert needs(r"Xinhua|\d+") == []
    assert needs(r"Xinhua|(?:IC)?") == []


def test_optional_parts_and_open_classes_are_not_needed() -> None:
    assert needs(r"colou?r") == [({"colo"}, False), ({"r"}, False)]
    assert needs(r"a(?:bc)?d") == [({"a"}, False), ({"d"}, False)]
    assert needs(r"x(?:yz)*") == [({"x"}, False)]
    assert needs(r"x(?:yz)+") == [({"yz"}, False), ({"x"}, False)]
    assert needs(r"Unauthori[s-z]ed") == [({"Unauthori"}, False), ({"ed"}, False)]  # a range
    assert needs(r"ab[^c]de") == [({"ab"}, False), ({"de"}, False)]
    assert needs(r"ab\wde") == [({"ab"}, False), ({"de"}, False)]


def test_a_class_of_literal_characters_is_spelled_out() -> None:
    assert needs(r"Unauthori[sz]ed") == [({"Unauthorised", "Unauthorized"}, False)]
    words = {f"All {r}ights {e}eserved" for r in "Rr" for e in "Rr"}
    assert needs(r"All [Rr]ights [Rr]eserved\.?") == [(words, False)]
    assert starts(r"^(?:\(|（|【)\s*End") == ("(", "【", "（")  # the parser makes a set of the one-character branches


def test_case_insensitive_needs_are_marked() -> None:
    assert needs("copyright", FLAGS | regex.IGNORECASE) == [({"copyright"}, True)]
    assert needs("(?i)copyright") == [({"copyright"}, True)]
    assert needs("Copyright (?i:reserved)") == [({"Copyright "}, False), ({"reserved"}, True)]
    assert needs("(?i)Copyright (?-i:All)") == [({"Copyright "}, True), ({"All"}, False)]


def test_case_insensitive_search_follows_regex_case_rules() -> None:
    assert may_match("(?i)kelvin", "\u212aELVIN")  # the Kelvin sign matches k in regex
    assert may_match("(?i)sun", "\u017fun")  # so does the long s
    assert may_match("(?i)sun", "SUN")
    assert not may_match("(?i)sun", "moon")


def test_lookarounds_and_back_references_add_nothing() -> None:
    assert needs(r"(?=Copyright)\w+") == []
    assert needs(r"(?<![.!?])\w+") == []
    assert needs(r"(?<=[.!?]) Xinhua") == [({" Xinhua"}, False)]
    assert needs(r"Copy(?=right)right") == [({"Copyright"}, False)]  # zero-width: the run goes on
    assert needs(r"(\w+) \1") == [({" "}, False)]
    assert needs(r"(ab)\1") == [({"ab"}, False)]
    assert needs(r"(a)?(?(1)bc|de)") == []


def test_line_starts_of_an_anchored_pattern() -> None:
    assert starts(r"^(?:Original|Original link|Source)\s*:") == ("Original", "Source")
    assert starts(r"^【(?:By|Author)\b") == ("【Author", "【By")
    assert starts(r"\AThis article") == ("This article",)
    assert starts(r"^This (?:article|piece)\b") == ("This article", "This piece")
    assert starts(r"^Editor[ \n]x|y") == ()  # the alternation is the whole pattern
    assert starts(r"^a\nb") == ("a",)  # cut at the line break: a line ends there
    assert starts(r"^\nb") == ()
    assert starts(r"^(?i)x") is None  # a global flag after the start: re cannot read it
    assert starts(r"(?i)^Copyright") == ()  # case-insensitive: needs only
    assert starts(r"Copyright$") == ()


@pytest.mark.parametrize(
    "pattern",
    [
        r"\p{Han}+Xinhua",  # syntax only regex knows: re cannot parse it
        r"(?:Xinhua){e<=1}",  # fuzzy matching: re would read a literal "{e<=1}"
        r"[[:alpha:]]Xinhua",  # a POSIX class: re would read "[[:alpha:]" and a literal "]"
        r"[a[:digit:]]Xinhua",
        r"Xinhua{,}",  # a brace outside a counted repeat of re's form
        r"(?w)Xinhua",  # Unicode line breaks for ^ and $
        r"(?r)Xinhua",
        r"(?f)Xinhua",
        r"\mXinhua\M",  # start and end of a word
        r"Xin(?i)hua",  # a global flag after the start applies to all of it in regex
        r"(?x) Xin hua",  # verbose
        r"(?x:Xin hua)",
        r"(?P<n>a)(?&n)Xinhua",  # recursion
        r"Xinhua\K",
    ],
)
def test_doubt_means_no_prefilter(pattern: str) -> None:
    regex.compile(pattern, FLAGS)  # regex takes it
    assert analyse(pattern, FLAGS) is None
    assert prefilter(regex.compile(pattern, FLAGS)) is None


@pytest.mark.parametrize("flag", [regex.WORD, regex.FULLCASE, regex.BESTMATCH, regex.REVERSE, regex.VERBOSE])
def test_other_flags_mean_no_prefilter(flag: int) -> None:
    assert analyse("Xinhua", FLAGS | flag) is None


def test_counted_repeats_are_read_alike() -> None:
    assert needs(r"(?:ab){2,3}c") == [({"ab"}, False), ({"c"}, False)]
    assert needs(r"x{2}") == [({"x"}, False)]


# --- never a text the pattern matches -------------------------------------------------------


def bundled_boilerplate() -> list[dict[str, object]]:
    data = yaml.safe_load((bundled_dir() / "boilerplate.yaml").read_text(encoding="utf-8"))
    return list(data["entries"])


@pytest.mark.parametrize("entry", bundled_boilerplate(), ids=lambda e: str(e["id"]))
def test_bundled_entries_have_a_prefilter_that_passes_their_examples(entry: dict[str, object]) -> None:
    pattern = regex.compile(str(entry["pattern"]), FLAGS)
    test = prefilter(pattern)
    assert test is not None, "every bundled pattern should be cheap to rule out"
    for example in entry["examples"]:  # type: ignore[attr-defined]
        text = example["in"]
        if pattern.search(text):
            assert test.may_match(Document(text)), text
    assert not test.may_match(Document("Prices rose again on Monday.\n\nThe bank said so."))


def test_bundled_patterns_on_the_golden_document() -> None:
    golden = Path(__file__).parent / "golden"
    for path in golden.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        for entry in bundled_boilerplate():
            pattern = regex.compile(str(entry["pattern"]), FLAGS)
            if pattern.search(text):
                assert may_match(pattern.pattern, text), (entry["id"], path.name)


ALPHABET = "abAB \n.K\u212a\u017fs"  # with the Kelvin sign and the long s, which fold to k and s


def random_pattern(rng: random.Random, depth: int = 0) -> str:
    """A small pattern of literals, classes, groups, alternations, repeats, anchors,
    lookarounds, scoped flags and back-references."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(14 if depth < 3 else 5)
        if kind <= 1:
            parts.append(regex.escape(rng.choice("abAKs \n.")))
        elif kind == 2:
            parts.append(rng.choice(["[ab]", "[^a]", ".", r"\w", r"\s", "[A-Z]"]))
        elif kind == 3:
            parts.append(rng.choice(["^", "$", r"\b", r"\A", r"\Z"]))
        elif kind == 4:
            parts.append(rng.choice(["ab", "ba", "kA", "ss", "a b"]))
        elif kind == 5:
            parts.append(f"(?:{random_pattern(rng, depth + 1)})")
        elif kind == 6:
            parts.append(f"({random_pattern(rng, depth + 1)})")
        elif kind == 7:
            parts.append(f"(?:{random_pattern(rng, depth + 1)}|{random_pattern(rng, depth + 1)})")
        elif kind == 8:
            parts.append(
                f"(?:{random_pattern(rng, depth + 1)})"
                + rng.choice(["?", "*", "+", "{2}", "{1,3}", "+?", "*+", "{0,2}"])
            )
        elif kind == 9:
            parts.append(f"(?{rng.choice(['=', '!', '<=', '<!'])}{rng.choice(['a', 'b', 'A', ' '])})")
        elif kind == 10:
            parts.append(f"(?{rng.choice(['i', '-i'])}:{random_pattern(rng, depth + 1)})")
        elif kind == 11:
            parts.append(f"(?>{random_pattern(rng, depth + 1)})")
        elif kind == 12:
            parts.append(r"(a|b)\1")
        else:
            parts.append(f"(?:{random_pattern(rng, depth + 1)}|)")
    return "".join(parts)


def test_random_patterns_never_skip_a_text_they_match() -> None:
    rng = random.Random(20261130)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12))) for _ in range(300)]
    checked = skipped = 0
    for _ in range(1500):
        source = rng.choice(["", "", "(?i)", "^", "(?i)^", r"\A"]) + random_pattern(rng)
        flags = FLAGS | rng.choice([0, 0, regex.IGNORECASE, regex.ASCII, regex.DOTALL])
        try:
            pattern = regex.compile(source, flags)
        except regex.error:
            continue
        test = prefilter(pattern)
        if test is None:
            continue
        for text in texts:
            passes = test.may_match(Document(text))
            if pattern.search(text) is not None:
                checked += 1
                assert passes, (source, flags, text)
            skipped += not passes
    assert checked > 10_000 and skipped > 10_000  # the test tests something


def test_prefilters_applied_together_never_skip_a_pattern_that_matches() -> None:
    """``Prefilters.passing`` (one line lookup for every pattern's starts, then the needs of the
    patterns a start lets through) keeps every pattern that matches, as each test alone would."""
    rng = random.Random(20261130)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 16))) for _ in range(300)]
    patterns = []
    while len(patterns) < 40:
        source = rng.choice(["^", "^", "(?i)^", r"\A", ""]) + random_pattern(rng)
        try:
            patterns.append(regex.compile(source, FLAGS))
        except regex.error:
            continue
    together = Prefilters(patterns)
    assert any(t is not None and t.starts for t in together.tests)
    checked = skipped = 0
    for text in texts:
        passing = set(together.passing(text))
        for j, pattern in enumerate(patterns):
            alone = together.tests[j] is None or together.tests[j].may_match(Document(text))
            assert (j in passing) == alone, (pattern.pattern, text)
            if pattern.search(text) is not None:
                checked += 1
                assert j in passing, (pattern.pattern, text)
            skipped += j not in passing
    assert checked > 500 and skipped > 500  # the test tests something


def test_needs_of_wide_characters_are_looked_up_in_the_wide_runs_only() -> None:
    test = prefilter(regex.compile(r"(?m)^(?:转载|来源)[：:][^\n]+$"))
    assert test is not None
    assert Document("Source: x\n来源：新华社").wide == "来源：新华社"
    assert test.needs_met(Document("Prices rose。\n来源：新华社"))
    assert not test.needs_met(Document("Prices rose.\nSource: Xinhua"))  # ASCII text: no wide run at all
    assert not test.needs_met(Document("价格上涨\n新华社报道"))  # wide runs without the strings

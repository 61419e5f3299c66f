"""English-side helpers: word boundaries, case transfer and plurals for glossary replacements.

Case handling follows codespell's ``fix_case``: the replacement takes the shape of the text it
replaces (lower, Capitalised, Title Case, UPPER), except that a name keeps its own capitals.
"""

from __future__ import annotations

SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or per the to via vs with".split()
)


def is_word_char(ch: str) -> bool:
    """Letters, digits and ``_`` of alphabetic scripts. Han characters end an English word:
    machine translation glues them to English (``Houston人民``) and they will be replaced."""
    if ch.isascii():
        return ch.isalnum() or ch == "_"
    return ch.isalnum() and not ("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000")


def at_word_bounds(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is not glued to letters or digits on either side."""
    if start > 0 and is_word_char(text[start - 1]) and is_word_char(text[start]):
        return False
    if end < len(text) and is_word_char(text[end]) and is_word_char(text[end - 1]):
        return False
    return True


def lower_same_length(text: str) -> str:
    """``text.lower()`` with every offset preserved (a few characters lower to two code points)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def case_shape(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "lower"
    if all(c.isupper() for c in letters) and len(letters) > 1:
        return "upper"
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) > 1 and all(w[0].isupper() for w in words if w.lower() not in SMALL_WORDS):
        return "title"
    if letters[0].isupper():
        return "capital"
    return "lower"


def title_case(text: str) -> str:
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in SMALL_WORDS:
            out.append(word)
        else:
            out.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(out)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def transfer_case(matched: str, replacement: str) -> str:
    """Give ``replacement`` the case shape of ``matched``; names keep their own capitals, and
    a replacement holding one still starts with a capital where the text did (``Robbing Peter
    to pay Paul`` at a sentence start)."""
    shape = case_shape(matched)
    if shape == "upper":
        return replacement.upper()
    if any(c.isupper() for c in replacement):
        first = replacement.split(" ", 1)[0]  # iPhone keeps its own shape; "rob" does not
        return capitalise(replacement) if shape in ("capital", "title") and first.islower() else replacement
    if shape == "title":
        return title_case(replacement)
    if shape == "capital":
        return capitalise(replacement)
    return replacement


def matches_case(text: str, key: str) -> bool:
    """A key written with capitals only matches the same capitals, or ALL CAPS text."""
    if text == key:
        return True
    return case_shape(text) == "upper"


def plural(phrase: str) -> str:
    """Plural of a noun phrase: inflect its last word (mineral → minerals, policy → policies)."""
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` starts a sentence: start of text or paragraph, or after . ! ? and space."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    return text[i] in ".!?。！？" and i < pos - 1

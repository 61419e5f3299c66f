"""Verb phrases the glossary gives as gerunds, put in the form the sentence needs.

A set phrase of policy English is often a gerund (求同存异: seeking common ground while shelving
differences), which reads right after a preposition (committed to seeking …) but not after a modal
or a verb's "to" (should seek …, urged the US to seek …). Here are the base form of a gerund and
the places that need it.
"""

from __future__ import annotations

import regex

# The base form of a gerund: what a verb phrase in the glossary (求同存异: seeking common ground
# while shelving differences) becomes after a modal or "to" (should seek …). Rules for English
# spelling, and the stems they get wrong.
_BASE_EXCEPTIONS = {
    "lying": "lie", "dying": "die", "tying": "tie", "adding": "add", "erring": "err", "focusing": "focus",
    "biasing": "bias", "visiting": "visit", "limiting": "limit", "benefiting": "benefit", "editing": "edit",
    "exhibiting": "exhibit", "inheriting": "inherit", "waiting": "wait", "offering": "offer",
    "monitoring": "monitor", "honoring": "honor", "coloring": "color",
}
_E_STEMS = frozenset(
    """mak tak shar prepar trad rat dar fir endur ensur presid guid provid decid imitat operat incit contribut
    comput strik streamlin combin promot persever explor restor ignor stor scor hop cop writ com becom
    cooperat coordinat creat elevat integrat innovat motivat regulat stimulat accelerat eliminat facilitat
    generat investigat negotiat participat separat tolerat translat updat upgrad evad invad trad shap escap
    unit invit excit recit quot vot not devot compet complet delet rul sav wast tast past paste car dar shin
    declin defin determin examin refin undermin outlin""".split()
)
_NG_VERBS = frozenset("bring sing spring swing sting cling fling wring string ring hang long belong".split())


def base_form(word: str) -> str | None:
    """``seeking`` → seek, ``making`` → make, ``getting`` → get, ``pursuing`` → pursue; ``None``
    when ``word`` is no gerund."""
    low = word.lower()
    if not low.endswith("ing") or len(low) < 5:
        return None
    if low in _BASE_EXCEPTIONS:
        return _BASE_EXCEPTIONS[low]
    stem = low[:-3]
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiousz":
        if stem[-1] == "l" and sum(1 for c in regex.findall(r"[aeiou]+", stem)) < 2:
            return stem  # killing: kill (one syllable keeps its ll)
        return stem[:-1]  # getting: get, controlling: control
    if stem in _E_STEMS or stem.endswith(("v", "u", "c", "z")):
        return stem + "e"  # making: make, shelving: shelve, pursuing: pursue, reducing: reduce
    if regex.search(r"[^aeiou]l$", stem) or regex.search(r"[aeiou]s$", stem) and not stem.endswith("ss"):
        return stem + "e"  # tackling: tackle, using: use, choosing: choose
    if regex.search(r"[^aeioun]g$|[aeiou]g$", stem) or (stem.endswith("ng") and stem not in _NG_VERBS and len(stem) > 5):
        return stem + "e"  # charging: charge, engaging: engage, challenging: challenge
    return stem


_MODAL_BEFORE = regex.compile(
    r"(?<![\w'’])(?:(?i:would|will|should|must|can|could|may|might|shall|cannot|let's|let us)"
    r"(?:[ ](?:not|also|jointly|further|always|never|continue to))?"
    r"|(?i:need|needs|needed|want|wants|aim|aims|aimed|plan|plans|planned|seek|seeks|sought|try|tries|tried|vow"
    r"|vows|vowed|pledge|pledges|pledged|agree|agrees|agreed|decide|decided|continue|continues|continued|able|hope"
    r"|hopes|hoped|strive|strives|called on .{1,30}|urged .{1,30}) to)[ ]$"
)


def gerund_as_verb(text: str, start: int, english: str) -> str:
    """A verb phrase given as a gerund (the glossary's form), put in its base form after a modal
    or "to": ``should 求同存异`` → should seek common ground while shelving differences."""
    first, _, rest = english.partition(" ")
    base = base_form(first) if rest and first.islower() else None  # most terms are no gerund: no search
    if base is None or not _MODAL_BEFORE.search(text, max(0, start - 60), start):
        return english
    return f"{base} {rest}"

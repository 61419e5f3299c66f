"""Glossary keys inside an untranslated clause, checked against the clause's word boundaries.

The Han cover (``cleanup.han``) takes any key it finds in a run, so a key may straddle two words
of a clause that nobody translated: in 其中药品 (among them, medicines) the key 中药 (traditional
Chinese medicine) takes the end of 其中 and the start of 药品, and the proposal read "its
traditional Chinese medicine sample". Such keys are already only proposals (``partial``); here a
run that holds one is segmented as jieba would, with the glossary keys of the run added as words
kept whole, and a key that cuts into the words around it is given back to the run's unknown
Chinese, which the dictionary fallback then reads as a whole (其中药品: among them, drugs; 大豆油:
soybean oil, not "big" + 豆油). A key that cuts only into a place name stays: jieba writes 朝阳区委
as 朝阳区 + 委, where the key 区委 (district Party committee) is right.
A key on word boundaries stays (观察者网 in 观察者网报道), unless it is a title after a bare
surname (张律师: lawyer Zhang, one name). Runs with no unknown Chinese are never looked at: their
keys cover them whole.
"""

from __future__ import annotations

from dataclasses import replace

from ..glossary.compiled import Compiled
from ..han import TERM, UNKNOWN, HanPiece, touching_runs
from .index import default_index
from .names import TITLES_AFTER, person, surname_alone
from .segment import Word, segment


def at_word_boundaries(text: str, pieces: list[HanPiece], glossary: Compiled) -> list[HanPiece]:
    """``pieces`` with every partial key that straddles a word boundary made unknown. Currency
    keys are ZH004's, read with the number before them (数十亿美元: several billion dollars)."""
    index = default_index()
    if index is None:
        return pieces
    out: list[HanPiece] = []
    for run in touching_runs(pieces):
        if not any(p.partial and p.kind == TERM for p in run):
            out.extend(run)
            continue
        start, end = run[0].start, run[-1].end
        simplified = index.simplified(text[start:end])
        keys = {simplified[p.start - start : p.end - start]: "n" for p in run if p.kind == TERM}
        words = segment(simplified, index, keys, hmm=False)
        merged: list[HanPiece] = []
        for p in run:
            straddles = (
                p.kind == TERM
                and p.partial
                and glossary.entry(p.entry).kind != "currency"
                and _straddles(words, p.start - start, p.end - start)
            )
            titled = p.kind == TERM and merged and _surname(text, merged[-1]) and p.key in TITLES_AFTER
            p = HanPiece(UNKNOWN, p.start, p.end) if straddles or titled else p
            if p.kind == UNKNOWN and merged and merged[-1].kind == UNKNOWN and merged[-1].end == p.start:
                p = replace(merged.pop(), end=p.end)
            merged.append(p)
        out.extend(merged)
    return out


def _straddles(words: list[Word], start: int, end: int) -> bool:
    """Whether a key at ``start:end`` crosses a word: begins inside one that ends inside the key,
    or ends inside one that begins inside it. Crossing both neighbours (其|中药|品) always counts;
    crossing one only when it is no place name: jieba glues a district or county suffix to a
    place (朝阳区 + 委), so a key such as 区委 (district Party committee) that takes it stays. A
    key inside a longer word is no crossing (中国 in 新中国, 央视 in 央视网): it stays too."""
    crossed = [
        w
        for w in words
        if (w.start < start < w.start + len(w.text) < end) or (start < w.start < end < w.start + len(w.text))
    ]
    return len(crossed) == 2 or (len(crossed) == 1 and not crossed[0].tag.startswith("ns"))


def _surname(text: str, piece: HanPiece) -> bool:
    """An unknown piece that is a bare surname or a full name: with a title key after it (张 +
    律师, 尹力 + 书记) the two are one name, lawyer Zhang, Secretary Yin Li, which the fallback
    writes (``compose``)."""
    han = text[piece.start : piece.end]
    return piece.kind == UNKNOWN and (surname_alone(han) is not None or person(han) is not None)

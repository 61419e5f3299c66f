"""Generate the benchmark's reproducible inputs: a news-like corpus and synthetic glossaries.

    python bench/generate.py [--out bench/data] [--mb 50] [--seed 1]

Writes ``OUT/corpus/dNN/article-NNNNN.txt`` (about ``--mb`` MB of English news prose with the
residue machine translation leaves: Chinese glossary terms, half-transliterated tokens, unknown
Chinese, CJK punctuation, wrong renderings, term variants, literal idioms, relative dates and
publisher boilerplate) and ``OUT/glossary-{1k,10k,100k}/terms.yaml`` (synthetic term entries,
layered over the bundled glossary when the benchmark runs). The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}
HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
SYLLABLES = "ba bo ka ke li lu ma mo na ne ra ro sa so ta to va vo za zo ber cal dor fen gal hil jor kel lin mar nor pel quin ros sel tor ven wil yor zan ".split()
VOCAB = (
    "the of and to in a that for on with as by at from said is was has have will its their were "
    "government officials minister ministry trade economic policy market supply chain security "
    "country countries international global national foreign domestic president spokesperson "
    "report agency conference meeting summit agreement cooperation development investment growth "
    "industry companies company production exports imports tariffs prices energy minerals data "
    "according statement week month year years day local time city province region capital "
    "analysts experts pressure support plan plans programme project projects framework partners "
    "increase decline rise fell rose percent billion million more than over about after before "
    "while during amid despite however also which who this these those other new first last next "
    "public private sector financial bank banks central rate rates inflation demand costs workers "
    "technology chips semiconductor manufacturing factory factories launched announced proposed "
    "defence military talks relations negotiations diplomatic allies alliance stability risks "
    "climate environment emissions transport infrastructure railway port shipping routes ocean"
).split()


def han_word(rng: random.Random, low: int = 2, high: int = 5) -> str:
    return "".join(rng.choice(HAN) for _ in range(rng.randint(low, high)))


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def synthetic_entries(n: int, seed: int) -> list[dict[str, object]]:
    """``n`` term entries with unique Chinese keys and unique English renderings."""
    rng = random.Random(seed)
    seen_zh: set[str] = set()
    seen_en: set[str] = set()
    entries = []
    while len(entries) < n:
        zh = han_word(rng, 3, 6)
        name = " ".join(pseudo_word(rng).capitalize() for _ in range(rng.randint(2, 3)))
        # Wrong forms and variants carry a word ending in "q", which no English rendering has: no
        # fix output can contain a key (the glossary refuses such chains).
        wrong = " ".join([pseudo_word(rng).capitalize() + "q", *name.split()[1:]])
        if zh in seen_zh or name.lower() in seen_en or wrong.lower() in seen_en:
            continue
        seen_zh.add(zh)
        seen_en.update((name.lower(), wrong.lower()))
        entry: dict[str, object] = {"id": f"bench-{len(entries):06d}", "zh": zh, "en": name, "wrong": wrong}
        if len(entries) % 10 == 0:
            variant = f"{pseudo_word(rng)}q {name.split()[-1].lower()}"
            if variant.lower() not in seen_en:
                seen_en.add(variant.lower())
                entry["variants"] = variant
        entries.append(entry)
    return entries


def glossary_yaml(entries: list[dict[str, object]]) -> str:
    out = ["# Synthetic benchmark glossary (bench/generate.py); not curated data.", "kind: term", "entries:"]
    for e in entries:
        out.append(f"  - id: {e['id']}")
        out.append(f"    zh: {e['zh']}")
        out.append(f"    en: {e['en']}")
        out.append(f"    wrong: [{e['wrong']}]")
        if "variants" in e:
            out.append(f"    variants: [{e['variants']}]")
        out.append("    note: synthetic")
        out.append(f"    examples: [{{in: \"the {e['zh']} said\", out: \"the {e['en']} said\"}}]")
    return "\n".join(out) + "\n"


RESIDUE = (
    lambda rng, g: f" the {rng.choice(g)['zh']} said",  # ZH001
    lambda rng, g: " By Guan察者网 reporters,",  # ZH002
    lambda rng, g: f" and{han_word(rng)} there",  # ZH003
    lambda rng, g: "，",  # PU001
    lambda rng, g: f" {rng.choice(g)['wrong']} said",  # EN001
    lambda rng, g: " as clear as the sun in the sky",  # EN002 (bundled idioms are few; harmless otherwise)
    lambda rng, g: " critical minerals and key minerals",  # EN003
    lambda rng, g: " in Washington on the 4th, with",  # DT001
)


def sentence(rng: random.Random, glossary: list[dict[str, object]]) -> str:
    words = [rng.choice(VOCAB) for _ in range(rng.randint(8, 24))]
    text = " ".join(words)
    if rng.random() < 0.08:
        text += rng.choice(RESIDUE)(rng, glossary)
    return text[0].upper() + text[1:] + "."


def article(rng: random.Random, glossary: list[dict[str, object]], size: int) -> str:
    paragraphs = ["On February 4th, local time, officials met."]
    total = 0
    while total < size:
        para = " ".join(sentence(rng, glossary) for _ in range(rng.randint(3, 7)))
        paragraphs.append(para)
        total += len(para)
    if rng.random() < 0.2:
        paragraphs.append("This article is exclusive to Observer Network. Unauthorized reproduction is prohibited.")
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(out: Path, megabytes: float, seed: int, glossary: list[dict[str, object]]) -> tuple[int, int]:
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    written = files = 0
    while written < target:
        text = article(rng, glossary, rng.randint(1_500, 8_000))
        path = out / "corpus" / f"d{files // 500:02d}" / f"article-{files:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        written += len(data)
        files += 1
    return files, written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    biggest = synthetic_entries(max(SIZES.values()), args.seed)
    for name, n in SIZES.items():
        directory = args.out / f"glossary-{name}"
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "terms.yaml").write_text(glossary_yaml(biggest[:n]), encoding="utf-8")
    # Residue is drawn from the first 1k entries: in every glossary size, so hits are comparable.
    files, size = write_corpus(args.out, args.mb, args.seed, biggest[:1_000])
    print(f"{files} files, {size / 1e6:.1f} MB in {args.out / 'corpus'}; glossaries: {', '.join(SIZES)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

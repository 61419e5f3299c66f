"""How often each way of guessing a legacy Chinese encoding reads a file right.

Documents come from the evaluation set's segment pairs: the Chinese source alone ("zh") and the
English target with a few Chinese characters appended ("en+zh", the residue this tool exists
for), each encoded as GBK and, converted to Taiwan traditional by OpenCC, as Big5. Three
strategies are compared: charset-normalizer alone; strict UTF-8, then strict GB18030, then the
detector (the naive order); and ``cleanup.charsets.guess``. A read is right when the decoded
text equals the text that was encoded.

    python bench/encoding_detection.py [--eval-dir DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanup.charsets import guess, strict  # noqa: E402 - after the path setup above


def documents(eval_dir: Path, limit: int) -> list[tuple[str, str, str, bytes]]:
    import opencc

    to_tw = opencc.OpenCC("s2twp")
    rows = []
    for name in sorted(eval_dir.glob("*.jsonl")):
        rows += [json.loads(line) for line in name.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = []
    for row in rows[:limit]:
        zh, en = row["source"], row["target"]
        for kind, text in (("zh", zh), ("en+zh", f"{en} ({zh[:6]})")):
            for enc, variant in (("gbk", text), ("big5", to_tw.convert(text))):
                try:
                    docs.append((kind, enc, variant, variant.encode(enc)))
                except UnicodeEncodeError:
                    continue
    return docs


def detector_alone(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding if best else None


def naive_order(data: bytes) -> str | None:
    for enc in ("utf-8", "gb18030"):
        if strict(data, enc) is not None:
            return enc
    return detector_alone(data)


def ours(data: bytes) -> str | None:
    found = guess(data)
    return found[0] if found else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=600)
    args = parser.parse_args()
    docs = documents(args.eval_dir, args.limit)
    print(f"{len(docs)} documents from {args.limit} segment pairs")
    print(f"{'strategy':<24} {'kind':<6} {'enc':<5} right / total")
    for label, strategy in (("charset-normalizer", detector_alone), ("utf-8,gb18030,detector", naive_order), ("cleanup.charsets", ours)):
        tally: collections.Counter[tuple[str, str, bool]] = collections.Counter()
        for kind, enc, text, data in docs:
            got = strategy(data)
            tally[(kind, enc, got is not None and strict(data, got) == text)] += 1
        for kind in ("zh", "en+zh"):
            for enc in ("gbk", "big5"):
                right, wrong = tally[(kind, enc, True)], tally[(kind, enc, False)]
                print(f"{label:<24} {kind:<6} {enc:<5} {right} / {right + wrong}")


if __name__ == "__main__":
    main()

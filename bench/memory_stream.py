"""Peak memory of cleaning one large file: streamed part by part, against cleaned whole.

Writes a file of SIZE megabytes made of the seed article (Chinese residue, boilerplate, CRLF
and LF paragraphs) repeated, then, each in a fresh process, measures the peak resident set size
(``ru_maxrss``) of:

* ``baseline``: loading the bundled glossary only;
* ``stream``:   ``cleanup.stream.run`` (parts of ``cleanup.parts.PART_BYTES``), writing the output
                and a JSON Lines change log as it goes;
* ``whole``:    ``cleanup fix FILE -o DIR`` (only with ``--whole``: the command line reads a file
                whole; this shows what that costs).

The streamed figure minus the baseline is what the file costs; it should not grow with SIZE.

    python bench/memory_stream.py [--sizes 20,200] [--whole 20]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import json, resource, sys, time
from pathlib import Path
mode, args = sys.argv[1], sys.argv[2:]
from cleanup.api import default_glossary
glossary = default_glossary()
code = 0
if mode == "stream":
    from cleanup.rules import RULES
    from cleanup.stream import Job, run
    with open(args[2], "w", encoding="utf-8") as log:
        def write(changes):
            log.write("".join(json.dumps(c.as_dict(), ensure_ascii=False) + "\\n" for c in changes))
        summary = run(Job(Path(args[0]), Path(args[1])), glossary, RULES, False, write)
    print(json.dumps({"parts": summary.parts, "chars": summary.chars}), file=sys.stderr)
elif mode == "whole":
    from cleanup.cli import app
    try:
        app(["fix", *args, "--quiet", "--jobs", "1"], standalone_mode=False)
    except SystemExit as exc:
        code = exc.code or 0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"peak": peak, "code": code}))
"""


def make_file(path: Path, megabytes: int) -> None:
    seed = (ROOT / "seeds" / "observer-critical-minerals.txt").read_text(encoding="utf-8")
    block = (seed + "\n\n" + seed.replace("\n", "\r\n") + "\r\n\r\n").encode("utf-8")
    with path.open("wb") as out:
        for _ in range((megabytes << 20) // len(block) + 1):
            out.write(block)


def child(mode: str, *args: str) -> tuple[dict[str, float], float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, mode, *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1]), time.perf_counter() - started


def row(label: str, size: int, got: dict[str, float], base: float, seconds: float) -> None:
    extra = (got["peak"] - base) / 2**20
    print(f"{label:<8} {size:>6} MB {got['peak'] / 2**20:>9.0f} MiB {extra:>9.0f} MiB {seconds:>8.0f} s {size / seconds:>6.2f} MB/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20,200", help="file sizes in MB to stream, comma-separated")
    parser.add_argument("--whole", default="", help="file sizes in MB to clean whole with the command line")
    args = parser.parse_args()
    child("baseline")  # the first run compiles the glossary into the cache; measure a warm start
    base, _ = child("baseline")
    print(f"{'mode':<8} {'size':>9} {'peak RSS':>13} {'over base':>13} {'time':>10} {'rate':>11}")
    print(f"{'baseline':<8} {'-':>9} {base['peak'] / 2**20:>9.0f} MiB")
    with tempfile.TemporaryDirectory() as tmp:
        for mode, sizes in (("stream", args.sizes), ("whole", args.whole)):
            for size in (int(s) for s in sizes.split(",") if s):
                source = Path(tmp) / f"large-{size}.txt"
                if not source.exists():
                    make_file(source, size)
                if mode == "stream":
                    got, seconds = child(mode, str(source), str(Path(tmp) / "out.txt"), str(Path(tmp) / "log.jsonl"))
                else:
                    got, seconds = child(mode, str(source), "--out-dir", str(Path(tmp) / "out"))
                row(mode, size, got, base["peak"], seconds)


if __name__ == "__main__":
    main()

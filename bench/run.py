"""The batch benchmark: cleanup against codespell and typos on the same files.

    python bench/run.py [--data bench/data] [--peers VENV_BIN] [--sizes 1k,10k,100k] [--json FILE]

Generates the corpus and glossaries first when they are missing (``bench/generate.py``). For
each glossary size it measures, each in a fresh process on the same files:

* glossary load from the on-disk cache (after one warm-up load that fills it): hashing the
  glossary files for the cache key, reading and checking the cache file, unpickling; best of three;
* ``cleanup check`` with ``--jobs 1`` and ``--jobs 2`` (the synthetic glossary layered over a
  snapshot of the bundled one), and once more at one job without ZH003, whose dictionary
  fallback for unknown Chinese is the costliest rule;
* codespell with a dictionary of the same number of ``wrong->right`` words, and typos with the
  same words as ``extend-words``, at one and two threads (codespell has one).

Reported per run: wall time, MB/s, files/s, CPU seconds (user + system of the whole process
tree) and MB/s per CPU second, and peak RSS (summed over the process tree). On a shared machine
wall-clock rates move with the load; CPU-second rates are the steadier measure of per-core
speed. codespell and typos come from a separate virtual environment (``--peers``): they are
not dependencies of the project.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import generate  # noqa: E402

LOAD = """
import sys, time
from cleanup.api import load_glossary  # the package's own import is the same at every size
t = time.perf_counter()
g = load_glossary(sys.argv[1:], use_default=False)
print(time.perf_counter() - t, len(g.entries))
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None, ok: tuple[int, ...] = (0, 1)) -> dict[str, float]:
    """Run ``command``; wall seconds, CPU seconds and peak memory (MB) of its whole process tree.

    CPU comes from ``RUSAGE_CHILDREN`` (descendants that were waited for, pool workers
    included); memory is sampled over the tree with psutil (which Dask brings along): RSS
    summed every 20 ms, which counts a page forked workers share with their parent once per
    process, and PSS (proportional set size: a shared page split between its sharers) summed
    every half second (reading it is costly), which is what the tree really holds.
    """
    try:
        import psutil
    except ImportError:  # pragma: no cover
        psutil = None
    cpu_before = _children_cpu()
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = pss = 0.0
    samples = 0
    while proc.poll() is None:
        if psutil is not None:
            try:
                top = psutil.Process(proc.pid)
                tree = [top, *top.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree) / 1e6)
                if samples % 25 == 0:  # PSS reads /proc/PID/smaps: costly, so every half second
                    pss = max(pss, sum(getattr(p.memory_full_info(), "pss", 0) for p in tree) / 1e6)
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        samples += 1
        time.sleep(0.02)
    wall = time.perf_counter() - started
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in ok:
        raise SystemExit(f"{command[0]} failed ({proc.returncode}): {stderr[-500:]}")
    return {"wall": wall, "cpu": _children_cpu() - cpu_before, "rss": peak, "pss": pss}


def corpus_size(corpus: Path) -> tuple[int, int]:
    files = [p for p in corpus.rglob("*.txt")]
    return len(files), sum(p.stat().st_size for p in files)


def peer_words(glossary: Path, out: Path) -> tuple[Path, Path]:
    """The glossary's wrong renderings as single-word corrections, for codespell and typos."""
    words: dict[str, str] = {}
    for line in (glossary / "terms.yaml").read_text(encoding="utf-8").splitlines():
        if line.startswith("    wrong: ["):
            wrong = line[len("    wrong: [") : -1].split()[0].lower()
        elif line.startswith("    en: "):
            right = line[len("    en: ") :].split()[0].lower()
        elif line.startswith("    note:") and "wrong" in locals():
            words.setdefault(wrong, right)
    codespell = out / f"codespell-{glossary.name}.txt"
    codespell.write_text("".join(f"{w}->{r}\n" for w, r in words.items()), encoding="utf-8")
    typos = out / f"typos-{glossary.name}.toml"
    typos.write_text("[default.extend-words]\n" + "".join(f'{w} = "{r}"\n' for w, r in words.items()), encoding="utf-8")
    return codespell, typos


def bundled_snapshot(data: Path) -> Path:
    """A copy of the bundled glossary taken once per run, so that every measurement of a size
    uses the same glossary (and the same cache entry) even while the bundled files are edited."""
    from cleanup.glossary.loader import bundled_dir

    target = data / "bundled"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(bundled_dir(), target)
    return target


def rows_for(size: str, data: Path, peers: Path | None, cache: Path, bundled: Path) -> list[dict[str, object]]:
    glossary = data / f"glossary-{size}"
    corpus = data / "corpus"
    env = dict(os.environ, PYTHONPATH=str(ROOT), CLEANUP_CACHE_DIR=str(cache))
    layers = ["--no-default-glossary", "-g", str(bundled), "-g", str(glossary)]
    subprocess.run([sys.executable, "-c", LOAD, str(bundled), str(glossary)], env=env, check=True, capture_output=True)  # fill the cache
    loads = [subprocess.run([sys.executable, "-c", LOAD, str(bundled), str(glossary)], env=env, check=True,
                            capture_output=True, text=True).stdout.split() for _ in range(3)]
    seconds, entries = min(loads, key=lambda r: float(r[0]))
    rows: list[dict[str, object]] = [{"size": size, "tool": "glossary load from cache", "seconds": float(seconds), "entries": int(entries)}]
    cleanup = [sys.executable, "-m", "cleanup", "check", str(corpus), "-q", *layers]
    for jobs in (1, 2):
        rows.append({"size": size, "tool": f"cleanup check --jobs {jobs}", **measure([*cleanup, "--jobs", str(jobs)], ROOT, env)})
    command = [*cleanup, "--jobs", "1", "--ignore", "ZH003"]
    rows.append({"size": size, "tool": "cleanup check --jobs 1 --ignore ZH003", **measure(command, ROOT, env)})
    if peers is not None:
        codespell, typos = peer_words(glossary, data)
        rows.append({"size": size, "tool": "codespell", **measure([str(peers / "codespell"), "-D", str(codespell), str(corpus)], ROOT, ok=(0, 65))})
        for threads in (1, 2):
            command = [str(peers / "typos"), "--config", str(typos), "--threads", str(threads), str(corpus)]
            rows.append({"size": size, "tool": f"typos --threads {threads}", **measure(command, ROOT, ok=(0, 2))})
    return rows


def table(rows: list[dict[str, object]], files: int, size: int) -> str:
    mb = size / 1e6
    out = [
        f"{files} files, {mb:.1f} MB; rates over wall time, and over CPU seconds (user + system, all processes)",
        "",
        "| glossary | tool | wall s | MB/s | files/s | CPU s | MB per CPU s | peak RSS MB | peak PSS MB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        if "wall" not in r:
            out.append(f"| {r['size']} ({r['entries']} entries) | {r['tool']} | {r['seconds']:.3f} | | | | | | |")
            continue
        wall, cpu = float(r["wall"]), float(r["cpu"])  # type: ignore[arg-type]
        out.append(
            f"| {r['size']} | {r['tool']} | {wall:.1f} | {mb / wall:.1f} | {files / wall:.0f} | {cpu:.1f} | "
            f"{mb / cpu if cpu else 0:.1f} | {float(r['rss']):.0f} | {float(r.get('pss', 0)):.0f} |"  # type: ignore[arg-type]
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--peers", type=Path, default=None, help="bin/ of a venv with codespell and typos")
    parser.add_argument("--sizes", default="1k,10k,100k")
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size when it has to be generated")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    if not (args.data / "corpus").is_dir():
        generate.main(["--out", str(args.data), "--mb", str(args.mb)])
    cache = args.data / "cache"
    files, size = corpus_size(args.data / "corpus")
    bundled = bundled_snapshot(args.data)
    rows = [row for name in args.sizes.split(",") for row in rows_for(name, args.data, args.peers, cache, bundled)]
    print(table(rows, files, size))
    if args.json:
        args.json.write_text(json.dumps({"files": files, "bytes": size, "rows": rows}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

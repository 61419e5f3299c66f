"""Cold-start cost of ``cleanup fix`` on one article, as a user pays it: whole processes.

    python bench/startup.py [--runs 7] [--imports 15]

Three articles, written to a temporary directory: (a) the seed (Chinese that the glossary
covers), (b) the seed with a paragraph of Chinese no glossary entry covers (names, a place, a
clause), so that the fallback index, the segmenter and the pinyin table load, (c) the seed with
every Han character and CJK punctuation mark removed (no Chinese at all); and (b) again with
``--ignore ZH003``. For each, every run is
a fresh ``python -m cleanup fix -q`` process; the first starts with an empty cache directory
(``CLEANUP_CACHE_DIR``), so it builds the compiled glossary and, for (b), the fallback index;
the following runs find them cached. The table gives that first run (wall, and CPU in
brackets) and min / median / max of the others, in seconds of wall time, and their median CPU time (user + system), which varies
less when other processes share the machine. Bytecode is compiled first, by one throwaway run
of each article, as pip compiles a package when it installs it (into a temporary
``PYTHONPYCACHEPREFIX``, never the source tree). The operating system's file cache is left warm (dropping it
needs root and would slow every other process on the machine). The load average is printed at
the start and at the end: on a shared machine, compare CPU times rather than wall times.
``--imports N`` lists the N costliest imports of (b), to see where the start-up goes.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "observer-critical-minerals.txt"
UNKNOWN = (
    "\n\nAccording to 刘白 and 欧阳娜娜, the 美新里那个分店 near 洋山港 closed; Mr 曾 said the "
    "affected area贏 would reopen, 但是我写错了地址, more than 约合 11 billion.\n"
)
Timing = tuple[float, float]  # wall seconds, CPU seconds
CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef【】丨]+")


def articles(directory: Path) -> dict[str, Path]:
    seed = SEED.read_text(encoding="utf-8")
    texts = {
        "(a) seed (glossary Chinese)": seed,
        "(b) unknown Chinese": seed + UNKNOWN,
        "(c) no Chinese": CJK.sub("", seed),
    }
    paths = {}
    for i, (name, text) in enumerate(texts.items()):
        path = directory / f"article-{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


def environment(cache: Path, pycache: Path) -> dict[str, str]:
    """The package's bytecode under ``pycache`` (compiled once, as pip does at install), never
    in the source tree; nothing else of the caller's cleanup settings."""
    env = dict(os.environ, CLEANUP_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(pycache))
    for name in ("CLEANUP_NO_CACHE", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def compile_bytecode(commands: list[list[str]], directory: Path) -> None:
    """One throwaway run of each command, so that every module it imports (the package, the
    standard library, dependencies) has bytecode under the prefix, as after an install."""
    for command in commands:
        run_once(command, Path(tempfile.mkdtemp(prefix="warmup-", dir=directory)))


def run_once(command: list[str], cache: Path) -> Timing:
    """Wall seconds and CPU seconds (user + system) of one process."""
    env = environment(cache, cache.parent / "pycache")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"startup: {' '.join(command)} failed: {done.stderr.decode(errors='replace')}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(command: list[str], runs: int, directory: Path, name: str) -> tuple[Timing, list[Timing]]:
    cache = Path(tempfile.mkdtemp(prefix="cache-", dir=directory))
    first = run_once(command, cache)
    return first, [run_once(command, cache) for _ in range(runs)]


def row(name: str, first: Timing | None, warm: list[Timing]) -> str:
    head = "" if first is None else f"{first[0]:5.2f} ({first[1]:4.2f})"
    wall = [w for w, _ in warm]
    cpu = statistics.median(c for _, c in warm)
    return (
        f"{name:30} {head:>12}   {min(wall):6.2f} {statistics.median(wall):6.2f} {max(wall):6.2f}"
        f"   {cpu:6.2f}   {len(warm)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs after the first, per article")
    parser.add_argument("--imports", type=int, default=0, metavar="N",
                        help="also list the N costliest imports of one run of (b), caches built")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    print(f"{'article':30} {'first run':>12}   {'cache built: wall min median max':>20}   {'cpu':>6}   runs")
    print(f"{'':30} {'wall (cpu)':>12}   {'':32}   {'median':>6}")
    with tempfile.TemporaryDirectory(prefix="cleanup-startup-") as tmp:
        directory = Path(tmp)
        fix = [sys.executable, "-m", "cleanup", "fix", "-q"]
        commands = {name: [*fix, str(path)] for name, path in articles(directory).items()}
        # The same article with the fallback rule off: the difference is what the fallbacks cost.
        commands["(b) with --ignore ZH003"] = commands["(b) unknown Chinese"] + ["--ignore", "ZH003"]
        compile_bytecode(list(commands.values()), directory)
        _, python = measure([sys.executable, "-c", "pass"], args.runs, directory, "python")
        print(row("python -c pass (floor)", None, python))
        for name, command in commands.items():
            first, warm = measure(command, args.runs, directory, name)
            print(row(name, first, warm))
        print(fallback_share(commands["(b) unknown Chinese"][-1], args.runs, directory))
        if args.imports:
            print(costliest_imports(commands["(b) unknown Chinese"], args.imports, directory))
    print(f"load {os.getloadavg()[0]:.2f} at the end")
    return 0


# In a fresh process: clean the article with every rule but ZH003 (so that everything else that
# loads lazily has loaded), then with ZH003 alone, timing the second call: what the fallbacks
# cost a process, cold, without the noise of the rest of its start-up.
PROBE = """
import sys, time
from cleanup.api import load_glossary
from cleanup.engine import clean
from cleanup.rules import select_rules
text = open(sys.argv[1], encoding="utf-8").read()
glossary = load_glossary()
clean(text, glossary, select_rules(ignore=["ZH003"]))
wall, cpu = time.perf_counter(), time.process_time()
clean(text, glossary, select_rules(select=["ZH003"]))
print(time.perf_counter() - wall, time.process_time() - cpu)
"""


def fallback_share(article: str, runs: int, directory: Path) -> str:
    cache = Path(tempfile.mkdtemp(prefix="cache-", dir=directory))
    env = environment(cache, directory / "pycache")
    probe = [sys.executable, "-c", PROBE, article]
    subprocess.run(probe, env=env, check=True, capture_output=True)  # builds the caches
    timings = []
    for _ in range(runs):
        out = subprocess.run(probe, env=env, check=True, capture_output=True, text=True).stdout.split()
        timings.append((float(out[0]), float(out[1])))
    wall = sorted(w for w, _ in timings)
    cpu = statistics.median(c for _, c in timings)
    return (
        f"ZH003 on (b), cold, in-process: wall min {wall[0]:.3f} median {statistics.median(wall):.3f}"
        f" max {wall[-1]:.3f}, cpu median {cpu:.3f} ({runs} processes)"
    )


IMPORT_LINE = regex.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( +)(\S+)$", regex.MULTILINE)


def costliest_imports(command: list[str], count: int, directory: Path) -> str:
    """Where the start-up goes, module by module (``-X importtime``, cumulative milliseconds of
    the outermost imports), after one run has built the caches. Timed in a single process, so
    only the order and the rough sizes count, not the figures to the millisecond."""
    cache = Path(tempfile.mkdtemp(prefix="cache-", dir=directory))
    env = environment(cache, directory / "pycache")
    traced = [command[0], "-X", "importtime", *command[1:]]
    subprocess.run(traced, env=env, check=True, capture_output=True)  # builds the caches
    stderr = subprocess.run(traced, env=env, check=True, capture_output=True, text=True).stderr
    rows = [(int(total) / 1000, len(indent), name) for _, total, indent, name in IMPORT_LINE.findall(stderr)]
    top = sorted((row for row in rows if row[1] <= 3), reverse=True)[:count]  # top-level and their children
    lines = [f"  {ms:6.1f} ms  {'  ' * ((depth - 1) // 2)}{name}" for ms, depth, name in top]
    return f"costliest imports of (b), cumulative (all imports: {sum(ms for ms, d, _ in rows if d == 1):.0f} ms):\n" + "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())

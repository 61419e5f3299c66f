"""Peak memory of cleaning one large file: streamed part by part, against cleaned whole.

Writes a file of SIZE megabytes made of the seed article (Chinese residue, boilerplate, CRLF
and LF paragraphs) repeated, then, each in a fresh process, measures the peak resident set size
(``ru_maxrss``) of:

* ``baseline``: loading the bundled glossary only;
* ``stream``:   ``cleanup.stream.run`` (parts of ``cleanup.parts.PART_BYTES``), writing the output
                and a JSON Lines change log as it goes;
* ``whole``:    ``cleanup fix FILE -o DIR`` in-process on a file cleaned whole (only with
                ``--whole``; the thresholds are raised so that it is not cut into parts): what
                reading a file whole costs.

The streamed figure minus the baseline is what the file costs; it should not grow with SIZE.

With ``--cli SIZES`` it runs the real command line instead, each command a subprocess
(``python -m cleanup ... -q``) on a file of each size, and reports the peak resident set size
of its largest process (``ru_maxrss`` from ``os.wait4``: the main process or one pool worker)
and of the whole process tree (the sum over the command and its workers, sampled with psutil
every 50 ms), with the time and the throughput:

* ``fix -o``:      ``cleanup fix FILE -o DIR -q``
* ``in-place``:    ``cleanup fix COPY --in-place -q``
* ``stdout``:      ``cleanup fix FILE -q > OUT``
* ``check``:       ``cleanup check FILE -q`` (findings to /dev/null)

    python bench/memory_stream.py [--sizes 20,200] [--whole 20]
    python bench/memory_stream.py --cli 20,200 [--jobs 1] [--commands fix,check]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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
    from cleanup import stream
    from cleanup.batch import runner
    from cleanup.cli import app
    stream.LARGE_BYTES = runner.PART_BYTES = 1 << 40  # read whole, as before parts
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


COMMANDS = {  # name: arguments after ``python -m cleanup`` (FILE, OUT: the input, an output place)
    "fix -o": ["fix", "{file}", "-o", "{out}"],
    "in-place": ["fix", "{copy}", "--in-place"],
    "stdout": ["fix", "{file}"],
    "check": ["check", "{file}"],
}
SAMPLE_SECONDS = 0.05


def tree_rss(proc: Any) -> int:
    """Resident bytes of a process and all its descendants (what is left of them once it ends)."""
    import psutil

    total = 0
    try:
        family = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in family:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return int(total)


def measure(argv: list[str], stdout: int | None = None) -> dict[str, float]:
    """Run ``argv``: the peak RSS of its largest process (``wait4``, exact), the peak of its whole
    process tree (sampled: a short peak between samples can be missed), and the time."""
    import psutil

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL if stdout is None else stdout,
                             stderr=subprocess.PIPE)
    proc, tree = psutil.Process(child.pid), 0
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        tree = max(tree, tree_rss(proc))
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    if child.returncode not in (0, 1):  # 1: check found something
        raise SystemExit(f"{' '.join(argv)}: exit {child.returncode}\n{error}")
    peak = usage.ru_maxrss * 1024
    return {"peak": peak, "tree": max(tree, peak), "seconds": seconds}


def cli_rows(sizes: str, commands: list[str], jobs: str | None) -> None:
    """The real command line on files of each size, each command in a fresh process."""
    extra = ["-q", *(["--jobs", jobs] if jobs else [])]
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("nothing to fix\n", encoding="utf-8")
        warm = [sys.executable, "-m", "cleanup", "check", str(tiny), "-q"]
        measure(warm)
        base = measure(warm)
        print(f"{'command':<9} {'size':>6} {'largest process':>16} {'process tree':>13} {'time':>8} {'rate':>11}")
        print(f"{'baseline':<9} {'-':>6} {base['peak'] / 2**20:>12.0f} MiB {base['tree'] / 2**20:>9.0f} MiB")
        for size in (int(s) for s in sizes.split(",") if s):
            source = Path(tmp) / f"large-{size}.txt"
            make_file(source, size)
            for name in commands:
                places = {"file": str(source), "out": str(Path(tmp) / "out"), "copy": str(Path(tmp) / "copy.txt")}
                if name == "in-place":
                    shutil.copyfile(source, places["copy"])
                measure(warm)  # the glossary cache is keyed by the source: an edit since means a rebuild
                argv = [sys.executable, "-m", "cleanup", *(a.format(**places) for a in COMMANDS[name]), *extra]
                with open(Path(tmp) / "stdout.txt", "wb") as out:
                    got = measure(argv, out.fileno())
                shutil.rmtree(places["out"], ignore_errors=True)
                rate = source.stat().st_size / 1e6 / got["seconds"]
                print(f"{name:<9} {size:>3} MB {got['peak'] / 2**20:>12.0f} MiB {got['tree'] / 2**20:>9.0f} MiB "
                      f"{got['seconds']:>6.0f} s {rate:>6.2f} MB/s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20,200", help="file sizes in MB to stream, comma-separated")
    parser.add_argument("--whole", default="", help="file sizes in MB to clean whole with the command line")
    parser.add_argument("--cli", default="", help="file sizes in MB to run the command line on (subprocesses)")
    parser.add_argument("--commands", default=",".join(COMMANDS), help=f"with --cli: some of {', '.join(COMMANDS)}")
    parser.add_argument("--jobs", default=None, help="with --cli: --jobs for the commands (default: theirs)")
    args = parser.parse_args()
    if args.cli:
        cli_rows(args.cli, [c.strip() for c in args.commands.split(",")], args.jobs)
        return
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

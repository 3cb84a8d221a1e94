"""`bizenv validate` of many measures with the start-up GC setting (frozen, thresholds
raised: bizenv_cli.cli.main) beside the same run with Python's default collector.

The measure set is copied ``--copies`` times (default 100: 5,400 measure files) into a
temporary folder and validated in one run. Medians of fresh processes; peak memory from
the child's rusage. Compare rows of one run, not runs on different machines.

    python benchmarks/bench_gc.py [--copies 100] [--runs 5]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The same entry point, with the start-up GC setting undone: Python's default collector.
DEFAULT_GC = (
    "import gc, sys\n"
    "import bizenv_cli.cli as cli\n"
    "class _Default:\n"
    "    freeze = staticmethod(lambda: None)\n"
    "    set_threshold = staticmethod(lambda *a: None)\n"
    "cli.gc = _Default\n"
    "sys.argv = ['bizenv', *sys.argv[1:]]\n"
    "cli.main()\n"
)
GC_OFF = DEFAULT_GC.replace("cli.gc = _Default\n", "cli.gc = _Default\ngc.disable()\n")
ROWS = {
    "default GC (yardstick)": [sys.executable, "-c", DEFAULT_GC],
    "bizenv (GC frozen, tuned)": [sys.executable, "-m", "bizenv_cli"],
    "GC off for the run": [sys.executable, "-c", GC_OFF],
}


def run(argv: list[str], cwd: Path) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{argv}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
    return took, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(args.copies):
            shutil.copytree(ROOT / "measures", folder / f"m{i:03}")
        files = sum(1 for _ in folder.glob("m*/[0-9][0-9]-*.yaml"))
        paths = sorted(p.name for p in folder.iterdir())
        print(f"bizenv validate of {files:,} measure files ({args.copies} copies), "
              f"median of {args.runs} runs (python {sys.version.split()[0]})")
        results = {}
        for label, argv in ROWS.items():
            run([*argv, "validate", *paths], folder)  # warm-up
            times = [run([*argv, "validate", *paths], folder)[0] for _ in range(args.runs)]
            results[label] = statistics.median(times)
        base = results["default GC (yardstick)"]
        for label, median in results.items():
            print(f"{label:<28} {median * 1000:8.0f} ms  {median / base:5.2f}x")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of the largest child: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

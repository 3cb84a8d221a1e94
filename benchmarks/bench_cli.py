"""Wall time of the CLI's common commands, beside `python -c "import click"` as a yardstick.

Run with the project's Python (``make bench`` does): every command is started as a fresh
process several times and the median is printed. Only the standard library is used.
Numbers depend on the machine; compare rows of the same run, not runs on different machines.

    python benchmarks/bench_cli.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIZENV = [sys.executable, "-m", "bizenv_cli"]
# The installed console script, as users run it (no runpy): the row the 1.2x aim is about.
SCRIPT = [str(Path(sys.executable).with_name("bizenv"))]

# (label, argv). Add a row here to time another command.
COMMANDS: list[tuple[str, list[str]]] = [
    ('python -c "import click"', [sys.executable, "-c", "import click"]),
    ("bizenv --help", [*BIZENV, "--help"]),
    ("bizenv --help (console script)", [*SCRIPT, "--help"]),
    ("bizenv --version", [*BIZENV, "--version"]),
    ("bizenv validate measures", [*BIZENV, "validate", "measures"]),
    (
        "bizenv check examples/2021-Q2 (json)",
        [*BIZENV, "check", "examples/2021-Q2", "--waivers", "examples/waivers.yaml",
         "--as-of", "2021-06-30", "--format", "json"],
    ),
]

# Exit codes that still mean the command did its job (1: it found problems in the data).
USABLE_EXIT_CODES = {0, 1}


def time_once(argv: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = {**os.environ, "NO_COLOR": "1"}
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done


def measure(argv: list[str], runs: int) -> tuple[float | None, str]:
    """Median seconds over ``runs`` (after one warm-up run), or None and why it was skipped."""
    _, done = time_once(argv)
    if done.returncode not in USABLE_EXIT_CODES:
        lines = (done.stderr or done.stdout).strip().splitlines()
        return None, f"skipped: exit {done.returncode}: {lines[-1] if lines else 'no output'}"
    times = [time_once(argv)[0] * 1000 for _ in range(runs)]
    return statistics.median(times) / 1000, f"min {min(times):.0f} ms, max {max(times):.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (default 7)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    rows = [(label, *measure(argv, args.runs)) for label, argv in COMMANDS]
    width = max(len(label) for label, _, _ in rows)
    print(f"Median wall time of {args.runs} runs (python {sys.version.split()[0]}, {sys.platform})")
    base = rows[0][1]  # the yardstick; `bizenv --help` aims at 1.2x or less
    print(f"{'command':<{width}}  {'median':>9}  {'x click':>7}  note")
    for label, median, note in rows:
        shown = f"{median * 1000:.0f} ms" if median is not None else "-"
        ratio = f"{median / base:.2f}x" if median is not None and base else "-"
        print(f"{label:<{width}}  {shown:>9}  {ratio:>7}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`bizenv history` over many periods, and one bad line in each of many files, beside their
yardsticks (issue 15).

- history of N daily submissions (one value each) on the shipped measures, beside
  `bizenv check` of the same folder (loading them once and evaluating once): history
  evaluates once per day, each on the few submissions that decide it, so it should grow
  linearly in N; the yardstick is N times one evaluation.
- `check` of N files with one unknown target id each: the bytes written to stderr, beside
  the 3 MB that printing every finding took for 10,000 files (100 of one code are printed,
  then one line counts the rest).

Medians of fresh processes; numbers depend on the machine: compare rows of one run.

    python benchmarks/bench_history.py [--runs 3] [--periods 100 300 500]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

BIZENV = [sys.executable, "-m", "bizenv_cli"]


def daily(folder: Path, count: int, bad: bool = False) -> Path:
    folder.mkdir()
    target = "m12-loan-documentz" if bad else "m12-loan-documents"
    for i in range(count):
        day = date(2021, 1, 1) + timedelta(days=i)
        (folder / f"r{i:05d}.yaml").write_text(
            f'department: 财金局\nas_of: "{day}"\nentries:\n  {target}:\n    value: {5 + i % 7}\n',
            encoding="utf-8",
        )
    return folder


def timed(argv: list[str], runs: int) -> tuple[float, int]:
    times, err = [], 0
    for _ in range(runs):
        begun = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, check=False)
        times.append(time.perf_counter() - begun)
        err = len(done.stderr)
    return statistics.median(times), err


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--periods", type=int, nargs="*", default=[100, 300, 500])
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        print(f"{'periods':>8} {'history s':>10} {'check s':>8} {'ms/period':>10}")
        for n in args.periods:
            folder = daily(root / f"d{n}", n)
            history, _ = timed([*BIZENV, "history", str(folder), "--format", "json"], args.runs)
            check, _ = timed(
                [*BIZENV, "check", str(folder), "--as-of", "2050-01-01", "--format", "json"],
                args.runs,
            )
            print(f"{n:>8} {history:>10.2f} {check:>8.2f} {(history - check) / n * 1000:>10.1f}")
        bad = daily(root / "bad", args.files, bad=True)
        took, err = timed([*BIZENV, "check", str(bad), "--as-of", "2050-01-01"], 1)
        print(f"\n{args.files:,} files with one bad line: stderr {err:,} bytes in {took:.1f} s "
              "(yardstick: every finding printed, 2,979,894 bytes for 10,000 files)")


if __name__ == "__main__":
    main()

"""Time and peak memory of `bizenv check` on old Excel (.xls) files, beside the yardstick
(1 s, 200 MB for a file that is read; a refused one within the child's 768 MB and 30 s).

The files are made here with the tests' BIFF writer (tests/spreadsheet/biff.py):

- ``return``: a department's return, a few dozen cells;
- ``rows-10000``: 10,000 target rows (the sheet limit), value and sample-size columns;
- ``far-apart``: two cells, A1 and IV60001 (calamine: a dense 60,000 x 250 block);
- ``dense-max``: a cell at IV65536 with a dimensions record claiming it (the BIFF8 maximum).

Each is checked in a fresh process; the peak RSS is the largest of the command and its
reader child. Numbers depend on the machine.

    python benchmarks/bench_xls.py
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "spreadsheet"))
from biff import xls  # noqa: E402

MEASURES = ROOT / "tests" / "data" / "spreadsheet" / "measures"
YARDSTICK_SECONDS, YARDSTICK_MB = 1.0, 200
HEAD: dict[tuple[int, int], object] = {
    (0, 0): "部门 Department", (0, 1): "区供电公司", (1, 0): "填报期间 Period", (1, 1): "2021-Q2",
    (4, 0): "目标编号 Target id", (4, 1): "填报值 Value", (4, 2): "样本数 Sample size",
    (5, 0): "m05-high-voltage-connection-days", (5, 1): 25,
}


def files() -> dict[str, bytes]:
    rows = dict(HEAD)
    for r in range(6, 6 + 9_990):
        rows[(r, 0)], rows[(r, 2)] = "m05-high-voltage-connection-days", r
    return {
        "return": xls("区供电公司", HEAD),
        "rows-10000": xls("区供电公司", rows),
        "far-apart": xls("区供电公司", {**HEAD, (60_000, 249): 1}),
        "dense-max": xls("区供电公司", {**HEAD, (65_535, 255): 1}, dimensions=(65_535, 255)),
    }


def main() -> None:
    bizenv = Path(sys.executable).with_name("bizenv")
    print(f"{'file':<12} {'bytes':>9} {'seconds':>8} {'peak MB':>8}  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for name, data in files().items():
            path = Path(folder) / f"{name}.xls"
            path.write_bytes(data)
            start = time.perf_counter()
            done = subprocess.run(
                [str(bizenv), "check", str(path), "--measures", str(MEASURES), "--as-of",
                 "2021-06-30"], capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
            said = next((line for line in done.stderr.splitlines() if " error " in line), "")
            outcome = said.split(" error ")[1][:60] if said else f"exit {done.returncode}"
            print(f"{name:<12} {len(data):>9,} {seconds:>8.2f} {peak:>8}  {outcome}")
    print(f"yardstick: {YARDSTICK_SECONDS} s, {YARDSTICK_MB} MB for a file read")


if __name__ == "__main__":
    main()

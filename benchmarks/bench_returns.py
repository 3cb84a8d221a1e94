"""`bizenv check` of a 10,000-row returned workbook (and the same rows as CSV), beside the
yardstick: openpyxl's own read-only pass over the workbook's cells (the obvious script).

The return is the department template with its rows repeated to 10,000 data rows (the
readers' limit, spreadsheet.table.MAX_DATA_ROWS). Medians of fresh processes; numbers
depend on the machine: compare rows of one run.

    python benchmarks/bench_returns.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEASURES = ROOT / "measures"
BIZENV = [sys.executable, "-m", "bizenv_cli"]
YARDSTICK = (
    "import sys\n"
    "from openpyxl import load_workbook\n"
    "book = load_workbook(sys.argv[1], read_only=True, data_only=True)\n"
    "n = sum(1 for sheet in book for row in sheet.iter_rows(values_only=True) for _ in row)\n"
)


def make(folder: Path, rows: int) -> tuple[Path, Path]:
    from openpyxl import load_workbook

    from bizenv_cli.spreadsheet.columns import HEADER_ROW

    template = folder / "t.xlsx"
    subprocess.run([*BIZENV, "template", "-p", "2021-Q2", "--measures", str(MEASURES),
                    "-o", str(template)], check=True, capture_output=True)
    book = load_workbook(template)
    sheet = book.active
    assert sheet is not None
    body = [[c.value for c in row] for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
    for i in range(len(body), rows):
        sheet.append(body[i % len(body)])
    xlsx = folder / "returned.xlsx"
    book.save(xlsx)
    csv_template = folder / "t.csv"
    subprocess.run([*BIZENV, "template", "-p", "2021-Q2", "--measures", str(MEASURES),
                    "-o", str(csv_template)], check=True, capture_output=True)
    lines = csv_template.read_text(encoding="utf-8-sig").splitlines()
    data = [ln for ln in lines[HEADER_ROW:] if ln]
    csv = folder / "returned.csv"
    csv.write_text("\n".join(lines[:HEADER_ROW] + [data[i % len(data)] for i in range(rows)])
                   + "\n", encoding="utf-8-sig")
    return xlsx, csv


def median(argv: list[str], runs: int) -> float:
    subprocess.run(argv, capture_output=True, check=False)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{argv}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        xlsx, csv = make(Path(tmp), args.rows)
        check = ["check", "--measures", str(MEASURES), "--as-of", "2021-06-30", "--format", "json"]
        rows = {
            "openpyxl read-only pass (yardstick)": [sys.executable, "-c", YARDSTICK, str(xlsx)],
            f"bizenv check, {args.rows:,}-row .xlsx": [*BIZENV, *check, str(xlsx)],
            f"bizenv check, {args.rows:,}-row .csv": [*BIZENV, *check, str(csv)],
        }
        results = {label: median(argv, args.runs) for label, argv in rows.items()}
    base = next(iter(results.values()))
    print(f"median of {args.runs} runs (python {sys.version.split()[0]})")
    for label, seconds in results.items():
        print(f"{label:<38} {seconds * 1000:8.0f} ms  {seconds / base:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

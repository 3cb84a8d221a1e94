"""Time and peak memory of reading each hostile spreadsheet, beside the yardstick (1 s, 200 MB).

Every file of tests/data/hostile/spreadsheets (the bombs and the bad cells, made by its
make.py) is read in a fresh process, twice over:

- ``read``: the reader alone (``read_xlsx``/``read_csv``, after the imports, openpyxl
  included), the best wall time of --runs, and the peak RSS of that process
  (interpreter and imports included);
- ``check``: the whole ``bizenv check FILE`` command, wall time and peak RSS.

The outcome column is the finding's code (or "read" when the file is read). Only the
standard library is used; numbers depend on the machine.

    python benchmarks/bench_xlsx_bombs.py [--runs 3] [FILE ...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "hostile" / "spreadsheets"
MEASURES = ROOT / "tests" / "data" / "check" / "measures"
YARDSTICK_SECONDS, YARDSTICK_MB = 1.0, 200

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from bizenv_cli.reading.yamlsafe import YamlLoadError
from bizenv_cli.loading import spreadsheet
import bizenv_cli.spreadsheet.csv_reader, bizenv_cli.spreadsheet.xlsx_reader, openpyxl.reader.excel
path = Path(sys.argv[1])
read = spreadsheet.read_xlsx if path.suffix == ".xlsx" else spreadsheet.read_csv
seconds = float("inf")
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    try:
        read(path, path.name)
        outcome = "read"
    except YamlLoadError as exc:
        outcome = exc.findings[0].code
    seconds = min(seconds, time.perf_counter() - start)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "mb": peak, "outcome": outcome}))
"""


def _read(path: Path, runs: int) -> dict[str, float | str]:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(runs)], capture_output=True,
                          text=True, check=True, timeout=120)
    result: dict[str, float | str] = json.loads(done.stdout)
    return result


def _check(path: Path) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of `bizenv check FILE` in its own process."""
    argv = [sys.executable, "-m", "bizenv_cli", "check", str(path), "--measures", str(MEASURES),
            "--as-of", "2021-06-30"]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: run the command with no output
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(sys.executable, argv)
    _, _, usage = os.wait4(pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="reads per file; the best counts")
    parser.add_argument("names", nargs="*", help="files of the corpus (default: all)")
    args = parser.parse_args(argv)
    names: list[str] = args.names
    files = [CORPUS / n for n in names] if names else sorted(
        p for p in CORPUS.iterdir() if p.suffix in (".xlsx", ".csv"))
    print(f"yardstick: {YARDSTICK_SECONDS:.1f} s, {YARDSTICK_MB} MB peak RSS "
          f"(python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    print(f"{'file':34} {'KB':>6} {'outcome':>8} {'read s':>7} {'read MB':>8} "
          f"{'check s':>8} {'check MB':>9}")
    over = 0
    for path in files:
        read = _read(path, args.runs)
        seconds, mb = _check(path)
        flag = ""
        if float(read["seconds"]) > YARDSTICK_SECONDS or max(float(read["mb"]), mb) > YARDSTICK_MB:
            flag, over = "  <-- over the yardstick", over + 1
        print(f"{path.name:34} {path.stat().st_size / 1024:6.0f} {read['outcome']!s:>8} "
              f"{float(read['seconds']):7.3f} {float(read['mb']):8.0f} {seconds:8.2f} "
              f"{mb:9.0f}{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The start-up and document figures of issue 16, each beside its yardstick.

- `report --pdf` of the example quarter (all default views) against the 1 s target;
- `bizenv workdays` and `bizenv validate ONE_FILE` against 1.5x `python -c "import pydantic,
  yaml"` (they import only what they use);
- `check --format xlsx` with numpy installed: whether numpy is imported (openpyxl imports it
  when it can), and the time against the same command with numpy hidden.

Each command is a fresh process, run several times after a warm-up (as hyperfine does); the
median and the minimum are printed. Only the standard library is used; numbers depend on
the machine (2 shared cores here): compare rows of one run.

    python benchmarks/bench_startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BIZENV = [PY, "-m", "bizenv_cli"]
QUARTER = ["examples/2021-Q2", "--waivers", "examples/waivers.yaml", "--as-of", "2021-06-30"]
# A site folder whose numpy cannot be imported: the run "without numpy" puts it first.
NO_NUMPY = "import sys; sys.modules['numpy'] = None  # type: ignore\n"


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    start = time.perf_counter()
    done = subprocess.run(
        argv, cwd=ROOT, env={**os.environ, "NO_COLOR": "1", **(env or {})},
        capture_output=True, text=True, check=False,
    )
    return time.perf_counter() - start, done.returncode, done.stdout + done.stderr


def timed(argv: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """(median, min) seconds over ``runs`` after a warm-up; SystemExit if the command fails."""
    _, code, out = run(argv, env)
    if code not in (0, 1):
        sys.exit(f"{' '.join(argv)}: exit {code}\n{out[-2000:]}")
    times = [run(argv, env)[0] for _ in range(runs)]
    return statistics.median(times), min(times)


def row(label: str, figure: tuple[float, float], yardstick: str, verdict: str) -> None:
    median, low = figure
    print(f"{label:<44} {median * 1000:7.0f} ms (min {low * 1000:5.0f})  {yardstick:<34} {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs per command (default 9)")
    runs = parser.parse_args().runs
    print(f"Median wall time of {runs} fresh processes (python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "pack.pdf"
        if importlib.util.find_spec("fpdf") is None:
            print("report --pdf: skipped (the pdf extra is not installed)")
        else:
            figure = timed([*BIZENV, "report", *QUARTER, "--pdf", str(pdf)], runs)
            row("report examples/2021-Q2 --pdf", figure, "target: 1000 ms",
                "ok" if figure[0] < 1.0 else "OVER")

        base = timed([PY, "-c", "import pydantic, yaml"], runs)
        limit = base[0] * 1.5
        row('python -c "import pydantic, yaml"', base, "yardstick (x1.5 = limit)",
            f"limit {limit * 1000:.0f} ms")
        for label, argv in (
            ("bizenv workdays 2021-06-01 2021-06-30",
             [*BIZENV, "workdays", "2021-06-01", "2021-06-30"]),
            ("bizenv validate measures/05-....yaml",
             [*BIZENV, "validate", "measures/05-power-connection-time.yaml"]),
        ):
            figure = timed(argv, runs)
            ratio = figure[0] / base[0]
            row(label, figure, f"{ratio:.2f}x the yardstick",
                "ok" if figure[0] <= limit else "OVER 1.5x")

        xlsx = str(Path(tmp) / "check.xlsx")
        check = [*BIZENV, "check", *QUARTER, "--format", "xlsx", "-o", xlsx]
        probe = (
            "import runpy, sys\n"
            f"sys.argv = {['bizenv', *check[3:]]!r}\n"
            "try:\n    runpy.run_module('bizenv_cli', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print('numpy imported:', 'numpy' in sys.modules and sys.modules['numpy'] is not None,"
            " file=sys.stderr)\n"
        )
        if importlib.util.find_spec("numpy") is None:
            print("check --format xlsx: numpy is not installed here (make bench installs it)")
        else:
            _, _, out = run([PY, "-c", probe])
            imported = "numpy imported: True" in out
            with_numpy = timed(check, runs)
            hidden = Path(tmp) / "hide"
            hidden.mkdir()
            (hidden / "sitecustomize.py").write_text(NO_NUMPY, encoding="utf-8")
            without = timed(check, runs, {"PYTHONPATH": str(hidden)})
            row("check --format xlsx (numpy installed)", with_numpy,
                f"numpy hidden: {without[0] * 1000:.0f} ms",
                "numpy IMPORTED" if imported else "numpy not imported: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

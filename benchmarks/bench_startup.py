"""The start-up and document figures of issue 16, each beside its yardstick.

- `report --pdf` of the example quarter (all default views) against the 1 s target;
- `bizenv workdays` and `bizenv validate ONE_FILE` against 1.5x `python -c "import pydantic,
  yaml"` (they import only what they use; a second run reads what the first kept in the cache
  folder); the same two with nothing kept (a cache folder that cannot be written): the first
  run after an edit;
- `check --format xlsx` with numpy installed: whether numpy is imported (openpyxl imports it
  when it can), and the time against the same command with numpy hidden.

Each command is a fresh process, run several times after a warm-up (as hyperfine does); the
median and the minimum wall time are printed, and the median CPU time (user + system) of
the process, which other work on a shared machine disturbs less. Only the standard library
is used; numbers depend on the machine (2 shared cores here): compare rows of one run.
bizenv's own modules are compiled first (as installing a wheel does): under
PYTHONDONTWRITEBYTECODE=1 an editable install would otherwise compile them in every run,
which the yardstick's installed libraries never do.

    python benchmarks/bench_startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import resource
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


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int, str]:
    """(wall seconds, CPU seconds of the process, exit code, output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        argv, cwd=ROOT, env={**os.environ, "NO_COLOR": "1", **(env or {})},
        capture_output=True, text=True, check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, done.returncode, done.stdout + done.stderr


Figure = tuple[float, float, float]  # median wall, min wall, median CPU (seconds)


def timed(argv: list[str], runs: int, env: dict[str, str] | None = None) -> Figure:
    """Medians over ``runs`` after a warm-up; SystemExit if the command fails."""
    _, _, code, out = run(argv, env)
    if code not in (0, 1):
        sys.exit(f"{' '.join(argv)}: exit {code}\n{out[-2000:]}")
    done = [run(argv, env) for _ in range(runs)]
    walls = [d[0] for d in done]
    return statistics.median(walls), min(walls), statistics.median(d[1] for d in done)


def row(label: str, figure: Figure, yardstick: str, verdict: str) -> None:
    median, low, cpu = figure
    print(
        f"{label:<40} {median * 1000:6.0f} ms (min {low * 1000:4.0f}, cpu {cpu * 1000:4.0f})"
        f"  {yardstick:<30} {verdict}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs per command (default 9)")
    runs = parser.parse_args().runs
    print(f"Median wall time of {runs} fresh processes (python {sys.version.split()[0]})")
    package = importlib.util.find_spec("bizenv_cli")
    if package is not None and package.origin:  # bytecode, as a wheel's install leaves
        compileall.compile_dir(Path(package.origin).parent, quiet=1)
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
        blocked = Path(tmp) / "not-a-folder"
        blocked.write_text("a cache folder cannot be made under a file", encoding="utf-8")
        nothing_kept = {"BIZENV_CACHE": str(blocked / "cache")}
        for label, argv, env in (
            ("bizenv workdays 2021-06-01 2021-06-30",
             [*BIZENV, "workdays", "2021-06-01", "2021-06-30"], None),
            ("bizenv validate measures/05-....yaml",
             [*BIZENV, "validate", "measures/05-power-connection-time.yaml"], None),
            ("  the same, nothing kept (workdays)",
             [*BIZENV, "workdays", "2021-06-01", "2021-06-30"], nothing_kept),
            ("  the same, nothing kept (validate)",
             [*BIZENV, "validate", "measures/05-power-connection-time.yaml"], nothing_kept),
        ):
            figure = timed(argv, runs, env)
            ratio = figure[0] / base[0]
            verdict = "ok" if figure[0] <= limit else "OVER 1.5x"
            row(label, figure, f"{ratio:.2f}x the yardstick", verdict if env is None else "")

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
            out = run([PY, "-c", probe])[3]
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

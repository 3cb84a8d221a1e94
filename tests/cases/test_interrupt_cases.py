"""SIGTERM while `cases --exceptions x.xlsx` writes the worksheet: the process ends with
143 and 'Terminated.', prints no "Exception ignored" traceback, and leaves nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.cases.helpers import write_csv
from tests.conftest import ROOT

# bizenv whose worksheet writer says so after a few rows, then waits to be killed.
SLOW_ROWS = """
import pathlib, sys, time
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

real = WriteOnlyWorksheet.append
count = [0]

def append(self, row):
    real(self, row)
    count[0] += 1
    if count[0] == 3:
        pathlib.Path(sys.argv[1]).write_text("writing")
        time.sleep(60)

WriteOnlyWorksheet.append = append
from bizenv_cli.cli import main
main(sys.argv[2:])
"""


def test_sigterm_while_the_exceptions_workbook_is_written(tmp_path: Path) -> None:
    rows = [[f"A{i}", "2021-01-04 09:00", "2021-06-04 10:00"] for i in range(10)]
    path = write_csv(tmp_path / "c.csv", ["单号", "开始", "结束"], rows)
    out = tmp_path / "out"
    out.mkdir()
    ready = tmp_path / "ready"
    args = [
        sys.executable,
        "-c",
        SLOW_ROWS,
        str(ready),
        "cases",
        str(path),
        "--target",
        "m05-high-voltage-connection-days",
        "--start",
        "开始",
        "--end",
        "结束",
        "--id",
        "单号",
        "--as-of",
        "2021-06-30",
        "--measures",
        str(ROOT / "measures"),
        "--exceptions",
        str(out / "over.xlsx"),
    ]
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        args, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while not ready.exists():
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline, "the writer never started"
            time.sleep(0.02)
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 143, stderr
    assert "Terminated." in stderr
    assert "Exception ignored" not in stderr and "Traceback" not in stderr, stderr
    assert list(out.iterdir()) == []

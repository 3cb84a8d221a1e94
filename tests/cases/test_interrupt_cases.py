"""SIGTERM while `cases --exceptions x.xlsx` writes the worksheet: the process ends with
143 and 'Terminated.', prints no "Exception ignored" traceback, and leaves nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.cases.helpers import QUICK, write_csv
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
        *QUICK,
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


# bizenv reading a CSV two rows at a time, which says so after three batches, then waits.
SLOW_BATCHES = """
import pathlib, sys, time
from bizenv_cli.cases import read, read_csv

read.CHUNK_ROWS = 2
real = read_csv.CsvFile.batches

def batches(self, rows):
    for n, frame in enumerate(real(self, rows)):
        yield frame
        if n == 2:
            pathlib.Path(sys.argv[1]).write_text("reading")
            time.sleep(60)

read_csv.CsvFile.batches = batches
from bizenv_cli.cli import main
main(sys.argv[2:])
"""


@pytest.mark.parametrize(
    ("signum", "code", "said"),
    [(signal.SIGTERM, 143, "Terminated."), (signal.SIGINT, 130, "Interrupted.")],
    ids=["SIGTERM", "SIGINT"],
)
def test_a_signal_while_batches_are_read_leaves_nothing(
    tmp_path: Path, signum: int, code: int, said: str
) -> None:
    """A GB18030 file (transcoded into a temporary folder) read a batch at a time: the
    signal ends the run as elsewhere, and neither the copy nor an output is left."""
    rows = [[f"甲{i}", "2021-01-04 09:00", "2021-06-04 10:00"] for i in range(12)]
    path = write_csv(tmp_path / "c.csv", ["单号", "开始", "结束"], rows, encoding="gb18030")
    out, private = tmp_path / "out", tmp_path / "tmpdir"
    out.mkdir()
    private.mkdir()
    ready = tmp_path / "ready"
    args = [sys.executable, "-c", SLOW_BATCHES, str(ready), "cases", str(path), *QUICK,
            "--measures", str(ROOT / "measures"), "--exceptions", str(out / "over.csv")]
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src"),
           "TMPDIR": str(private)}
    proc = subprocess.Popen(
        args, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while not ready.exists():
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline, "the batches were never read"
            time.sleep(0.02)
        assert [p.name[:13] for p in private.iterdir()] == ["bizenv-cases-"]  # the copy
        proc.send_signal(signum)
        _, stderr = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == code, stderr
    assert said in stderr
    assert "Exception ignored" not in stderr and "Traceback" not in stderr, stderr
    assert list(out.iterdir()) == [] and list(private.iterdir()) == []

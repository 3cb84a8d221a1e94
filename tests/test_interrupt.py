"""An interrupted write (SIGTERM, SIGHUP, Ctrl-C, a full disk) leaves no partial output
and no temporary file. Each test runs bizenv in a subprocess whose writer stops halfway
(the temporary file half written) until the signal arrives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import DATA, ROOT, Result

# bizenv with a writer that writes half the output, says so, then waits to be killed.
SLOW_WRITER = """
import pathlib, sys, time
import bizenv_cli.fileio as fileio

real = fileio.save_atomic

def save_atomic(path, save):
    def half(tmp):
        tmp.write_bytes(b"half a report")
        pathlib.Path(sys.argv[1]).write_text("writing")
        time.sleep(60)
    real(path, half)

fileio.save_atomic = save_atomic
from bizenv_cli.cli import main
main(sys.argv[2:])
"""


@pytest.mark.parametrize(
    ("signum", "code", "said"),
    [(signal.SIGTERM, 143, "Terminated."), (signal.SIGHUP, 129, "Stopped."),
     (signal.SIGINT, 130, "Interrupted.")],
    ids=["SIGTERM", "SIGHUP", "SIGINT"],
)
def test_a_signal_mid_write_leaves_the_old_file_and_nothing_else(
    tmp_path: Path, signum: int, code: int, said: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").write_text("old", encoding="utf-8")
    ready = tmp_path / "ready"
    args = [sys.executable, "-c", SLOW_WRITER, str(ready), "report",
            str(DATA / "check" / "quarter"), "--as-of", "2021-06-30",
            "--measures", str(DATA / "check" / "measures"), "--markdown", str(out / "report.md")]
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(args, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not ready.exists():
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline, "the writer never started"
            time.sleep(0.02)
        assert len(list(out.iterdir())) == 2  # report.md and the half-written temporary file
        proc.send_signal(signum)
        _, stderr = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == code, stderr
    assert said in stderr and "Traceback" not in stderr
    assert [p.name for p in out.iterdir()] == ["report.md"]
    assert (out / "report.md").read_text(encoding="utf-8") == "old"


def test_a_workbook_on_a_full_disk_is_a_clean_error(run: Callable[..., Result]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    result = run("template", "--format", "xlsx", "--measures", DATA / "check" / "measures",
                 "-o", "/dev/full")
    assert result.exit_code == 3
    assert "bizenv: error: cannot write /dev/full: No space left on device" in result.stderr
    assert "Traceback" not in result.output and "Exception ignored" not in result.output


def test_stdout_on_a_full_disk_is_a_clean_error(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src")}
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "bizenv_cli", "list", "--measures",
             str(DATA / "check" / "measures")],
            stdout=full, stderr=subprocess.PIPE, text=True, env=env, timeout=60,
        )
    assert proc.returncode == 3, proc.stderr
    assert proc.stderr == "bizenv: error: cannot write the output: No space left on device\n"

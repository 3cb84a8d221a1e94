"""A reader that stops early (`bizenv ... | head -1`) changes neither exit codes nor files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

EXAMPLE = ["examples/2021-Q2", "--waivers", "examples/waivers.yaml", "--as-of", "2021-06-30"]


def _first_line_then_close(*args: str) -> int:
    """Run bizenv with a big output, read one line, close the pipe, return the exit code."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bizenv_cli", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "COLUMNS": "80"},
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()
    return proc.wait(timeout=60)


def test_check_keeps_its_exit_code_when_the_reader_leaves() -> None:
    assert _first_line_then_close("check", *EXAMPLE, "--fail-on", "never") == 0
    assert _first_line_then_close("check", *EXAMPLE, "--format", "json") == 1


def test_report_still_writes_its_exports_when_the_reader_leaves(tmp_path: Path) -> None:
    markdown = tmp_path / "report.md"
    assert _first_line_then_close("report", *EXAMPLE, "--markdown", str(markdown)) == 0
    assert markdown.read_text(encoding="utf-8").startswith("#")


def test_list_exits_0_when_the_reader_leaves() -> None:
    assert _first_line_then_close("list") == 0

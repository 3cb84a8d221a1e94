"""polars and calamine load only when cases are read: not for `bizenv cases --help`, and
never for the other commands."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def _loaded(args: list[str]) -> list[str]:
    code = (
        "import os, sys\n"
        "from bizenv_cli.cli import cli\n"
        "try:\n"
        f"    cli.main({args!r}, standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "engines = ('polars', 'python_calamine')\n"
        "print('LOADED=' + ','.join(m for m in engines if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return [m for m in out.stdout.strip().splitlines()[-1].split("=")[1].split(",") if m]


def test_cases_help_loads_no_engine() -> None:
    assert _loaded(["cases", "--help"]) == []


def test_other_commands_load_no_engine() -> None:
    assert _loaded(["check", "examples/2021-Q2", "--as-of", "2021-06-30", "--format", "json"]) == []
    assert _loaded(["workdays", "2021-09-24", "2021-10-11"]) == []
    assert _loaded(["validate", "measures"]) == []  # it checks cases.yaml, reads no cases

"""The entry point itself: version, help, the exit-code contract, the error path."""

from __future__ import annotations

import subprocess
import sys


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert "bizenv, version" in result.stdout


def test_help_documents_exit_codes(run):
    result = run("--help")
    assert result.exit_code == 0
    assert "Exit codes: 0 ok; 1 findings" in result.stdout


def test_unknown_command_is_usage_error(run):
    result = run("frobnicate")
    assert result.exit_code == 2
    assert "No such command" in result.stderr


def test_help_imports_no_heavy_modules():
    code = (
        "import sys\n"
        "from bizenv_cli.cli import cli\n"
        "try:\n"
        "    cli.main(['--help'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in ('pydantic', 'yaml', 'rich') if m in sys.modules)\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "HEAVY="

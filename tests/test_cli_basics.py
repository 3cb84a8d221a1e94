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


def test_bare_bizenv_prints_the_help_and_exits_0(run):
    result = run()
    assert result.exit_code == 0
    assert "Commands:" in result.stdout and "validate" in result.stdout


def test_start_up_imports_neither_diagnostics_nor_traceback():
    code = (
        "import sys\n"
        "from bizenv_cli.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('LOADED=' + ','.join(m for m in ('bizenv_cli.diagnostics', 'traceback')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "LOADED="


def test_template_refuses_a_suffix_check_cannot_read(run, tmp_path):
    result = run("template", "-p", "2021-Q2", "-o", tmp_path / "x.txt")
    assert result.exit_code == 2
    assert ".yaml" in result.stderr and ".xlsx" in result.stderr and ".csv" in result.stderr
    assert not (tmp_path / "x.txt").exists()
    mismatch = run("template", "-p", "2021-Q2", "--format", "xlsx", "-o", tmp_path / "x.yaml")
    assert mismatch.exit_code == 2

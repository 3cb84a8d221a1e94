"""Shared fixtures: run the CLI as a user would and capture what they see."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
MEASURES = ROOT / "measures"
DATA = Path(__file__).resolve().parent / "data"


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No colour, no CI auto-detection, a fixed locale: output is the same everywhere."""
    for var in (
        "GITHUB_ACTIONS", "FORCE_COLOR", "BIZENV_DEBUG", "BIZENV_MEASURES", "LC_ALL", "LANG",
        "LANGUAGE",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")


@pytest.fixture
def run() -> Callable[..., Result]:
    """run("validate", "measures") -> Result, through the real entry point and error path."""
    from bizenv_cli.cli import cli
    from bizenv_cli.cli.errors import run as run_cli

    def _run(*args: str | os.PathLike[str], cwd: Path | None = None) -> Result:
        runner = CliRunner()
        argv = [str(a) for a in args]
        old = Path.cwd()
        os.chdir(cwd or ROOT)
        try:
            outcome: dict[str, int] = {}

            def target() -> None:
                outcome["code"] = run_cli(cli, argv, debug="--debug" in argv)

            from click import command

            wrapper = command()(target)
            res = runner.invoke(wrapper, [], catch_exceptions=False)
        finally:
            os.chdir(old)
        return Result(outcome.get("code", res.exit_code), res.stdout, res.stderr)

    return _run

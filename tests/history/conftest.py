"""Helpers for the history, diff and baseline tests: the example quarters on the real measures.

The same read-only runs (a check of the example quarters, a history) serve many tests, so
they run once per session: ``json_of`` and ``saved_check`` remember their results. Each
goes through the real entry point and error path, as the ``run`` fixture does.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click import command
from click.testing import CliRunner

from conftest import ROOT, Result

QUARTERS = ("examples/2021-Q1", "examples/2021-Q2", "examples/2021-Q3")
ENDS = ("2021-03-31", "2021-06-30", "2021-09-30")
WAIVERS = ("--waivers", "examples/waivers.yaml")


def _invoke(argv: list[str]) -> Result:
    from bizenv_cli.cli import cli
    from bizenv_cli.cli.errors import run as run_cli

    outcome: dict[str, int] = {}

    def target() -> None:
        outcome["code"] = run_cli(cli, argv, debug=False)

    old = Path.cwd()
    os.chdir(ROOT)
    try:
        res = CliRunner().invoke(command()(target), [], catch_exceptions=False)
    finally:
        os.chdir(old)
    return Result(outcome.get("code", res.exit_code), res.stdout, res.stderr)


@pytest.fixture(scope="session")
def _memo() -> dict[tuple[str, ...], Result]:
    return {}


@pytest.fixture
def json_of(_memo: dict[tuple[str, ...], Result]) -> Callable[..., dict[str, Any]]:
    """json_of("history", ...) -> the parsed stdout of a run that must succeed (exit 0 or 1)."""

    def _json(*args: str | Path) -> dict[str, Any]:
        key = (*(str(a) for a in args), "--format", "json")
        if key not in _memo:
            _memo[key] = _invoke(list(key))
        result = _memo[key]
        assert result.exit_code in (0, 1), result.output
        doc: dict[str, Any] = json.loads(result.stdout)
        return doc

    return _json


@pytest.fixture(scope="session")
def _saved(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, ...], Path]:
    return {}


@pytest.fixture
def saved_check(
    _saved: dict[tuple[str, ...], Path], tmp_path_factory: pytest.TempPathFactory
) -> Callable[..., Path]:
    """saved_check(name, *quarters) -> a `check --format json -o` file of those quarters.

    Written once per session for each set of quarters: tests copy it before changing it.
    """

    def _save(name: str, *quarters: str) -> Path:
        if quarters not in _saved:
            out = tmp_path_factory.mktemp("saved") / f"{name}.json"
            result = _invoke(["check", *quarters, *WAIVERS, "--format", "json", "-o", str(out)])
            assert result.exit_code in (0, 1), result.output
            _saved[quarters] = out
        return _saved[quarters]

    return _save

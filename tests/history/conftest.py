"""Helpers for the history, diff and baseline tests: the example quarters on the real measures."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

QUARTERS = ("examples/2021-Q1", "examples/2021-Q2", "examples/2021-Q3")
ENDS = ("2021-03-31", "2021-06-30", "2021-09-30")
WAIVERS = ("--waivers", "examples/waivers.yaml")


@pytest.fixture
def json_of(run: Callable[..., Any]) -> Callable[..., dict[str, Any]]:
    """json_of("history", ...) -> the parsed stdout of a run that must succeed (exit 0 or 1)."""

    def _json(*args: str | Path) -> dict[str, Any]:
        result = run(*args, "--format", "json")
        assert result.exit_code in (0, 1), result.output
        doc: dict[str, Any] = json.loads(result.stdout)
        return doc

    return _json


@pytest.fixture
def saved_check(run: Callable[..., Any], tmp_path: Path) -> Callable[..., Path]:
    """saved_check(name, *quarters) -> a `check --format json -o` file of those quarters."""

    def _save(name: str, *quarters: str) -> Path:
        out = tmp_path / f"{name}.json"
        result = run("check", *quarters, *WAIVERS, "--format", "json", "-o", out)
        assert result.exit_code in (0, 1), result.output
        return out

    return _save

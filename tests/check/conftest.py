"""Helpers for the `bizenv check` tests: the fixture measure set and JSON runs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CHECK_DATA = Path(__file__).resolve().parent.parent / "data" / "check"
FIXTURE_MEASURES = CHECK_DATA / "measures"


@pytest.fixture
def check_json(run: Callable[..., Any]) -> Callable[..., tuple[int, dict[str, Any]]]:
    """check_json(*args) -> (exit code, parsed JSON) on the fixture measures."""

    def _check(*args: str | Path) -> tuple[int, dict[str, Any]]:
        result = run("check", *args, "--measures", FIXTURE_MEASURES, "--format", "json")
        assert result.exit_code in (0, 1), result.output
        return result.exit_code, json.loads(result.stdout)

    return _check


def by_target(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["target"]: r for r in doc["results"]}

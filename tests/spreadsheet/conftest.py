"""Helpers for the spreadsheet tests: write a template, fill it in as a person would, check it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "spreadsheet"
MEASURES = DATA / "measures"
AS_OF = "2021-06-30"


@pytest.fixture
def template(run: Callable[..., Any], tmp_path: Path) -> Callable[..., Path]:
    """template("xlsx") -> path of a fresh power-supply-company template for 2021-Q2."""

    def _template(fmt: str, department: str = "华容区供电公司", name: str = "template") -> Path:
        out = tmp_path / f"{name}.{fmt}"
        result = run("template", "--department", department, "--period", "2021-Q2",
                     "--measures", MEASURES, "--format", fmt, "-o", out)
        assert result.exit_code == 0, result.output
        return out

    return _template


@pytest.fixture
def check_json(run: Callable[..., Any]) -> Callable[..., tuple[int, dict[str, Any]]]:
    """check_json(file) -> (exit code, parsed JSON) on the fixture measures, as of 2021-06-30."""

    def _check(*files: Path) -> tuple[int, dict[str, Any]]:
        result = run("check", *files, "--measures", MEASURES, "--as-of", AS_OF, "--format", "json")
        assert result.exit_code in (0, 1), result.output
        return result.exit_code, json.loads(result.stdout)

    return _check

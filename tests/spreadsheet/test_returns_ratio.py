"""A ratio (0.92) typed for a percent target to reach (>= 90 %) is read as 92 %, with a
warning at the cell; a value with its unit stated (0.92%) is taken at its word."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import AS_OF, MEASURES
from .filling import fill_csv, fill_xlsx

TARGET = "m06-live-working-rate"  # >= 90 %
SAID = "0.92 for a percent target (>= 90 %) is read as the ratio 0.92 = 92 %"


def check(run: Callable[..., Any], path: Path) -> tuple[Any, dict[str, Any]]:
    result = run("check", path, "--measures", MEASURES, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 1, result.output  # other targets missing; no input error
    entry = next(r for r in json.loads(result.stdout)["results"] if r["target"] == TARGET)
    return result, entry


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_ratio_in_a_percent_cell(run: Callable[..., Any], template: Callable[..., Path],
                                   tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"returned.{fmt}"
    fill = fill_xlsx if fmt == "xlsx" else fill_csv
    layout = fill(template(fmt), out, {TARGET: {"填报值": 0.92}})
    result, entry = check(run, out)
    cell = layout.cell(TARGET, "填报值")
    row, col = layout.rows[TARGET], layout.cols["填报值"]
    assert f"{out}:{row}:{col}: warning C015 {cell}: {SAID}" in result.stderr
    assert (entry["reported"], entry["status"]) == (92, "met")


def test_a_ratio_in_a_yaml_submission(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "power.yaml"
    path.write_text("department: power-supply-company\nperiod: 2021-Q2\nentries:\n"
                    f"  {TARGET}:\n    value: 0.92\n", encoding="utf-8")
    result, entry = check(run, path)
    assert f"{path}:5:12: warning C015 {SAID}" in result.stderr
    assert entry["status"] == "met"


def test_a_percent_sign_is_taken_at_its_word(run: Callable[..., Any],
                                             template: Callable[..., Path],
                                             tmp_path: Path) -> None:
    out = tmp_path / "returned.xlsx"
    fill_xlsx(template("xlsx"), out, {TARGET: {"填报值": "0.92%"}})
    result, entry = check(run, out)
    assert "C015" not in result.stderr
    assert entry["reported"] == 0.92 and entry["status"] != "met"

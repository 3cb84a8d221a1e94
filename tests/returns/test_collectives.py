"""Collectives (区直各有关部门, kind: collective) are groups, not units: never "sent nothing",
never a notice; a target only collectives hold is listed under the lead office (区优化办)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data" / "spreadsheet" / "measures"
COLLECTIVE = "district-relevant-departments"


def collective_measures(tmp_path: Path) -> Path:
    """The spreadsheet fixture with measure 6 given to 区直各有关部门 alone."""
    measures = tmp_path / "measures"
    shutil.copytree(DATA, measures)
    for name, old, new in (
        ("06-power-reliability.yaml", "responsible: [economic-development-bureau, "
         "power-supply-company]", f"responsible: [{COLLECTIVE}]"),
        ("06-power-reliability.yaml", "理安排生产。(责任单位:经发局、区供电公司",
         "理安排生产。(责任单位:区直各有关部门"),
        ("source/plan.txt", "理安排生产。(责任单位:经发局、区供电公司",
         "理安排生产。(责任单位:区直各有关部门"),
    ):
        path = measures / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    return measures


def test_collectives_are_not_units(run: Callable[..., Any], tmp_path: Path) -> None:
    measures = collective_measures(tmp_path)
    result = run("check", "--measures", measures, "--as-of", "2021-08-31", "--format", "json")
    assert result.exit_code == 1, result.output
    units = {u["department"]: u for u in json.loads(result.stdout)["returns"]["units"]}
    assert COLLECTIVE not in units
    office = units["optimization-office"]
    assert office["sent_nothing"] and office["as_lead"] == 3
    assert office["targets"] == ["m06-live-working-rate", "m06-outages-per-line-per-year",
                                 "m06-average-outage-time-cut"]
    report = run("report", "--measures", measures, "--as-of", "2021-08-31", "--lang", "zh",
                 "--by", "department", "--by", "returns")
    assert report.exit_code in (0, 1), report.output
    assert "区直各有关部门" not in report.stdout
    assert "区优化办" in report.stdout


def test_no_results_sheet_for_a_collective(run: Callable[..., Any], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    measures = collective_measures(tmp_path)
    out = tmp_path / "结果.xlsx"
    result = run("check", "--measures", measures, "--as-of", "2021-08-31", "-o", out)
    assert result.exit_code == 1, result.output
    sheets = load_workbook(out).sheetnames
    assert "优化办" in sheets and not [s for s in sheets if "有关部门" in s]

"""Mistakes in a returned spreadsheet: exit 3 and a message naming the cell.

The cases are data: tests/data/spreadsheet/errors.yaml (one mistake in a filled template)
and tests/data/spreadsheet/bad/cases.yaml (files that are not usable at all).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl.utils import column_index_from_string

from .conftest import AS_OF, DATA, MEASURES
from .filling import fill_csv, fill_xlsx

CASES = yaml.safe_load((DATA / "errors.yaml").read_text(encoding="utf-8"))
BAD = DATA / "bad"
CELL_RE = re.compile(r"^(?:[^!:]+!)?([A-Z]+)([0-9]+): ")
BAD_CASES = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))


def _params() -> list[Any]:
    return [
        pytest.param(case, fmt, id=f"{fmt}: {case['name']}")
        for case in CASES
        for fmt in case.get("formats", ["xlsx", "csv"])
    ]


@pytest.mark.parametrize(("case", "fmt"), _params())
def test_mistake_is_reported_at_its_cell(run, template, tmp_path, case, fmt):
    out = tmp_path / f"returned.{fmt}"
    fill = fill_xlsx if fmt == "xlsx" else fill_csv
    layout = fill(template(fmt), out, case.get("cells", {}), labels=case.get("labels"),
                  append=case.get("append"))
    result = run("check", out, "--measures", MEASURES, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    expected = layout.resolve(case["expect"])
    lines = [line for line in result.stderr.splitlines() if line.startswith(f"{out}:")]
    assert any(expected in line for line in lines), (expected, result.stderr)
    # When the message starts with a cell, the location before it is that cell: file:row:col.
    cell = CELL_RE.match(expected)
    if cell:
        line = next(line for line in lines if expected in line)
        column = column_index_from_string(cell.group(1))
        location, _, message = line.partition(" error ")
        assert location == f"{out}:{cell.group(2)}:{column}:", line
        assert message.split(" ", 1)[1].startswith(expected), line  # the cell named once, first
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case", BAD_CASES, ids=[c["file"] for c in BAD_CASES])
def test_unusable_file(run, case):
    result = run("check", BAD / case["file"], "--measures", MEASURES, "--as-of", AS_OF)
    assert result.exit_code == 3, result.output
    assert case["expect"] in result.stderr
    assert "Traceback" not in result.output


def test_several_files_report_every_problem(run, template, tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.csv"
    fill_xlsx(template("xlsx"), first, {"m05-high-voltage-connection-days": {"填报值": "约30"}})
    fill_csv(template("csv"), second, {"m05-high-voltage-connection-days": {"填报值": "30天"}})
    result = run("check", first, second, "--measures", MEASURES, "--as-of", AS_OF)
    assert result.exit_code == 3
    assert "区供电公司!G" in result.stderr and "'约30' is not a number" in result.stderr
    assert "'30天' is not a number" in result.stderr


def test_same_target_in_workbook_and_yaml_names_both(run, template, tmp_path: Path):
    workbook = tmp_path / "a.xlsx"
    fill_xlsx(template("xlsx"), workbook, {"m05-high-voltage-connection-days": {"填报值": 25}})
    report = tmp_path / "b.yaml"
    report.write_text("department: power-supply-company\nperiod: 2021-Q2\nentries:\n"
                      "  m05-high-voltage-connection-days: {value: 26}\n", encoding="utf-8")
    result = run("check", workbook, report, "--measures", MEASURES, "--as-of", AS_OF)
    assert result.exit_code == 3
    assert "m05-high-voltage-connection-days is reported twice" in result.stderr
    assert str(workbook) in result.stderr and str(report) in result.stderr


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_validate_accepts_returned_spreadsheets(run, template, tmp_path, fmt):
    """`bizenv validate` reads spreadsheets too (run where measures/ is the fixture set)."""
    good, bad = tmp_path / f"good.{fmt}", tmp_path / f"bad.{fmt}"
    fill = fill_xlsx if fmt == "xlsx" else fill_csv
    fill(template(fmt), good, {"m05-high-voltage-connection-days": {"填报值": 25}})
    layout = fill(template(fmt), bad, {"m05-on-site-supply-plan": {"完成状态": "进行中",
                                                                    "完成日期": "2021-05-01"}})
    assert run("validate", good, cwd=DATA).exit_code == 0
    result = run("validate", bad, cwd=DATA)
    assert result.exit_code == 1
    cell = layout.cell("m05-on-site-supply-plan", "完成日期")
    assert f"{cell}: 'completed' is given but state is in_progress" in result.output

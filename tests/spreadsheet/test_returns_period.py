"""A return for another period is named with its period; `check --period` checks a workbook
that states none; an as-of date far past the returns is a warning."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from tests.conftest import zh_title

from .conftest import AS_OF, MEASURES
from .filling import SHEET, fill_xlsx

TARGET = "m05-high-voltage-connection-days"


def q1_workbook(template: Callable[..., Path], tmp_path: Path) -> Path:
    out = tmp_path / "区供电公司-一季度.xlsx"
    fill_xlsx(template("xlsx"), out, {TARGET: {"填报值": 25}}, labels={"填报期间": "2021-Q1"})
    return out


def used(result: Any) -> dict[str, Any]:
    return next(r for r in json.loads(result.stdout)["results"] if r["target"] == TARGET)


def test_last_quarters_workbook_is_named(run: Callable[..., Any], template: Callable[..., Path],
                                         tmp_path: Path) -> None:
    out = q1_workbook(template, tmp_path)
    result = run("check", out, "--measures", MEASURES, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 1, result.output
    assert (f"{out}:2:2: warning C017 {SHEET}!B2: this return is for 2021-Q1, but the check is "
            "as of 2021-06-30, after all of 2021-Q2") in result.stderr
    assert used(result)["period"] == "2021-Q1"
    table = run("check", out, "--measures", MEASURES, "--as-of", AS_OF, "--format", "markdown")
    assert "&lt;= 30 working days (reported for 2021-Q1)" in table.stdout
    sheet = tmp_path / "results.xlsx"
    written = run("check", out, "--measures", MEASURES, "--period", "2021-Q2", "-o", sheet)
    assert written.exit_code == 1, written.output
    rows = {r[0]: r for r in load_workbook(sheet)["全部指标"].iter_rows(values_only=True)}
    assert "（报送期2021-Q1）" in str(rows[zh_title(TARGET, MEASURES)][4])  # by its title


def test_period_option_names_a_mismatch(run: Callable[..., Any], template: Callable[..., Path],
                                        tmp_path: Path) -> None:
    out = q1_workbook(template, tmp_path)
    result = run("check", out, "--measures", MEASURES, "--period", "2021-Q2", "--format", "json")
    assert result.exit_code == 1, result.output
    assert (f"{out}:2:2: warning C017 {SHEET}!B2: this return is for 2021-Q1, but --period "
            "2021-Q2 is checked") in result.stderr
    doc = json.loads(result.stdout)
    assert (doc["as_of"], doc["period"]) == ("2021-06-30", "2021-Q2")


def test_period_option_for_a_sheet_without_its_header(
    run: Callable[..., Any], template: Callable[..., Path], tmp_path: Path
) -> None:
    out = tmp_path / "bare.xlsx"
    fill_xlsx(template("xlsx"), out, {TARGET: {"填报值": 25}})
    workbook = load_workbook(out)
    workbook[SHEET].delete_rows(1, 4)  # no 部门 / 填报期间 / 截至日期 rows: the sheet name says who
    workbook.save(out)
    refused = run("check", out, "--measures", MEASURES, "--as-of", AS_OF)
    assert refused.exit_code == 3, refused.output
    assert "S001" in refused.stderr
    result = run("check", out, "--measures", MEASURES, "--period", "2021-Q2", "--format", "json")
    assert result.exit_code == 1, result.output
    assert used(result)["status"] == "met" and used(result)["period"] == "2021-Q2"
    assert "C017" not in result.stderr
    bad = run("check", out, "--measures", MEASURES, "--period", "2021-Q5")
    assert bad.exit_code == 2 and "2021-Q5" in bad.stderr


def test_a_far_future_as_of_is_a_warning(run: Callable[..., Any], template: Callable[..., Path],
                                         tmp_path: Path) -> None:
    out = tmp_path / "q2.xlsx"
    fill_xlsx(template("xlsx"), out, {TARGET: {"填报值": 25}})
    result = run("check", out, "--measures", MEASURES, "--as-of", "2030-01-01")
    assert result.exit_code == 1, result.output
    assert ("--as-of: warning C018 2030-01-01 is after the end of 2021-Q3, the period after the "
            "latest one given (2021-Q2, ending 2021-06-30)") in result.stderr
    near = run("check", out, "--measures", MEASURES, "--as-of", "2021-08-10")
    assert "C018" not in near.stderr and "C017" not in near.stderr
    quarter_on = run("check", out, "--measures", MEASURES, "--as-of", "2021-09-30")
    assert "C018" not in quarter_on.stderr and "C017" in quarter_on.stderr

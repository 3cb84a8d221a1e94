"""Text typed below a returned sheet's table (备注:..., 填表人:张三) is a note kept with the
return, never an error; the same text inside the table stays an error at its cell."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from .conftest import AS_OF, MEASURES
from .filling import SHEET, fill_xlsx, id_rows

REMARKS = ["备注:以上数据经分管领导审核", "填表人:张三 联系电话:0711-1234567"]


def test_notes_below_the_table_are_kept(template: Callable[..., Path], tmp_path: Path,
                                        run: Callable[..., Any]) -> None:
    out = tmp_path / "returned.xlsx"
    fill_xlsx(template("xlsx"), out, {"m05-high-voltage-connection-days": {"填报值": 25}},
              append=[{}, {"目标编号": REMARKS[0]}, {"目标编号": REMARKS[1]}])
    result = run("check", out, "--measures", MEASURES, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 1, result.output  # some targets missing: no input error
    doc = json.loads(result.stdout)
    unit = next(u for u in doc["returns"]["units"] if u["department"] == "power-supply-company")
    assert unit["notes"] == [f"{out}: {text}" for text in REMARKS]
    verbose = run("check", out, "--measures", MEASURES, "--as-of", AS_OF, "-v")
    assert f"a note below the table: {REMARKS[1]}" in verbose.stderr


def test_a_note_inside_the_table_is_an_error(template: Callable[..., Path], tmp_path: Path,
                                             run: Callable[..., Any]) -> None:
    out = tmp_path / "returned.xlsx"
    fill_xlsx(template("xlsx"), out, {"m06-live-working-rate": {"填报值": 95}})
    workbook = load_workbook(out)
    ws = workbook[SHEET]
    row = id_rows(ws)["m05-high-voltage-connection-days"]
    ws.cell(row, 1).value = REMARKS[1]  # rows with targets follow: still the table
    workbook.save(out)
    result = run("check", out, "--measures", MEASURES, "--as-of", AS_OF)
    assert result.exit_code == 3, result.output
    assert f"{out}:{row}:1: error S001 {SHEET}!A{row}:" in result.stderr
    assert "is not a target id" in result.stderr

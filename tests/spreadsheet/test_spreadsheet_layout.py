"""A returned sheet that is not laid out like the template is still checked by target id:
rows deleted or reordered, columns moved, renamed a little, dropped or added."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook, load_workbook

from .conftest import DATA
from .filling import SHEET, id_rows, statuses, write_csv

FILL = yaml.safe_load((DATA / "fill.yaml").read_text(encoding="utf-8"))["entries"]
DELETED = [
    "m05-on-site-supply-plan", "m05-zero-visit-application", "m04-10kv-corridor-construction",
]
# Header as the department left it -> the template column it must be read as.
HEADERS = {
    "联系人 Contact": None,  # an extra column
    "单位 Unit": "单位",
    "单位负责人": None,  # an extra column that starts like "单位 Unit", a descriptive column
    "备注": "备注",
    "Baseline period": "基期时段",
    "基期数值 Baseline value": "基期数值",
    "填报值(单位见C列)": "填报值",
    "完成日期（YYYY-MM-DD）": "完成日期",
    "STATE": "完成状态",
    "样本数 Sample size": "样本数",
    "佐证材料 Evidence": "佐证材料",
    "目标编号\nTarget id": "目标编号",
}


def rearranged(template: Path) -> list[list[Any]]:
    """The template's targets, rows reversed and some deleted, columns as in HEADERS."""
    ws = load_workbook(template)[SHEET]
    targets = [t for t in id_rows(ws) if t not in DELETED][::-1]
    table: list[list[Any]] = [[ws.cell(r, 1).value, ws.cell(r, 2).value] for r in (1, 2)]
    table += [[], list(HEADERS)]
    for target in targets:
        cells = FILL.get(target, {}).get("cells", {})
        table.append([
            "张三" if column is None else target if column == "目标编号" else cells.get(column)
            for column in HEADERS.values()
        ])
    return table


def check_rearranged(check_json: Any, path: Path) -> None:
    _, doc = check_json(path)
    got = statuses(doc)
    for target, spec in FILL.items():
        assert got[target] == spec["status"], target
    results = {r["target"]: r for r in doc["results"]}
    for target in DELETED:
        assert results[target]["reported_location"] is None
        assert got[target] in ("pending", "missing")


def test_xlsx_rearranged(template, check_json, tmp_path):
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Sheet1"  # renamed: the sheet is found by its header row
    for row in rearranged(template("xlsx")):
        ws.append(row)
    out = tmp_path / "rearranged.xlsx"
    workbook.save(out)
    check_rearranged(check_json, out)


def test_csv_rearranged(template, check_json, tmp_path):
    out = tmp_path / "rearranged.csv"
    table = [[("" if v is None else str(v)) for v in row] for row in rearranged(template("xlsx"))]
    write_csv(table, out, "gb18030")
    check_rearranged(check_json, out)


def test_verbose_names_extra_columns(run, template, tmp_path):
    out = tmp_path / "rearranged.csv"
    table = [[("" if v is None else str(v)) for v in row] for row in rearranged(template("xlsx"))]
    write_csv(table, out, "utf-8-sig")
    result = run("check", out, "--measures", DATA / "measures", "--as-of", "2021-06-30",
                 "--format", "json", "-v")
    assert "extra columns ignored: A '联系人 Contact', C '单位负责人'" in result.stderr


def test_department_from_sheet_name_when_label_rows_are_gone(template, check_json, tmp_path):
    ws_rows = rearranged(template("xlsx"))[3:]  # no 部门/填报期间 rows
    workbook = Workbook()
    ws = workbook.active
    ws.title = "区供电公司"
    ws.append(["截至日期 As of", "2021-06-30"])
    for row in ws_rows:
        ws.append(row)
    out = tmp_path / "no-labels.xlsx"
    workbook.save(out)
    _, doc = check_json(out)
    result = {r["target"]: r for r in doc["results"]}["m05-high-voltage-connection-days"]
    assert result["status"] == "met"
    assert result["reporter"] == "power-supply-company"

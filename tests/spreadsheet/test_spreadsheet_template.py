"""`bizenv template --format xlsx|csv`: what the department receives."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from .conftest import MEASURES
from .filling import SHEET, header_cols, id_rows

# The power-supply company's targets in the fixture measures 4-6, in plan order.
TARGETS = [
    "m04-substation-capacity-expansion", "m04-10kv-corridor-construction",
    "m04-220kv-line-relocation-start", "m04-external-line-works-sanan-rongbai",
    "m05-high-voltage-connection-days", "m05-low-voltage-external-works-days",
    "m05-low-voltage-no-external-works-days", "m05-residential-connection-days",
    "m05-on-site-supply-plan", "m05-zero-visit-application",
    "m06-live-working-rate", "m06-outages-per-line-per-year", "m06-average-outage-time-cut",
]
HEADERS = ["目标编号", "举措", "考核内容", "目标要求", "单位", "完成时限", "填报值", "完成状态",
           "完成日期", "样本数", "基期数值", "基期时段", "佐证材料", "备注"]


@pytest.mark.parametrize("alias", ["power-supply-company", "华容区供电公司", "区 供电 公司"])
def test_xlsx_for_a_department_by_alias(template, alias):
    workbook = load_workbook(template("xlsx", department=alias))
    assert workbook.sheetnames == [SHEET, "填写说明"]
    ws = workbook[SHEET]
    assert [ws.cell(r, 1).value for r in (1, 2, 3)] == ["部门 Department", "填报期间 Period",
                                                        "截至日期 As of"]
    labels = (ws["B1"].value, ws["B2"].value, ws["B3"].value)
    assert labels == ("power-supply-company", "2021-Q2", None)
    assert "区供电公司" in ws["C1"].value
    assert list(header_cols(ws)) == HEADERS
    assert ws.cell(5, 7).value == "填报值\nValue"
    assert list(id_rows(ws)) == TARGETS
    assert ws.freeze_panes == "B6"


def test_xlsx_descriptive_columns_locked_fill_in_columns_open(template):
    ws = load_workbook(template("xlsx"))[SHEET]
    assert ws.protection.sheet and not ws.protection.password
    rows, cols = id_rows(ws), header_cols(ws)
    threshold, milestone = rows["m05-high-voltage-connection-days"], rows["m05-on-site-supply-plan"]
    change = rows["m06-average-outage-time-cut"]

    def unlocked(row: int, column: str) -> bool:
        return not ws.cell(row, cols[column]).protection.locked

    for column in HEADERS[:6]:
        assert not unlocked(threshold, column)
    columns = ("填报值", "完成状态", "完成日期", "样本数", "基期数值", "佐证材料", "备注")
    expected = [True, False, False, True, False, True, True]
    assert [unlocked(threshold, c) for c in columns] == expected
    assert [unlocked(milestone, c) for c in ("填报值", "完成状态", "完成日期", "佐证材料")] == [
        False, True, True, True]
    assert unlocked(change, "基期数值") and unlocked(change, "基期时段")
    assert not ws["B2"].protection.locked  # the period can be changed
    assert ws["B1"].protection.locked  # the department cannot
    assert ws.cell(threshold, cols["考核内容"]).value.startswith("高压用户平均办电时间")
    assert ws.cell(threshold, cols["目标要求"]).value == "平均 ≤ 30"
    assert ws.cell(threshold, cols["单位"]).value == "工作日"
    assert ws.cell(threshold, cols["完成时限"]).value == "2021年6月底"
    assert ws.cell(change, cols["目标要求"]).value == "较上年减少 ≥ 20%,且 ≤ 8.5 小时"
    assert ws.cell(change, cols["单位"]).value == "小时"


def test_xlsx_state_drop_down_and_number_checks(template):
    ws = load_workbook(template("xlsx"))[SHEET]
    checks = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    state = checks[f"H6:H{5 + len(TARGETS)}"]
    assert state.type == "list"
    assert state.formula1 == '"已完成 done,进行中 in_progress,未开始 not_started"'
    assert checks[f"G6:G{5 + len(TARGETS)}"].type == "decimal"
    assert checks[f"J6:J{5 + len(TARGETS)}"].type == "whole"


def test_xlsx_widths_fit_chinese_and_instructions_in_chinese(template):
    workbook = load_workbook(template("xlsx"))
    ws = workbook[SHEET]
    widths = {c: ws.column_dimensions[c].width for c in "ABCDEFGHIJKLMN"}
    assert widths["C"] >= 40 and widths["A"] >= 30  # what is measured; the longest ids
    assert all(w >= 10 for w in widths.values())
    assert ws["C6"].alignment.wrap_text
    text = "\n".join(str(c.value) for c in workbook["填写说明"]["A"] if c.value)
    for words in ("已完成 done", "2021/6/30", "95%", "撤销工作表保护", "区供电公司"):
        assert words in text


def test_csv_template_is_utf8_with_bom(template):
    data = template("csv", department="华容区供电公司").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    records = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert records[0][:2] == ["部门 Department", "power-supply-company"]
    assert records[1][:2] == ["填报期间 Period", "2021-Q2"]
    assert [h.split(" ")[0] for h in records[4]] == HEADERS
    assert [r[0] for r in records[5:]] == TARGETS
    assert all(r[6:] == [""] * 8 for r in records[5:])


def test_csv_template_to_stdout(run):
    result = run("template", "-d", "power-supply-company", "-p", "2021-Q2", "--measures", MEASURES,
                 "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.startswith("\ufeff部门 Department,power-supply-company")


def test_xlsx_needs_an_output_file(run):
    result = run("template", "-d", "power-supply-company", "--measures", MEASURES,
                 "--format", "xlsx")
    assert result.exit_code == 2
    assert "give the file with -o FILE.xlsx" in result.stderr


def test_xlsx_output_folder_missing(run, tmp_path):
    result = run("template", "-d", "power-supply-company", "-p", "2021-Q2", "--measures", MEASURES,
                 "--format", "xlsx", "-o", tmp_path / "no-such-folder" / "t.xlsx")
    assert result.exit_code == 3
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.output


def test_whole_zone_template(run, tmp_path):
    out = tmp_path / "zone.xlsx"
    result = run("template", "-p", "2021-Q2", "--measures", MEASURES, "--format", "xlsx", "-o", out)
    assert result.exit_code == 0, result.output
    workbook = load_workbook(out)
    ws = workbook.worksheets[0]
    assert ws.title == "区优化办"
    assert ws["B1"].value == "optimization-office"
    assert list(id_rows(ws)) == TARGETS  # every target of the fixture measures 4-6


@pytest.mark.parametrize(("name", "magic"), [("t.xlsx", b"PK"), ("t.csv", b"\xef\xbb\xbf"),
                                             ("t.yaml", b"# bizenv")])
def test_format_follows_the_output_suffix(run, tmp_path, name, magic):
    out = tmp_path / name
    result = run("template", "-d", "power-supply-company", "-p", "2021-Q2", "--measures", MEASURES,
                 "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)


def test_format_and_suffix_disagree(run, tmp_path):
    result = run("template", "-d", "power-supply-company", "--measures", MEASURES,
                 "--format", "xlsx", "-o", tmp_path / "t.csv")
    assert result.exit_code == 2
    assert "does not match --format xlsx" in result.stderr
    assert not (tmp_path / "t.csv").exists()

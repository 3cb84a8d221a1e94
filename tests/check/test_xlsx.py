"""`bizenv check --format xlsx -o FILE`: the results workbook, read back with openpyxl."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from tests.conftest import zh_title

from bizenv_cli.models.plan import Department, DepartmentKind
from bizenv_cli.output.check.xlsx import HEADER, STATUS_FILL, sheet_names

from .conftest import CHECK_DATA, FIXTURE_MEASURES

QUARTER = CHECK_DATA / "quarter"
BASE = ("--measures", FIXTURE_MEASURES, "--as-of", "2021-06-30")
ACTION = {"逾期", "未达标", "未报送", "有风险"}


def _write(run: Callable[..., Any], out: Path, *inputs: Any) -> Any:
    return run("check", *(inputs or (QUARTER,)), *BASE, "--format", "xlsx", "-o", out)


def test_all_targets_sheet_has_filter_frozen_header_and_coloured_status(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    out = tmp_path / "结果.xlsx"
    result = _write(run, out)
    assert result.exit_code == 1, result.output  # the verdict is check's, as in every format
    assert result.stdout == ""
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "全部指标" and book.sheetnames[-1] == "说明"
    ws = book["全部指标"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == HEADER
    assert HEADER[:3] == ("目标", "举措", "指标") and HEADER[5] == "状态"
    assert len(rows) == 1 + 21  # every target of the fixture measure set
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:J{len(rows)}"
    by_id = {r[0]: r for r in rows[1:]}
    tax = by_id[zh_title("m42-first-vat-special-invoices", FIXTURE_MEASURES)]  # by its title
    assert tax[1] == "第42条" and tax[8] == "税务局"
    statuses = {r[5] for r in rows[1:]}
    assert statuses <= {"达标", "有风险", "逾期", "未达标", "未报送", "未到期", "已豁免"}
    fills = {"达标": STATUS_FILL["met"], "逾期": STATUS_FILL["overdue"]}  # type: ignore[index]
    for row in ws.iter_rows(min_row=2):
        status = row[5].value
        if status in fills:
            assert row[5].fill.fgColor.rgb.endswith(fills[status])
    assert ws.column_dimensions["C"].width > ws.column_dimensions["B"].width
    assert ws.print_title_rows == "$1:$1" and ws.page_setup.fitToWidth == 1


def test_one_sheet_per_unit_with_its_actions(tmp_path: Path, run: Callable[..., Any]) -> None:
    out = tmp_path / "out.xlsx"
    _write(run, out, QUARTER, "--waivers", CHECK_DATA / "quarter-waivers.yaml")
    book = openpyxl.load_workbook(out)
    units = book.sheetnames[1:-1]
    assert "区供电公司" in units and "财金局" in units
    assert "招商局" not in units  # nothing it must act on: no sheet to send it
    for name in units:
        ws = book[name]
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref is not None
        rows = list(ws.iter_rows(min_row=2, values_only=True))
        assert rows and all(r[5] in ACTION for r in rows), name
    power = {r[0] for r in book["区供电公司"].iter_rows(min_row=2, values_only=True)}
    assert zh_title("m06-live-working-rate", FIXTURE_MEASURES) in power
    notes = dict(book["说明"].iter_rows(values_only=True))
    assert notes["截至日期"] == "2021-06-30" and notes["指标总数"] == 21
    remarks = [r[7] for r in book["全部指标"].iter_rows(min_row=2, values_only=True) if r[7]]
    assert any("天" in r for r in remarks)  # days left or overdue, in Chinese
    assert any(r.startswith("豁免：") for r in remarks)  # the waiver, when waived


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", '=HYPERLINK("x","y")'])
def test_input_text_is_never_a_formula(
    tmp_path: Path, run: Callable[..., Any], text: str
) -> None:
    sub = tmp_path / "tax.yaml"
    sub.write_text(
        'department: 税务局\nperiod: "2021-Q2"\nentries:\n  m42-first-vat-special-invoices:\n'
        f"    value: 25\n    note: '{text}'\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.xlsx"
    assert _write(run, out, sub).exit_code == 1
    ws = openpyxl.load_workbook(out)["全部指标"]
    cells = [c for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    title = zh_title("m42-first-vat-special-invoices", FIXTURE_MEASURES)
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == title)
    assert row[5].value == "达标"  # nothing else in 说明: the cell starts with the note
    assert row[7].value == text and row[7].data_type == "s" and row[7].quotePrefix
    from openpyxl.cell import Cell

    probe = openpyxl.Workbook().active
    assert probe is not None
    from bizenv_cli.output.check.xlsx import put

    put(probe, 1, 1, text)
    cell: Cell = probe.cell(1, 1)
    assert cell.data_type == "s" and cell.quotePrefix and cell.value == text


def test_xlsx_needs_an_output_file(run: Callable[..., Any]) -> None:
    result = run("check", QUARTER, *BASE, "--format", "xlsx")
    assert result.exit_code == 2
    assert "-o" in result.stderr and result.stdout == ""


def test_an_xlsx_output_file_means_the_workbook(tmp_path: Path, run: Callable[..., Any]) -> None:
    out = tmp_path / "结果.XLSX"
    assert run("check", QUARTER, *BASE, "-o", out).exit_code == 1
    assert openpyxl.load_workbook(out).sheetnames[0] == "全部指标"
    text = run("check", QUARTER, *BASE, "--format", "json", "-o", tmp_path / "r.xlsx")
    assert text.exit_code == 2 and "--format xlsx" in text.stderr
    assert not (tmp_path / "r.xlsx").exists()


def test_the_output_may_not_be_an_input(tmp_path: Path, run: Callable[..., Any]) -> None:
    sub = tmp_path / "tax.yaml"
    sub.write_text((QUARTER / "tax-bureau.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = sub.read_bytes()
    assert _write(run, sub, sub).exit_code == 2
    assert sub.read_bytes() == before


def test_a_failed_write_leaves_nothing(tmp_path: Path, run: Callable[..., Any]) -> None:
    out = tmp_path / "missing-folder" / "out.xlsx"
    assert _write(run, out).exit_code == 3
    assert not out.parent.exists()


def test_fail_on_never_exits_0(tmp_path: Path, run: Callable[..., Any]) -> None:
    out = tmp_path / "out.xlsx"
    result = run("check", QUARTER, *BASE, "--format", "xlsx", "-o", out, "--fail-on", "never")
    assert result.exit_code == 0
    assert out.is_file()


def _dept(id: str, name: str, *aliases: str) -> Department:
    kind = DepartmentKind.government
    return Department(id=id, name=name, en=id, aliases=list(aliases), kind=kind)


def test_sheet_names_are_short_valid_and_unique() -> None:
    names = sheet_names(
        [
            _dept("power-supply-company", "华容区供电公司", "区供电公司", "power"),
            _dept("a-b", "甲[乙]:丙*丁?/戊\\己"),
            _dept("long-one", "很" * 40),
            _dept("long-two", "很" * 40),
            _dept("notes", "说明"),
        ]
    )
    assert names["power-supply-company"] == "区供电公司"
    assert names["a-b"] == "甲_乙__丙_丁__戊_己"
    assert all(len(n) <= 31 for n in names.values())
    assert len({n.casefold() for n in names.values()}) == len(names)
    assert names["notes"] != "说明"


def test_the_readme_quarter_end_path_on_the_example_quarter(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    """README 季度末的工作流程: the returns list, then the results workbook."""
    returns = run("report", "examples/2021-Q2", "--by", "returns", "--lang", "zh")
    assert returns.exit_code == 0, returns.output
    chase = returns.stdout.split("催报")[1].split("已收到报送的单位")[0]
    assert "经发局" in chase and "区供电公司" not in chase
    out = tmp_path / "结果.xlsx"
    result = run("check", "examples/2021-Q2", "--format", "xlsx", "-o", out)
    assert result.exit_code == 1 and out.is_file()
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "全部指标" and "区供电公司" in book.sheetnames
    assert book["全部指标"].max_row == 1 + 101

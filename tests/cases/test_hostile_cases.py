"""Case files as clerks and attackers make them (issue 15): exports by any name, times as
typed, hostile workbooks and Parquet columns, formulas in case ids, loops of links. Each
is a finding at its place or a counted bad row, never a crash (exit 4)."""

from __future__ import annotations

import csv
import json
import shutil
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
from openpyxl import load_workbook
from tests.cases.helpers import EXAMPLES, QUICK, write_csv


def _json(run, path: Path, *more: str) -> dict:
    result = run("cases", path, *QUICK, "--format", "json", *more)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- exports by any name ---------------------------------------------------------------


def test_an_export_is_recognised_by_its_columns(run, tmp_path: Path) -> None:
    renamed = tmp_path / "供电公司新装工单导出.csv"
    shutil.copy(EXAMPLES / "power-connections.csv", renamed)
    args = ["--period", "2021-Q2", "--as-of", "2021-06-30", "--format", "json"]
    by_name = run("cases", EXAMPLES / "power-connections.csv", *args)
    by_columns = run("cases", renamed, *args)
    assert by_columns.exit_code == 0, by_columns.output
    assert "供电公司新装工单导出.csv: read as 区供电公司 营销系统 新装工单 (by its columns)" in (
        by_columns.stderr
    )
    assert "(by its name)" in by_name.stderr

    def values(result) -> list:
        return [(t["target"], t["value"]) for t in json.loads(result.stdout)["targets"]]

    assert values(by_columns) == values(by_name)


def test_an_export_whose_columns_fit_no_source_names_them(run, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "导出.csv", ["编号", "日期"], [["A", "2021-04-01"]])
    result = run("cases", path, "--as-of", "2021-06-30")
    assert result.exit_code == 3, result.output
    assert "导出.csv: error D005" in result.stderr and "its columns (编号, 日期)" in result.stderr


def test_an_export_whose_columns_fit_two_sources_is_not_guessed(run, tmp_path: Path) -> None:
    mapping = tmp_path / "cases.yaml"
    source = (
        "  - name: {name}\n    files: ['{name}*']\n    case_id: 单号\n    start: 开始\n"
        "    end: 结束\n    targets:\n      - target: {target}\n        aggregate: average\n"
        "        duration: working_days\n"
    )
    mapping.write_text(
        "reporter: optimization-office\nsources:\n"
        + source.format(name="a", target="m05-high-voltage-connection-days")
        + source.format(name="b", target="m05-low-voltage-external-works-days"),
        encoding="utf-8",
    )
    path = write_csv(tmp_path / "x.csv", ["单号", "开始", "结束"], [["A", "2021-04-01", ""]])
    result = run("cases", path, "--mapping", mapping, "--as-of", "2021-06-30")
    assert result.exit_code == 3, result.output
    assert "x.csv: error D005" in result.stderr and "fit several sources (a and b)" in (
        result.stderr
    )


# --- times as clerks write them ----------------------------------------------------------


def test_times_as_typed_one_digit_minutes_and_full_width_digits(run, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "c.csv",
        ["单号", "开始", "结束"],
        [
            ["A1", "2021年3月5日 9时5分", "2021年3月9日 9时30分"],
            ["A2", "２０２１-０３-０５ ０９:００", "2021-03-09 10:00"],
            ["A3", "２０２１年３月５日", "２０２１／３／９"],
        ],
    )
    data = _json(run, path)
    assert (data["sample_size"], data["bad_rows"], data["value"]) == (3, {}, 2.0)


def test_zone_aware_parquet_times_are_china_time(run, tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    utc = pl.Datetime("us", "UTC")
    pl.DataFrame(
        {
            "单号": ["A1", "A2"],
            "开始": pl.Series([datetime(2021, 3, 5, 17, 0), datetime(2021, 3, 5, 2, 0)], dtype=utc),
            "结束": pl.Series([datetime(2021, 3, 9, 1, 0), None], dtype=utc),
        }
    ).write_parquet(path)
    data = _json(run, path)
    # 17:00 UTC on the 5th is 01:00 on the 6th in China: one working day less (the 8th, 9th)
    assert (data["value"], data["open_cases"]) == (2.0, 1)
    assert data["exceptions"][0]["start"] == "2021-03-05 10:00:00"


# --- hostile files ----------------------------------------------------------------------


def _workbook(path: Path, sheet: str, styles: str | None = None) -> Path:
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{pkg}/content-types"><Default Extension="rels" ContentType='
            '"application/vnd.openxmlformats-package.relationships+xml"/><Default '
            'Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
            'worksheet+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{pkg}/relationships"><Relationship Id="rId1" '
            f'Type="{office}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{rels}"><sheets><sheet name="S" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{pkg}/relationships"><Relationship Id="rId1" '
            f'Type="{office}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{main}"><sheetData>{sheet}</sheetData></worksheet>',
        )
        if styles:
            z.writestr("xl/styles.xml", f'<styleSheet xmlns="{main}">{styles}</styleSheet>')
    return path


def _text(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


HEADER_ROW = (
    '<row r="1">' + _text("A1", "单号") + _text("B1", "开始") + _text("C1", "结束") + "</row>"
)


@pytest.mark.parametrize("far", ["XFD1048576", "ZZ100000", "A1048576"])
def test_a_cell_far_from_a1_is_refused_before_it_is_read(run, tmp_path: Path, far: str) -> None:
    row = far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    path = _workbook(
        tmp_path / "far.xlsx", HEADER_ROW + f'<row r="{row}"><c r="{far}"><v>1</v></c></row>'
    )
    if far == "A1048576":  # a long column of one cell is a small area: read
        assert run("cases", path, *QUICK).exit_code == 0
        return
    result = run("cases", path, *QUICK)
    assert result.exit_code == 3, result.output
    assert "far.xlsx: error D004" in result.stderr and "cells from A1" in result.stderr


def test_a_dimension_that_claims_the_whole_sheet_is_refused(run, tmp_path: Path) -> None:
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    path = _workbook(tmp_path / "dim.xlsx", HEADER_ROW)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = (
        f'<worksheet xmlns="{main}"><dimension ref="A1:XFD1048576"/><sheetData>{HEADER_ROW}'
        "</sheetData></worksheet>"
    ).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    result = run("cases", path, *QUICK)
    assert result.exit_code == 3 and "dim.xlsx: error D004" in result.stderr, result.output


def test_date_cells_that_are_no_dates_are_bad_rows(run, tmp_path: Path) -> None:
    styles = (
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1">'
        '<border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2">'
        '<xf numFmtId="0"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs>'
    )
    rows = HEADER_ROW
    for r, value in enumerate(["1e12", "NaN", "-5", "INF", "44260.5"], start=2):
        rows += (
            f'<row r="{r}">{_text(f"A{r}", f"X{r}")}<c r="B{r}" s="1"><v>{value}</v></c>'
            f'<c r="C{r}" s="1"><v>44300</v></c></row>'
        )
    data = _json(run, _workbook(tmp_path / "d.xlsx", rows, styles))
    assert data["sample_size"] == 1 and sum(data["bad_rows"].values()) == 4
    places = {(b["row"], b["column"]) for b in data["bad_row_examples"]}
    assert places == {(2, 2), (3, 2), (4, 2), (5, 2)}


def test_parquet_dates_far_outside_the_calendar_are_bad_rows(run, tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    far = pl.Series([0, 200_000 * 365 * 86_400_000_000], dtype=pl.Int64).cast(pl.Datetime("us"))
    pl.DataFrame(
        {"单号": ["A1", "A2"], "开始": [date(1, 1, 1), date(2021, 3, 1)], "结束": far}
    ).write_parquet(path)
    data = _json(run, path)
    assert data["bad_rows"] == {"outside_calendar": 2}
    assert [(b["row"], b["column"]) for b in data["bad_row_examples"]] == [(2, 2), (3, 2)]


@pytest.mark.parametrize(
    ("column", "kind"),
    [
        (pl.Series([["a"], ["b"]]), "List"),
        (pl.Series([b"a", b"b"]), "Binary"),
        (pl.Series([timedelta(1), timedelta(2)]), "Duration"),
        (pl.Series([{"x": 1}, {"x": 2}]), "Struct"),
    ],
    ids=["list", "binary", "duration", "struct"],
)
def test_parquet_columns_that_hold_no_cells(run, tmp_path: Path, column, kind: str) -> None:
    path = tmp_path / "c.parquet"
    pl.DataFrame({"单号": ["A", "B"], "开始": column, "结束": ["", ""]}).write_parquet(path)
    result = run("cases", path, *QUICK)
    assert result.exit_code == 3, result.output
    assert "c.parquet:1:2: error D001" in result.stderr and kind in result.stderr


def test_columns_named_like_internal_ones_are_just_columns(run, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "c.csv",
        ["__row", "__id", "__file", "开始", "结束"],
        [["X1", "高压", "9", "2021-04-01", "2021-04-06"], ["X2", "低压", "9", "2021-04-01", ""]],
    )
    argv = [
        "--target",
        "m05-high-voltage-connection-days",
        "--start",
        "开始",
        "--end",
        "结束",
        "--id",
        "__row",
        "--where",
        "__id=高压",
        "--as-of",
        "2021-06-30",
        "--format",
        "json",
    ]
    result = run("cases", path, *argv)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["sample_size"], data["open_cases"], data["value"]) == (1, 0, 2.0)
    assert data["evidence"][0]["rows"] == [[2, 2]]  # the row of X1, 高压


HOSTILE_IDS = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-1+1",
    "\t=1+1",
    "A\x00B\x1b[31m",
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_case_ids_never_reach_the_exceptions_as_formulas(run, tmp_path: Path, suffix: str) -> None:
    rows = [[cid, "2021-01-04 09:00", "2021-06-04 10:00"] for cid in HOSTILE_IDS]
    path = write_csv(tmp_path / "c.csv", ["单号", "开始", "结束"], rows)
    out = tmp_path / f"over{suffix}"
    result = run("cases", path, *QUICK, "--exceptions", out)
    assert result.exit_code == 0, result.output
    if suffix == ".csv":
        cells = [r[1] for r in csv.reader(out.read_text(encoding="utf-8-sig").splitlines())]
    else:
        sheet = load_workbook(out).active
        assert sheet is not None
        cells = [row[1].value for row in sheet.iter_rows()]
        assert all(row[1].data_type == "s" for row in sheet.iter_rows())
    assert sorted(cells[1:]) == sorted(
        [
            '\'=HYPERLINK("http://x","y")',
            "'+cmd|' /C calc'!A0",
            "'@SUM(1+1)",
            "'-1+1",
            "'=1+1",
            "AB[31m",
        ]
    )


def test_loops_of_links_are_findings(run, tmp_path: Path) -> None:
    (tmp_path / "loop.csv").symlink_to("loop.csv")
    (tmp_path / "folder").symlink_to("folder")
    result = run("cases", tmp_path / "loop.csv", *QUICK)
    assert result.exit_code == 3 and "loop.csv: error D001" in result.stderr, result.output
    result = run("cases", tmp_path / "folder", *QUICK)
    assert result.exit_code == 3 and "folder: error D001" in result.stderr, result.output
    result = run("cases", EXAMPLES, "--mapping", tmp_path / "loop.csv", "--as-of", "2021-06-30")
    assert result.exit_code == 3 and "loop.csv: error" in result.stderr, result.output


def test_a_mapping_of_thousands_of_unknown_targets_is_answered(run, tmp_path: Path) -> None:
    targets = ", ".join(f"k{t}: m05-hv-conn-{t}" for t in range(3000))
    mapping = tmp_path / "cases.yaml"
    mapping.write_text(
        "reporter: optimization-office\nsources:\n  - name: s\n    files: ['*']\n"
        "    start: a\n    end: b\n    targets:\n"
        f"      - categories: {{column: c, targets: {{{targets}}}}}\n"
        "        aggregate: average\n        duration: working_days\n",
        encoding="utf-8",
    )
    path = write_csv(tmp_path / "c.csv", ["a", "b", "c"], [["2021-04-01", "", "x"]])
    result = run("cases", path, "--mapping", mapping, "--as-of", "2021-06-30")
    assert result.exit_code == 3 and "and 2,980 more M001" in result.stderr, result.output

"""A returned sheet of 10,000 data rows is read (XLSX and CSV alike), one past the
shared limit is refused, and `template` never writes a sheet its readers would refuse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import MEASURES

from bizenv_cli.spreadsheet.columns import HEADER_ROW
from bizenv_cli.spreadsheet.table import MAX_DATA_ROWS, MAX_ROWS

CHECK = ["--measures", MEASURES, "--as-of", "2021-06-30", "--format", "json"]


def _csv(run, tmp_path: Path, data_rows: int) -> Path:
    template = tmp_path / "t.csv"
    assert run("template", "-p", "2021-Q2", "--measures", MEASURES, "-o", template).exit_code == 0
    lines = template.read_text(encoding="utf-8-sig").splitlines()
    head, rows = lines[:HEADER_ROW], [line for line in lines[HEADER_ROW:] if line]
    body = [rows[i % len(rows)] for i in range(data_rows)]  # the rows again, left unfilled
    big = tmp_path / "returned.csv"
    big.write_text("\n".join(head + body) + "\n", encoding="utf-8-sig")
    return big


def _xlsx(run, tmp_path: Path, data_rows: int) -> Path:
    from openpyxl import load_workbook

    template = tmp_path / "t.xlsx"
    assert run("template", "-p", "2021-Q2", "--measures", MEASURES, "-o", template).exit_code == 0
    book = load_workbook(template)
    sheet = book.active
    assert sheet is not None
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
    for i in range(len(rows), data_rows):
        sheet.append(rows[i % len(rows)])
    big = tmp_path / "returned.xlsx"
    book.save(big)
    return big


@pytest.mark.parametrize("make", [_csv, _xlsx], ids=["csv", "xlsx"])
def test_ten_thousand_rows_are_checked(run, tmp_path, make) -> None:
    big = make(run, tmp_path, MAX_DATA_ROWS)
    result = run("check", big, *CHECK)
    assert result.exit_code == 1, result.output  # checked: the targets are missing
    assert sum(json.loads(result.stdout)["summary"].values()) == 101
    assert "L005" not in result.output


def test_a_csv_past_the_limit_is_refused(run, tmp_path) -> None:
    big = _csv(run, tmp_path, MAX_ROWS)  # with the header block: past MAX_ROWS lines
    result = run("check", big, *CHECK)
    assert result.exit_code == 3
    assert f"more than {MAX_ROWS:,} rows" in result.output


def test_template_and_readers_agree() -> None:
    from bizenv_cli.spreadsheet import csv_reader, xlsx_cells

    assert csv_reader.MAX_ROWS == xlsx_cells.MAX_ROWS == MAX_ROWS
    assert HEADER_ROW + MAX_DATA_ROWS <= MAX_ROWS

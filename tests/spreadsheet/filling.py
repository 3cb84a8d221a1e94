"""Fill a template as a person would: with openpyxl for a workbook, as text for a CSV file.

``cells`` maps a target id to {Chinese column header: value}; the row is the target's row
in the template. ``labels`` sets the label rows' values ({"部门": ...}), ``append`` adds rows.
Both functions return where things ended up, to resolve "{target:column}" in expectations.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

SHEET = "区供电公司"

Cells = dict[str, dict[str, Any]]


def statuses(doc: dict[str, Any]) -> dict[str, str]:
    return {r["target"]: r["status"] for r in doc["results"]}


def id_rows(ws: Any) -> dict[str, int]:
    """Target id -> row number in a template sheet (column A)."""
    return {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value}


def header_cols(ws: Any, row: int = 5) -> dict[str, int]:
    """Chinese header label -> column number ("填报值" -> 7)."""
    return {str(c.value).split("\n")[0]: c.column for c in ws[row] if c.value}


class Layout:
    """Target rows and column numbers of a filled file, for cell names in messages."""

    def __init__(self, rows: dict[str, int], cols: dict[str, int], sheet: str | None) -> None:
        self.rows, self.cols, self.sheet = rows, cols, sheet

    def cell(self, target: str, column: str) -> str:
        name = f"{get_column_letter(self.cols[column])}{self.rows[target]}"
        return f"{self.sheet}!{name}" if self.sheet else name

    def label(self, label: str) -> str:
        row = {"部门": 1, "填报期间": 2, "截至日期": 3}[label]
        return f"{self.sheet}!B{row}" if self.sheet else f"B{row}"

    def resolve(self, text: str) -> str:
        out = text
        for target in self.rows:
            for column in self.cols:
                out = out.replace(f"{{{target}:{column}}}", self.cell(target, column))
        for label in ("部门", "填报期间", "截至日期"):
            out = out.replace(f"{{label:{label}}}", self.label(label))
        return out


def fill_xlsx(template: Path, out: Path, cells: Cells, *, formats: Cells | None = None,
              labels: dict[str, Any] | None = None, append: list[dict[str, Any]] | None = None,
              empty_row_at: int | None = None) -> Layout:
    workbook = load_workbook(template)
    ws = workbook[SHEET]
    rows, cols = id_rows(ws), header_cols(ws)
    for target, values in cells.items():
        for column, value in values.items():
            ws.cell(rows[target], cols[column]).value = value
    for target, values in (formats or {}).items():
        for column, (value, number_format) in values.items():
            cell = ws.cell(rows[target], cols[column])
            cell.value, cell.number_format = value, number_format
    for label, value in (labels or {}).items():
        ws[Layout(rows, cols, None).label(label)].value = value
    for extra in append or []:
        ws.append([extra.get(header) for header in sorted(cols, key=cols.__getitem__)])
    if empty_row_at is not None:
        ws.insert_rows(empty_row_at)
        rows = {t: r + 1 if r >= empty_row_at else r for t, r in rows.items()}
    workbook.save(out)
    return Layout(rows, cols, SHEET)


def read_csv_template(template: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(template.read_text(encoding="utf-8-sig"), newline="")))


def write_csv(records: list[list[str]], out: Path, encoding: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(records)
    out.write_bytes(buffer.getvalue().encode(encoding))


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def fill_csv(template: Path, out: Path, cells: Cells, *, encoding: str = "utf-8-sig",
             labels: dict[str, Any] | None = None, append: list[dict[str, Any]] | None = None,
             empty_row_at: int | None = None) -> Layout:
    records = read_csv_template(template)
    cols = {header.split(" ")[0]: i for i, header in enumerate(records[4], start=1)}
    rows = {record[0]: n for n, record in enumerate(records, start=1) if n > 5}
    for target, values in cells.items():
        for column, value in values.items():
            records[rows[target] - 1][cols[column] - 1] = _text(value)
    for label, value in (labels or {}).items():
        records[{"部门": 0, "填报期间": 1, "截至日期": 2}[label]][1] = _text(value)
    for extra in append or []:
        records.append([_text(extra.get(header)) for header in sorted(cols, key=cols.__getitem__)])
    if empty_row_at is not None:
        records.insert(empty_row_at - 1, [])
        rows = {t: r + 1 if r >= empty_row_at else r for t, r in rows.items()}
    write_csv(records, out, encoding)
    return Layout(rows, cols, None)

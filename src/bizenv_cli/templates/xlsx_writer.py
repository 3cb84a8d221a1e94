"""Write a department's fill-in workbook with openpyxl.

Sheet 1 (named after the department) holds the label rows, the header and one
row per target; the descriptive columns and the cells that do not apply to a
target are locked and grey, and the sheet is protected without a password so
only the fill-in cells can be edited. The state column has a drop-down; the
value and sample-size columns reject text as it is typed. Sheet 2 (填写说明)
holds the instructions.
"""

from __future__ import annotations

import io
import math
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from bizenv_cli.spreadsheet.columns import (
    COLUMNS,
    HEADER_ROW,
    LABEL_HINTS,
    LABELS,
    STATE_CHOICES,
    Kind,
    column_letter,
)
from bizenv_cli.templates.describe import TemplateSheet
from bizenv_cli.templates.instructions import SHEET_TITLE, instructions

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

GREY = "EDEDED"
HEADER_DESCRIBE = "D9E1F2"
HEADER_FILL = "FFF2CC"
LINE_HEIGHT = 15.0
_FORMATS = {
    "completed": "yyyy-mm-dd", "baseline_period": "@", "evidence": "@", "note": "@",
    "sample_size": "0",
}


def text_width(text: str) -> int:
    """Display width: Chinese (wide and full-width) characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _lines(text: str, width: int) -> int:
    return sum(max(1, math.ceil(text_width(part) / max(width - 1, 1))) for part in text.split("\n"))


def _labels(ws: Worksheet, sheet: TemplateSheet) -> None:
    from openpyxl.styles import Font, Protection

    values: dict[str, str | None] = {"department": None, "period": sheet.period, "as_of": None}
    hints = dict(LABEL_HINTS)
    if sheet.department:
        values["department"] = sheet.department.id
        hints["department"] = f"{sheet.department.name} {sheet.department.en}"
    else:
        hints["department"] = "填写单位名称"
    for row, label in enumerate(LABELS, start=1):
        ws.cell(row, 1, label.text).font = Font(bold=True)
        cell = ws.cell(row, 2, values[label.key])
        cell.number_format = "yyyy-mm-dd" if label.key == "as_of" else "@"
        cell.font = Font(bold=True)
        if label.key != "department" or sheet.department is None:
            cell.protection = Protection(locked=False)
        ws.cell(row, 3, hints[label.key]).font = Font(color="808080")


def _header(ws: Worksheet, sheet: TemplateSheet) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="A6A6A6")
    for col, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(HEADER_ROW, col, column.xlsx_header)
        colour = HEADER_FILL if column.kind is Kind.fill else HEADER_DESCRIBE
        cell.fill = PatternFill("solid", fgColor=colour)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        longest = max((text_width(r.cells.get(column.key, "")) for r in sheet.rows), default=0)
        wide = column.key == "target_id"  # ids are not wrapped: fit the longest
        ws.column_dimensions[column_letter(col)].width = max(column.width, longest + 2) if wide \
            else column.width
    ws.row_dimensions[HEADER_ROW].height = 2 * LINE_HEIGHT + 4


def _rows(ws: Worksheet, sheet: TemplateSheet) -> None:
    from openpyxl.styles import Alignment, PatternFill, Protection

    grey = PatternFill("solid", fgColor=GREY)
    for r, item in enumerate(sheet.rows, start=HEADER_ROW + 1):
        lines = 1
        for col, column in enumerate(COLUMNS, start=1):
            cell = ws.cell(r, col)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column.kind is Kind.describe:
                text = item.cells[column.key]
                cell.value = text
                cell.fill = grey
                lines = max(lines, _lines(text, column.width))
                continue
            cell.number_format = _FORMATS.get(column.key, "General")
            if item.applies(column.key):
                cell.protection = Protection(locked=False)
            else:
                cell.fill = grey
        ws.row_dimensions[r].height = min(lines, 8) * LINE_HEIGHT


def _validations(ws: Worksheet, sheet: TemplateSheet) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    if not sheet.rows:
        return
    first, last = HEADER_ROW + 1, HEADER_ROW + len(sheet.rows)
    letters = {c.key: column_letter(i) for i, c in enumerate(COLUMNS, start=1)}

    def add(column: str, check: DataValidation) -> None:
        check.add(f"{letters[column]}{first}:{letters[column]}{last}")
        ws.add_data_validation(check)

    add("state", DataValidation(
        type="list", formula1='"' + ",".join(STATE_CHOICES) + '"', allow_blank=True,
        showErrorMessage=True, errorTitle="完成状态",
        error="请从下拉列表中选择:" + "、".join(STATE_CHOICES),
        showInputMessage=True, promptTitle="完成状态", prompt="已完成 / 进行中 / 未开始",
    ))
    numbers: list[tuple[str, Literal["decimal", "whole"], str, str]] = [
        ("value", "decimal", "-1000000000", "1000000000"),
        ("baseline_value", "decimal", "-1000000000", "1000000000"),
        ("sample_size", "whole", "0", "100000000"),
    ]
    for key, kind, low, high in numbers:
        add(key, DataValidation(
            type=kind, operator="between", formula1=low, formula2=high, allow_blank=True,
            showErrorMessage=True, errorTitle="请填写数字",
            error="请只填写数字(百分比可写 95%),不要填写文字或单位。",
        ))


def _instructions(ws: Worksheet, sheet: TemplateSheet) -> None:
    from openpyxl.styles import Alignment, Font

    ws.column_dimensions["A"].width = 100
    for r, paragraph in enumerate(instructions(sheet), start=1):
        cell = ws.cell(r, 1, paragraph)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if paragraph.startswith("■"):
            cell.font = Font(bold=True)
        ws.row_dimensions[r].height = _lines(paragraph, 100) * LINE_HEIGHT + 2


def _fit_to_width(ws: Worksheet, *, landscape: bool) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    if ws.sheet_properties.pageSetUpPr is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True


def build_workbook(sheet: TemplateSheet) -> Workbook:
    from bizenv_cli.spreadsheet.openpyxl_lean import load

    load()  # before any openpyxl import: without numpy
    from openpyxl import Workbook

    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = sheet.title
    _labels(ws, sheet)
    _header(ws, sheet)
    _rows(ws, sheet)
    _validations(ws, sheet)
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    _fit_to_width(ws, landscape=True)  # printed for meetings: all columns on one page
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widths and heights may still be changed
    ws.protection.formatRows = False
    notes = workbook.create_sheet(SHEET_TITLE)
    _instructions(notes, sheet)
    _fit_to_width(notes, landscape=False)
    return workbook


def write_xlsx(sheet: TemplateSheet, path: Path) -> None:
    """Write the workbook to ``path`` (OSError when it cannot).

    The zip is built in memory and written in one go: openpyxl saving straight to a
    file that fails (a full disk, /dev/full) leaves a ZipFile that fails again when
    it is collected and prints "Exception ignored ... Traceback" on stderr."""
    buffer = io.BytesIO()
    build_workbook(sheet).save(buffer)
    path.write_bytes(buffer.getvalue())

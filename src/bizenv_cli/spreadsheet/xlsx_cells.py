"""The cells of one worksheet, read one row at a time with a problem per cell, never per sheet.

openpyxl's own row iteration stops at the first cell it cannot read (a shared-string
index past the table, 'NaN' in a number cell, a date serial past 9999) and keeps
every row and merged range it has seen in memory. Here openpyxl parses each cell
(``WorkSheetParser.parse_cell``); a cell it cannot read, an Excel error, a date
serial outside Excel's calendar or a formula without a cached value becomes an
``Unreadable`` value, named at its cell by the table reader. Only rows are kept;
everything else in the sheet (merged cells, validations, formatting) is dropped as
it is read. Rows past MAX_ROWS and columns past MAX_COLUMNS are not kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet._reader import FORMULA_TAG, ROW_TAG, VALUE_TAG, WorkSheetParser
from openpyxl.xml.functions import iterparse

from bizenv_cli.spreadsheet.raw import Raw, Unreadable, quote
from bizenv_cli.spreadsheet.table import MAX_ROWS
from bizenv_cli.spreadsheet.xlsx_guard import MAX_CELLS

__all__ = ["MAX_COLUMNS", "MAX_ROWS", "SheetCells"]
MAX_COLUMNS = 200
EMPTY = Raw(None)
_LAST_SERIAL = 2958465  # 9999-12-31
_REF_RE = re.compile(r"\$?([A-Z]{1,3})\$?[0-9]{1,7}")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# What a <c> holds: value, formula, inline text and its runs (emptied with their row).
_IN_CELL = {_MAIN + tag for tag in (
    "c", "v", "f", "is", "t", "r", "rPr", "rPh", "phoneticPr", "b", "i", "strike", "condense",
    "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "rFont", "family",
    "charset", "scheme")}
_TYPE = {"n": "number", "b": "TRUE/FALSE", "d": "date", "s": "text", "str": "text"}


def _bad_cell(element: Any, shared: int) -> Unreadable:
    kind = element.get("t", "n")
    text = element.findtext(VALUE_TAG) or ""
    if kind == "s":
        return Unreadable(f"points at shared text no. {quote(text)} but the file has {shared}: "
                          "the file is damaged; type the value again and save it in Excel or WPS")
    what = _TYPE.get(kind, f"cell of type {quote(kind)}")
    return Unreadable(f"holds {quote(text)}, which is not a {what} as Excel stores one: "
                      "type the value again")


class SheetCells:
    """Parse the cells of one sheet of ``workbook`` (openpyxl, read-only)."""

    def __init__(self, workbook: Any, sheet: Any) -> None:
        self.workbook, self.sheet = workbook, sheet
        self.shared = getattr(sheet, "_shared_strings", workbook.shared_strings)
        self.parser = WorkSheetParser(b"", self.shared, data_only=True)
        self.dates: set[int] = set(getattr(workbook, "_date_formats", ()))
        self.durations: set[int] = set(getattr(workbook, "_timedelta_formats", ()))
        self.formats: dict[int, str] = {}

    def number_format(self, style: int) -> str:
        if style not in self.formats:
            try:
                cell = ReadOnlyCell(self.sheet, 1, 1, None, "n", style)
                self.formats[style] = str(cell.number_format or "General")
            except (IndexError, KeyError, TypeError, ValueError):  # a style past the table
                self.formats[style] = "General"
        return self.formats[style]

    def date(self, value: int | float, style: int) -> datetime | timedelta | Unreadable | Any:
        if style in self.durations:
            return from_excel(value, self.workbook.epoch, timedelta=True)
        if not 0 <= value <= _LAST_SERIAL:
            return Unreadable(f"is date no. {quote(value)}, outside Excel's calendar (1 is "
                              "1900-01-01, 2958465 is 9999-12-31): type the date as 2021-06-30")
        return from_excel(value, self.workbook.epoch)

    def cell(self, element: Any) -> tuple[int, Raw]:
        """(column, raw value) of a <c> element; column 0 when it has no valid position."""
        try:
            if element.get("t") == "s" and not (element.findtext(VALUE_TAG) or "0").isdigit():
                raise IndexError("not an index")
            cell = self.parser.parse_cell(element)
        except Exception:  # any cell openpyxl cannot read is that cell's problem
            match = _REF_RE.fullmatch(element.get("r") or "")
            column = column_index_from_string(match.group(1)) if match else 0
            self.parser.col_counter = column or self.parser.col_counter + 1
            return self.parser.col_counter, Raw(_bad_cell(element, len(self.shared)))
        value, style = cell["value"], int(cell["style_id"] or 0)
        if element.find(FORMULA_TAG) is not None and not element.findtext(VALUE_TAG) and (
            element.find(VALUE_TAG) is None or element.get("t") != "str"
        ):
            # No <v>, or an empty <v/> in a number cell (what openpyxl writes): never
            # computed. Excel saves a formula whose result is "" as t="str" with an empty <v>.
            formula = element.findtext(FORMULA_TAG) or ""
            value = Unreadable(
                f"holds a formula ({quote('=' + formula)}) with no computed value, as a script "
                "writes it: open the file in Excel or WPS and save it (so the value is "
                "computed), or type the value"
            )
        elif cell["data_type"] == "e":
            error = f"the Excel error {quote(value)}" if value else "an Excel error with no code"
            value = Unreadable(f"is {error}: correct the cell or type the value")
        elif (isinstance(value, int | float) and not isinstance(value, bool)
              and (style in self.dates or style in self.durations)):
            try:
                value = self.date(value, style)
            except (OverflowError, ValueError):
                value = Unreadable(f"is date no. {quote(value)}, which is not a date: type "
                                   "the date as 2021-06-30")
        return int(cell["column"]), Raw(value, self.number_format(style))

    def row(self, element: Any) -> list[Raw]:
        cells: list[Raw] = []
        self.parser.col_counter = 0
        for child in element:
            column, raw = self.cell(child)
            if 0 < column <= MAX_COLUMNS and raw.value is not None:
                cells.extend([EMPTY] * (column - len(cells)))
                cells[column - 1] = raw
        return cells

    def rows(self) -> Iterator[tuple[int, list[Raw]]]:
        """(row number, cells) of each <row> record with a value, in file order.

        A row's children are dropped once it is read; any other element is emptied when
        it ends (merged ranges, validations, formats), except the parts of a cell, which
        its row needs. At most MAX_CELLS cells are read, whatever the guard counted."""
        number = cells_read = 0
        with self.workbook._archive.open(self.sheet._worksheet_path) as source:
            for _, element in iterparse(source):
                tag = element.tag
                if tag == ROW_TAG:
                    r = element.get("r")
                    number = int(r) if r and r.isdigit() else number + 1
                    cells_read += len(element)
                    if cells_read > MAX_CELLS:
                        raise ValueError(f"more than {MAX_CELLS:,} cells")
                    cells = self.row(element)
                    element.clear()
                    if cells and number > 0:  # r="0" is no row
                        yield number, cells
                elif tag not in _IN_CELL:
                    element.clear()

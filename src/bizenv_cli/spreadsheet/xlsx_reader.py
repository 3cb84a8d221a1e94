"""Read a returned .xlsx workbook (Excel, WPS, LibreOffice) with openpyxl.

The data sheet is the one whose header row has a target-id column, wherever it
is in the workbook; the instructions sheet and any other sheet without such a
header are ignored. Formulas count with the value Excel last computed (a formula
without one is a problem at its cell). The container is checked first
(``xlsx_guard``): a file that is not a zip (an old .xls, an encrypted workbook, a
renamed CSV) or that unpacks to too much is refused with a message saying what to
do. openpyxl's warnings (data validation, styles) never reach the user.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from bizenv_cli.diagnostics import Finding
from bizenv_cli.reading.files import CODE_IO, open_regular
from bizenv_cli.reading.yamlsafe import CODE_SIZE, YamlLoadError
from bizenv_cli.spreadsheet.cells import Raw
from bizenv_cli.spreadsheet.columns import SHEET_TITLE
from bizenv_cli.spreadsheet.table import (
    CODE_LAYOUT,
    HEADER_SEARCH_ROWS,
    SheetDocument,
    has_header,
    read_sheets,
)
from bizenv_cli.spreadsheet.xlsx_cells import MAX_COLUMNS, MAX_ROWS, SheetCells
from bizenv_cli.spreadsheet.xlsx_guard import MAX_XLSX_BYTES, check_container

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

__all__ = ["MAX_COLUMNS", "MAX_ROWS", "MAX_XLSX_BYTES", "read_xlsx"]


def _fail(display: str, message: str, code: str = CODE_LAYOUT, row: int = 0) -> YamlLoadError:
    return YamlLoadError([Finding(display, row, 1 if row else 0, code, message)])


def _said(exc: Exception) -> str:
    """What a library exception says, on one line and not too long."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= 160 else text[:157] + "..."


def _open(source: BinaryIO, display: str) -> Workbook:
    from openpyxl import load_workbook

    try:
        return load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # any parse failure is one finding
        raise _fail(display, f"workbook cannot be read ({_said(exc)}): open it "
                    "in Excel or WPS and save it again as Excel Workbook (.xlsx)") from None


def _rows(workbook: Any, sheet: Any, display: str) -> list[list[Raw]] | None:
    """The sheet's rows (index 0 is row 1); None when it has no header row (not a data sheet)."""
    rows: list[list[Raw]] = []
    header: bool | None = None  # known once the rows a header may be in are read
    for number, cells in SheetCells(workbook, sheet).rows():
        if number > HEADER_SEARCH_ROWS and header is None:
            header = has_header(rows)
        if header is False:
            return None  # not the data sheet: the rest of it is never read
        if number > MAX_ROWS:
            raise _fail(display, f"sheet {sheet.title!r} has values past row {MAX_ROWS:,} (in "
                        f"row {number:,}): is this the right file?", CODE_SIZE, row=number)
        rows.extend([] for _ in range(number - len(rows)))
        rows[number - 1] = cells
    return rows if has_header(rows) else None


def _sheets(path: Path, display: str) -> list[tuple[str, list[list[Raw]]]]:
    # The file is opened here, not by openpyxl, which leaves it open when a part fails
    # to parse (an unclosed file, a ResourceWarning, a descriptor per bad workbook).
    try:
        source = open_regular(path)
    except OSError as exc:  # gone or replaced since the container was checked
        raise _fail(display, f"cannot read file: {exc.strerror or exc}", CODE_IO) from None
    with source:
        return _read_sheets(_open(source, display), display)


def _read_sheets(workbook: Workbook, display: str) -> list[tuple[str, list[list[Raw]]]]:
    try:
        found: list[tuple[str, list[list[Raw]]]] = []
        for sheet in workbook.worksheets:
            if sheet.title == SHEET_TITLE:
                continue
            try:
                rows = _rows(workbook, sheet, display)
            except YamlLoadError:
                raise
            except Exception as exc:  # a corrupt sheet is one finding
                message = f"sheet {sheet.title!r} cannot be read: {_said(exc)}"
                raise _fail(display, message) from None
            if rows is not None:
                found.append((sheet.title, rows))
        return found
    finally:
        workbook.close()


def read_xlsx(path: Path, display: str) -> SheetDocument:
    """The submission in the workbook at ``path``; YamlLoadError with findings otherwise."""
    check_container(path, display)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "extension not supported", "no default style"...
        found = _sheets(path, display)
    return read_sheets(found, display)

"""Read a returned .xlsx workbook (Excel, WPS, LibreOffice) with openpyxl.

The data sheet is the one whose header row has a target-id column, wherever it
is in the workbook; the instructions sheet and any other sheet without such a
header are ignored. Formulas count with the value Excel last computed. A file
that is not a zip (an old .xls, an encrypted workbook, a renamed CSV) or that
unpacks to too much is refused with a message saying what to do.
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bizenv_cli.diagnostics import Finding
from bizenv_cli.loading.files import CODE_IO, require_regular
from bizenv_cli.loading.yamlsafe import CODE_SIZE, YamlLoadError
from bizenv_cli.spreadsheet.cells import Raw
from bizenv_cli.spreadsheet.columns import match_column
from bizenv_cli.spreadsheet.instructions import SHEET_TITLE
from bizenv_cli.spreadsheet.table import (
    CODE_LAYOUT,
    HEADER_SEARCH_ROWS,
    Grid,
    SheetDocument,
    is_header,
    read_grid,
)

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

MAX_XLSX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 200
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _fail(
    display: str, message: str, code: str = CODE_LAYOUT, row: int = 0, col: int = 0
) -> YamlLoadError:
    return YamlLoadError([Finding(display, row, col, code, message)])


def _check_container(path: Path, display: str) -> None:
    try:
        size = require_regular(path).st_size  # zipfile and openpyxl would block on a FIFO
        with path.open("rb") as handle:
            magic = handle.read(len(_OLE_MAGIC))
    except OSError as exc:
        raise _fail(display, f"cannot read file: {exc.strerror or exc}", CODE_IO) from None
    if size > MAX_XLSX_BYTES:
        raise _fail(display, f"file is {size:,} bytes; the limit is {MAX_XLSX_BYTES:,}", CODE_SIZE)
    if magic == _OLE_MAGIC:
        raise _fail(display, "this is an old Excel 97-2003 (.xls) or a password-protected "
                    "workbook: remove the password and save it as Excel Workbook (.xlsx)")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise _fail(display, "not an .xlsx workbook (not a zip file): save it from Excel or WPS "
                    "as Excel Workbook (.xlsx), or name a CSV file .csv") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise _fail(display, f"workbook unpacks to {unpacked:,} bytes; the limit is "
                    f"{MAX_UNPACKED_BYTES:,}", CODE_SIZE)


def _open(path: Path, display: str) -> Workbook:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "extension not supported" and the like
            return load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # any parse failure is one finding
        raise _fail(display, f"workbook cannot be read: {type(exc).__name__}: {exc}") from None


def _has_header(rows: list[list[Raw]]) -> bool:
    for row in rows[:HEADER_SEARCH_ROWS]:
        found = {column.key for raw in row if isinstance(raw.value, str)
                 if (column := match_column(raw.value)) is not None}
        if is_header(found):
            return True
    return False


def _rows(sheet: Any, display: str) -> list[list[Raw]]:
    rows: list[list[Raw]] = []
    for cells in sheet.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS):
        rows.append([Raw(c.value, c.number_format or "General") for c in cells])
    while rows and all(raw.value is None for raw in rows[-1]):
        rows.pop()
    if len(rows) > MAX_ROWS:
        raise _fail(display, f"sheet {sheet.title!r} has more than {MAX_ROWS} rows: "
                    "is this the right file?", CODE_SIZE)
    return rows


def read_xlsx(path: Path, display: str) -> SheetDocument:
    """The submission in the workbook at ``path``; YamlLoadError with findings otherwise."""
    _check_container(path, display)
    workbook = _open(path, display)
    try:
        found: list[tuple[str, list[list[Raw]]]] = []
        for sheet in workbook.worksheets:
            if sheet.title == SHEET_TITLE:
                continue
            try:
                rows = _rows(sheet, display)
            except YamlLoadError:
                raise
            except Exception as exc:  # a corrupt sheet is one finding
                message = f"sheet {sheet.title!r} cannot be read: {type(exc).__name__}: {exc}"
                raise _fail(display, message) from None
            if _has_header(rows):
                found.append((sheet.title, rows))
    finally:
        workbook.close()
    if not found:
        raise _fail(display, "no sheet has a '目标编号 Target id' header row: return the sheet "
                    "from `bizenv template` (columns may be moved, not renamed)", row=1, col=1)
    if len(found) > 1:
        names = ", ".join(repr(name) for name, _ in found)
        raise _fail(display, f"several sheets hold targets ({names}): return one department's "
                    "sheet per workbook", row=1, col=1)
    title, rows = found[0]
    return read_grid(Grid(rows, sheet=title, notes=[f"{display}: read sheet {title!r}"]), display)

"""The exceptions as a worksheet, written a row at a time (openpyxl's write-only mode).

Text cells are typed as text, never as formulas (they were also given the quote prefix
by ``exports.safe``). An interruption (SIGTERM, Ctrl-C) while the workbook is written
closes openpyxl's temporary parts at once, so that nothing is printed at exit ("Exception
ignored ... I/O operation on closed file") and ``fileio.save_atomic`` removes the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import polars as pl


def save_xlsx(path: Path, header: list[str], parts: Iterable[pl.DataFrame]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("exceptions")
    try:
        sheet.append(header)
        for part in parts:
            for row in part.iter_rows():
                cells = []
                for value in row:
                    cell = WriteOnlyCell(sheet, value)
                    if isinstance(value, str):
                        cell.data_type = "s"
                    cells.append(cell)
                sheet.append(cells)
        book.save(path)
    except BaseException:
        _discard(sheet)
        raise


def _discard(sheet: object) -> None:
    """Finish the write-only sheet's row generator and its writer while their temporary
    file is still open (left to the garbage collector, they write to it after it closed)."""
    for part in (getattr(sheet, "_rows", None), getattr(sheet, "_writer", None)):
        try:
            if part is not None:
                part.close()
        except Exception:  # a half-written temporary part: dropped
            pass

"""Readers for returned spreadsheets, registered in ``loading.submissions.READERS``.

Imported only when a .xlsx, .xls, .et or .csv file is read. A workbook's format is told by
its first bytes, not its name: an OLE file (Excel 97-2003 .xls, WPS .et, also under a wrong
name) is read by python-calamine, anything else as .xlsx (a zip; WPS saves .et so too),
whose guard names what it is not. What the reader noticed (the
CSV encoding, the sheet used, extra columns ignored) is logged on the
``bizenv`` logger at INFO level, which `-v` shows.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bizenv_cli.reading.files import open_regular
from bizenv_cli.spreadsheet.table import SheetDocument

log = logging.getLogger("bizenv")


def _noted(doc: SheetDocument) -> SheetDocument:
    for note in doc.notes:
        log.info(note)
    return doc


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _is_ole(path: Path) -> bool:
    try:
        with open_regular(path) as handle:
            return handle.read(len(OLE_MAGIC)) == OLE_MAGIC
    except OSError:
        return False  # not there, not a regular file: the .xlsx guard says which


def read_xlsx(path: Path, display: str) -> SheetDocument:
    """A workbook of any name (.xlsx, .xls, .et): by its content."""
    if _is_ole(path):
        from bizenv_cli.spreadsheet.legacy import read_legacy

        log.info(f"{display}: an Excel 97-2003 / WPS (OLE) workbook")
        return _noted(read_legacy(path, display))
    from bizenv_cli.spreadsheet.xlsx_reader import read_xlsx as read

    return _noted(read(path, display))


def read_csv(path: Path, display: str) -> SheetDocument:
    from bizenv_cli.spreadsheet.csv_reader import read_csv as read

    return _noted(read(path, display))

"""Readers for returned spreadsheets, registered in ``loading.submissions.READERS``.

Imported only when a .xlsx or .csv file is read. What the reader noticed (the
CSV encoding, the sheet used, extra columns ignored) is logged on the
``bizenv`` logger at INFO level, which `-v` shows.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bizenv_cli.spreadsheet.table import SheetDocument

log = logging.getLogger("bizenv")


def _noted(doc: SheetDocument) -> SheetDocument:
    for note in doc.notes:
        log.info(note)
    return doc


def read_xlsx(path: Path, display: str) -> SheetDocument:
    from bizenv_cli.spreadsheet.xlsx_reader import read_xlsx as read

    return _noted(read(path, display))


def read_csv(path: Path, display: str) -> SheetDocument:
    from bizenv_cli.spreadsheet.csv_reader import read_csv as read

    return _noted(read(path, display))

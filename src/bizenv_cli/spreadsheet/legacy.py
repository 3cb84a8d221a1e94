"""Read an Excel 97-2003 (.xls) or WPS (.et) workbook: the OLE/BIFF format, by python-calamine.

calamine reads a whole sheet into one dense block at open, so a small file whose cells lie
far apart (A1 and IV65536, or a column past BIFF's 256) claims gigabytes, and a failed
allocation aborts the process. It therefore reads in a child process (``legacy_child.py``)
under a memory and a time limit; past either, the file is refused with one finding. What
comes back is the same grid as from an .xlsx sheet, checked by the same table reader. The
number formats are not read: a percent cell is its fraction (0.95), which the ratio rule
(loading/ratios.py) reads as 95 % for a percent target, with a warning.
"""

from __future__ import annotations

import pickle
import resource
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from bizenv_cli.diagnostics import Finding
from bizenv_cli.reading.files import CODE_IO, require_regular
from bizenv_cli.reading.yamlsafe import CODE_SIZE, YamlLoadError
from bizenv_cli.spreadsheet.columns import SHEET_TITLE
from bizenv_cli.spreadsheet.raw import Raw
from bizenv_cli.spreadsheet.table import (
    CODE_LAYOUT,
    MAX_ROWS,
    SheetDocument,
    has_header,
    read_sheets,
)

MAX_BYTES = 10 * 1024 * 1024  # as for .xlsx (xlsx_guard.MAX_XLSX_BYTES)
MAX_COLUMNS = 200  # as for .xlsx (xlsx_cells.MAX_COLUMNS): cells past it are ignored
MEMORY_LIMIT = 768 * 1024 * 1024  # the child's address space
SECONDS = 30
_CHILD = Path(__file__).with_name("legacy_child.py")
_VALUES = (str, int, float, bool, datetime, date, time, timedelta, type(None))
SAVE_AS = "open it in Excel or WPS and save it as Excel Workbook (.xlsx)"


def _fail(display: str, message: str, code: str = CODE_LAYOUT) -> YamlLoadError:
    return YamlLoadError([Finding(display, 0, 0, code, message)])


def _limit() -> None:  # in the child, before it runs
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _run(path: Path, display: str) -> Any:
    try:
        done = subprocess.run(
            [sys.executable, "-I", str(_CHILD), str(path), str(MAX_ROWS + 1), str(MAX_COLUMNS)],
            stdin=subprocess.DEVNULL, capture_output=True, timeout=SECONDS, preexec_fn=_limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise _fail(display, f"the workbook took more than {SECONDS} s to read: {SAVE_AS}",
                    CODE_SIZE) from None
    except OSError as exc:
        raise _fail(display, f"cannot read file: {exc.strerror or exc}", CODE_IO) from None
    if done.returncode not in (0, 2):
        raise _fail(display, "the workbook needs more than "
                    f"{MEMORY_LIMIT // 2**20:,} MB to read (cells spread far apart, or a damaged "
                    f"file): {SAVE_AS}", CODE_SIZE)
    try:
        found = pickle.loads(done.stdout)  # our own child's output: plain values only
    except Exception:  # cut short (killed between writing and exiting): nothing to use
        raise _fail(display, f"the workbook could not be read: {SAVE_AS}") from None
    if done.returncode == 2:
        raise _fail(display, "this is an old Excel 97-2003 (.xls) or a password-protected "
                    f"workbook that cannot be read ({found}): remove the password, {SAVE_AS}")
    return found


def _raw(value: Any) -> Raw:
    if value == "" or not isinstance(value, _VALUES):
        return Raw(None)
    return Raw(value)


def read_legacy(path: Path, display: str) -> SheetDocument:
    """The submission in the .xls/.et workbook at ``path``; YamlLoadError otherwise."""
    try:
        size = require_regular(path).st_size  # a FIFO is refused before anything opens it
    except OSError as exc:
        raise _fail(display, f"cannot read file: {exc.strerror or exc}", CODE_IO) from None
    if size > MAX_BYTES:
        raise _fail(display, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}", CODE_SIZE)
    found = []
    for name, height, cells in _run(path, display):
        rows = [[_raw(v) for v in row] for row in cells]
        if name == SHEET_TITLE or not has_header(rows):
            continue
        if height > MAX_ROWS:
            raise YamlLoadError([Finding(
                display, height, 1, CODE_SIZE, f"sheet {name!r} has values past row "
                f"{MAX_ROWS:,} (in row {height:,}): is this the right file?")])
        found.append((str(name), rows))
    return read_sheets(found, display)

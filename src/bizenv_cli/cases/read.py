"""Read a case file as departments export it: CSV (``read_csv``: UTF-8 or GB18030/GBK),
XLSX (``read_xlsx``: title rows above the header, merged title cells) or Parquet, into a
polars frame of the columns a source needs.

Only a regular file is read (a FIFO or a device is refused before it is opened), and its
size is checked before anything reads it. The file is hashed a chunk at a time (sha256,
for the evidence) and parsed from the file itself, so its bytes are never held beside the
frame. Cells stay text (CSV is read with every column as text, so nothing is guessed);
Parquet keeps its date and datetime columns, read natively. A spreadsheet's row number is
``first_row`` plus the row's index: the header's row plus one for the first case.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from bizenv_cli.cases.codes import CODE_COLUMN, CODE_FILE, CODE_SIZE
from bizenv_cli.cases.read_xlsx import MAX_XLSX_BYTES
from bizenv_cli.diagnostics import Finding
from bizenv_cli.errors import BizenvError

MAX_FILE_BYTES = 1024 * 1024 * 1024  # 1 GiB: a million cases in CSV take about 90 MB
MAX_ROWS = 5_000_000
SUFFIXES = (".csv", ".xlsx", ".parquet")
# the types a cell of a case column may have: text, numbers, dates (never lists, binary...)
_PLAIN = (pl.String, pl.Categorical, pl.Enum, pl.Date, pl.Datetime, pl.Boolean, pl.Null)


@dataclass(frozen=True)
class CaseTable:
    shown: str  # the path as displayed in findings
    frame: pl.DataFrame  # the columns needed, as read
    columns: dict[str, int]  # header -> 1-based column number (every column of the file)
    sha256: str
    how: str  # "UTF-8", "GB18030", "sheet 高压新装 (header on row 3)", "Parquet"
    first_row: int = 2  # the row number of the frame's first row

    @property
    def header_row(self) -> int:
        return self.first_row - 1


def fail(shown: str, message: str, code: str = CODE_FILE, line: int = 0, col: int = 0) -> None:
    raise BizenvError(f"{shown}: {message}", findings=[Finding(shown, line, col, code, message)])


def check_file(path: Path, shown: str) -> int:
    """The file's size, once it is known to be a regular case file under its cap."""
    try:
        info = os.stat(path)
    except OSError as exc:  # missing, no permission, a loop of symbolic links
        fail(shown, f"cannot read file: {exc.strerror or exc}")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        fail(shown, f"bizenv reads case files as {', '.join(SUFFIXES)}, not {suffix or 'this'}")
    cap = MAX_XLSX_BYTES if suffix == ".xlsx" else MAX_FILE_BYTES
    if not stat.S_ISREG(info.st_mode):
        fail(shown, "not a regular file (a pipe or a device cannot be read as cases)")
    if info.st_size > cap:
        fail(shown, f"file is {info.st_size:,} bytes; the limit is {cap:,}", CODE_SIZE)
    return info.st_size


def digest(path: Path, shown: str) -> str:
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError as exc:
        fail(shown, f"cannot read file: {exc.strerror or exc}")
    raise AssertionError("unreachable")


def _parse(
    path: Path, shown: str, wanted: set[str], sheet: str | None
) -> tuple[pl.DataFrame, list[str], int, str]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        from bizenv_cli.cases import read_csv

        return read_csv.read(path, wanted, MAX_ROWS)
    if suffix == ".xlsx":
        from bizenv_cli.cases import read_xlsx

        read_xlsx.guard(path, shown)
        return read_xlsx.read(path, wanted, sheet)
    from bizenv_cli.cases.read_csv import count_rows

    lazy = pl.scan_parquet(path, glob=False)
    count_rows(lazy, MAX_ROWS)  # from the file's metadata
    names = lazy.collect_schema().names()
    keep = [n for n in names if n in wanted] if wanted else names
    return lazy.select(keep).collect(), names, 1, "Parquet"


def read_table(path: Path, shown: str, wanted: set[str], sheet: str | None = None) -> CaseTable:
    """The ``wanted`` columns of ``path`` (its header: the first row holding them all)."""
    check_file(path, shown)
    sha = digest(path, shown)
    suffix = path.suffix.lower()
    from bizenv_cli.cases.read_csv import TooManyRows

    try:
        frame, header, header_row, how = _parse(path, shown, wanted, sheet)
    except TooManyRows as exc:  # counted before the cells were read
        fail(shown, str(exc), CODE_SIZE)
    except (pl.exceptions.PolarsError, OSError, ValueError, OverflowError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        fail(shown, f"cannot be read as {suffix[1:].upper()}: {first[:300]}")
    if frame.height > MAX_ROWS:
        fail(
            shown, f"{frame.height:,} rows; the limit is {MAX_ROWS:,} (split the export)", CODE_SIZE
        )
    columns = {name: i + 1 for i, name in enumerate(header) if name}
    table = CaseTable(shown, frame, columns, sha, how, header_row + 1)
    _check_types(table)
    return table


def header_rows(path: Path, shown: str) -> list[list[str]]:
    """The rows that may be the header of ``path`` (a CSV: its first rows; a workbook:
    the fullest of its first rows; a Parquet file: its columns), to tell which source a
    file is by its columns."""
    check_file(path, shown)
    try:
        if path.suffix.lower() == ".parquet":
            return [list(pl.read_parquet_schema(path))]
        if path.suffix.lower() == ".xlsx":
            from bizenv_cli.cases import read_xlsx

            read_xlsx.guard(path, shown)
            return [read_xlsx.read(path, set(), None)[1]]
        from bizenv_cli.cases.read_csv import head_rows, sniff

        return [[c.strip() for c in row] for row in head_rows(sniff(path)[0])]
    except (pl.exceptions.PolarsError, OSError, ValueError, OverflowError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        fail(shown, f"cannot be read: {first[:300]}")
    raise AssertionError("unreachable")


def _check_types(table: CaseTable) -> None:
    """A column of lists, structs, binary or durations cannot hold a case's cell."""
    found = []
    for name, dtype in table.frame.schema.items():
        if dtype.is_numeric() or dtype.is_decimal() or isinstance(dtype, _PLAIN):
            continue
        if any(dtype == plain for plain in _PLAIN):
            continue
        found.append(
            Finding(
                table.shown,
                table.header_row,
                table.columns.get(name, 0),
                CODE_FILE,
                f"column {name!r} holds {dtype} values, not text, numbers or dates: export it "
                "as text or as a date/datetime column",
            )
        )
    if found:
        raise BizenvError(f"{table.shown}: columns that cannot be read", findings=found)


def require_columns(table: CaseTable, needed: list[str], what: str) -> list[Finding]:
    """A finding for each ``needed`` column the file lacks, with the headers it has."""
    import difflib

    found = []
    for name in dict.fromkeys(needed):
        if name not in table.columns:
            close = difflib.get_close_matches(name, list(table.columns)[:200], n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            headers = ", ".join(list(table.columns)[:12])
            found.append(
                Finding(
                    table.shown,
                    0,
                    0,
                    CODE_COLUMN,
                    f"no column {name!r} ({what}){hint} The header has: {headers}",
                )
            )
    return found

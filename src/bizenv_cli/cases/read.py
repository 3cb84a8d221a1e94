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
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import polars as pl

from bizenv_cli.cases import codes
from bizenv_cli.cases.codes import CODE_COLUMN, CODE_FILE, CODE_SIZE, MAX_XLSX_BYTES
from bizenv_cli.cases.read_csv import CHUNK_ROWS
from bizenv_cli.diagnostics import Finding
from bizenv_cli.errors import BizenvError

MAX_FILE_BYTES = codes.MAX_FILE_BYTES  # a module global: tests lower it
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


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino


class _Digest(threading.Thread):
    """``digest`` in a thread of its own, while the rows are parsed (hashlib and polars
    both run without the interpreter's lock: a large file is read once by each, at once).
    The file is read twice, so it must not change in between: its size, time and inode
    when the reading starts are compared with those once its rows are read."""

    def __init__(self, path: Path, shown: str) -> None:
        super().__init__(name="bizenv-sha256", daemon=True)
        self.path, self.shown = path, shown
        self.value: str | BizenvError = ""
        self.stamp = _stamp(path)
        self.start()

    def run(self) -> None:
        try:
            self.value = digest(self.path, self.shown)
        except BizenvError as exc:
            self.value = exc

    def result(self) -> str:
        self.join()
        if isinstance(self.value, BizenvError):
            raise self.value
        if _stamp(self.path) != self.stamp:
            fail(
                self.shown,
                "the file changed while it was read (still being written or copied?): "
                "run bizenv again once it is complete",
            )
        return self.value


@dataclass
class _Opened:
    header: list[str]
    header_row: int
    schema: dict[str, pl.DataType]
    batches: Iterator[pl.DataFrame]
    how: Callable[[], str]  # known once the batches are read (a CSV's encoding)
    close: Callable[[], None] = lambda: None


class CaseStream:
    """A case file opened: its header found and its columns checked (``table``, whose
    frame is empty but has the file's types), its rows to come a batch at a time
    (iterating); a batch that cannot be read is a finding (exit 3), like a file that
    cannot be opened. ``close`` when the rows are not wanted."""

    def __init__(self, table: CaseTable, opened: _Opened, sha256: _Digest) -> None:
        self._table, self._opened, self._sha256 = table, opened, sha256

    @property
    def table(self) -> CaseTable:
        """The table as known before its rows are read (no ``sha256`` yet)."""
        return self._table

    def finished(self) -> CaseTable:
        """The table once its rows are read: how it was read, and its sha256."""
        return replace(self._table, how=self._opened.how(), sha256=self._sha256.result())

    def __iter__(self) -> Iterator[pl.DataFrame]:
        suffix = Path(self._table.shown).suffix.lower()[1:].upper() or "a case file"
        try:
            yield from self._opened.batches
        except (pl.exceptions.PolarsError, OSError, ValueError, OverflowError) as exc:
            row = getattr(exc, "row", 0)  # read_csv.RowError: the row that cannot be read
            fail(self._table.shown, f"cannot be read as {suffix}: {_first_line(exc)}", line=row)
        finally:
            self.close()

    def close(self) -> None:
        self._opened.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:300]


def _open(path: Path, shown: str, wanted: set[str], sheet: str | None) -> _Opened:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        from bizenv_cli.cases.read_csv import CsvFile

        csv = CsvFile(path, wanted)
        return _Opened(
            csv.header,
            csv.header_row,
            csv.schema(),
            csv.batches(CHUNK_ROWS),
            lambda: csv.how,
            csv.close,
        )
    if suffix == ".xlsx":
        from bizenv_cli.cases import read_xlsx

        read_xlsx.guard(path, shown)
        frame, header, row, how = read_xlsx.read(path, wanted, sheet)
        return _Opened(header, row, dict(frame.schema), iter([frame]), lambda: how)
    lazy = pl.scan_parquet(path, glob=False)
    names = lazy.collect_schema().names()
    keep = [n for n in names if n in wanted] if wanted else names
    lazy = lazy.select(keep)
    schema = dict(lazy.collect_schema())
    return _Opened(names, 1, schema, lazy.collect_batches(chunk_size=CHUNK_ROWS), lambda: "Parquet")


def open_table(path: Path, shown: str, wanted: set[str], sheet: str | None = None) -> CaseStream:
    """The ``wanted`` columns of ``path`` (its header: the first row holding them all),
    to be read a batch of rows at a time."""
    check_file(path, shown)
    sha = _Digest(path, shown)
    suffix = path.suffix.lower()
    try:
        opened = _open(path, shown, wanted, sheet)
    except BizenvError:
        raise
    except (pl.exceptions.PolarsError, OSError, ValueError, OverflowError) as exc:
        row = getattr(exc, "row", 0)  # read_csv.RowError: the row that cannot be read
        fail(shown, f"cannot be read as {suffix[1:].upper()}: {_first_line(exc)}", line=row)
    columns = {name: i + 1 for i, name in enumerate(opened.header) if name}
    empty = pl.DataFrame(schema=opened.schema)
    table = CaseTable(shown, empty, columns, "", opened.how(), opened.header_row + 1)
    stream = CaseStream(table, opened, sha)
    try:
        _check_types(stream.table)
    except BizenvError:
        stream.close()
        raise
    return stream


def read_table(path: Path, shown: str, wanted: set[str], sheet: str | None = None) -> CaseTable:
    """``open_table`` with every batch read into the table's frame (a small file)."""
    stream = open_table(path, shown, wanted, sheet)
    frames = list(stream)
    table = stream.finished()
    return replace(table, frame=pl.concat(frames) if frames else table.frame)


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
        fail(shown, f"cannot be read: {_first_line(exc)}")
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
            one = next(iter(table.columns)) if len(table.columns) == 1 else ""
            sep = next((s for s in ("\t", ";", "|") if name in one.split(s)), "")
            if sep:  # a file of tab- (or ;-) separated cells, named .csv
                hint = f"; the cells are separated by {sep!r}, not commas: save it as CSV UTF-8."
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

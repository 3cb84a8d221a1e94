"""Read a case file as departments export it: CSV (UTF-8 or GB18030/GBK), XLSX (title
rows above the header, merged title cells) or Parquet, into a polars frame.

The file is read once, under a size cap, from a regular file only (a FIFO or a device is
refused before it is opened); the bytes read are the bytes hashed (sha256, for the
evidence) and the bytes parsed. Cells stay text (CSV is read with every column as text,
so nothing is guessed); Parquet keeps its date and datetime columns. ``__row`` is the
row number a spreadsheet shows: the header's row plus one for the first case.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import stat
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import polars as pl

from bizenv_cli.cases.codes import CODE_COLUMN, CODE_FILE, CODE_SIZE
from bizenv_cli.diagnostics import Finding
from bizenv_cli.errors import BizenvError

MAX_FILE_BYTES = 1024 * 1024 * 1024  # 1 GiB: a million cases in CSV take about 90 MB
MAX_XLSX_BYTES = 200 * 1024 * 1024  # an XLSX is unzipped in memory
MAX_XLSX_UNZIPPED = 2 * 1024 * 1024 * 1024  # what it unzips to: a zip bomb stops here
MAX_ROWS = 5_000_000
HEADER_SEARCH_ROWS = 20  # title rows above the header: looked for in the first 20 rows
ROW = "__row"
SUFFIXES = (".csv", ".xlsx", ".parquet")


@dataclass(frozen=True)
class CaseTable:
    shown: str  # the path as displayed in findings
    frame: pl.DataFrame  # the columns as read, plus ``__row``
    columns: dict[str, int]  # header -> 1-based column number
    sha256: str
    how: str  # "UTF-8", "GB18030", "sheet 高压新装 (header on row 3)", "Parquet"


def fail(shown: str, message: str, code: str = CODE_FILE, line: int = 0, col: int = 0) -> None:
    raise BizenvError(f"{shown}: {message}", findings=[Finding(shown, line, col, code, message)])


def read_bytes(path: Path, shown: str) -> bytes:
    """The file's bytes: a regular file under its size cap, checked before it is opened."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        fail(shown, f"bizenv reads case files as {', '.join(SUFFIXES)}, not {suffix or 'this'}")
    cap = MAX_XLSX_BYTES if suffix == ".xlsx" else MAX_FILE_BYTES
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            fail(shown, "not a regular file (a pipe or a device cannot be read as cases)")
        if info.st_size > cap:
            fail(shown, f"file is {info.st_size:,} bytes; the limit is {cap:,}", CODE_SIZE)
        with path.open("rb") as stream:
            data = stream.read(cap + 1)
    except OSError as exc:
        fail(shown, f"cannot read file: {exc.strerror or exc}")
    if len(data) > cap:
        fail(shown, f"file is over the {cap:,}-byte limit", CODE_SIZE)
    return data


def read_table(path: Path, shown: str, wanted: set[str], sheet: str | None = None) -> CaseTable:
    """The table in ``path``; its header is the first row holding every ``wanted`` column."""
    data = read_bytes(path, shown)
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            frame, header_row, how = _csv(data, shown, wanted)
        elif suffix == ".xlsx":
            frame, header_row, how = _xlsx(data, shown, wanted, sheet)
        else:
            frame, header_row, how = pl.read_parquet(io.BytesIO(data)), 1, "Parquet"
    except (pl.exceptions.PolarsError, OSError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        fail(shown, f"cannot be read as {suffix[1:].upper()}: {first[:300]}")
    if frame.height > MAX_ROWS:
        fail(
            shown, f"{frame.height:,} rows; the limit is {MAX_ROWS:,} (split the export)", CODE_SIZE
        )
    columns = {name: i + 1 for i, name in enumerate(frame.columns)}
    frame = frame.with_columns(
        pl.int_range(header_row + 1, header_row + 1 + frame.height, dtype=pl.Int32).alias(ROW)
    )
    return CaseTable(shown, frame, columns, digest, how)


def require_columns(table: CaseTable, needed: list[str], what: str) -> list[Finding]:
    """A finding for each ``needed`` column the file lacks, with the headers it has."""
    import difflib

    found = []
    for name in dict.fromkeys(needed):
        if name not in table.columns:
            close = difflib.get_close_matches(name, list(table.columns), n=1)
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


def _sniff(data: bytes) -> tuple[str, str]:
    """The start of the file as text, for finding the header, and its encoding. Only the
    start is decoded here: polars checks the UTF-8 of the rest as it reads."""
    head = data[: 64 * 1024]
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:].decode("utf-8", "ignore"), "UTF-8 with BOM"
    try:
        return head.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut at the end of the sample
            return head[: exc.start].decode("utf-8"), "UTF-8"
    return _gb18030(data)[: 64 * 1024], "GB18030"


def _gb18030(data: bytes) -> str:
    try:  # what Chinese Excel and WPS save as "CSV"; GBK is a subset of GB18030
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"neither UTF-8 nor GB18030 (byte {exc.start:,}): save the file as CSV UTF-8"
        ) from None


def _header_index(rows: list[list[str]], wanted: set[str]) -> int:
    """The first row holding every wanted name, else the first of the fullest rows."""
    for i, row in enumerate(rows):
        if wanted and wanted <= {cell.strip() for cell in row}:
            return i
    counts = [sum(1 for c in row if c.strip()) for row in rows]
    return counts.index(max(counts)) if counts else 0


def _csv(data: bytes, shown: str, wanted: set[str]) -> tuple[pl.DataFrame, int, str]:
    text, how = _sniff(data)
    head = list(csv.reader(io.StringIO(text)))[:HEADER_SEARCH_ROWS]
    skip = _header_index(head, wanted) if head else 0
    if head:
        _unique(head[skip], skip + 1)
    payload = data[3:] if how == "UTF-8 with BOM" else data
    if how == "GB18030":
        payload = _gb18030(data).encode("utf-8")
    try:
        frame = pl.read_csv(io.BytesIO(payload), infer_schema=False, skip_rows=skip)
    except pl.exceptions.ComputeError as exc:
        if "more fields" in str(exc):
            raise ValueError(_ragged(payload, skip)) from None
        if how != "UTF-8" or "utf-8" not in str(exc).lower():
            raise
        how = "GB18030"  # valid UTF-8 at the start only
        payload = _gb18030(data).encode("utf-8")
        frame = pl.read_csv(io.BytesIO(payload), infer_schema=False, skip_rows=skip)
    frame = frame.rename({c: c.strip() for c in frame.columns})
    note = f"{how}, header on row {skip + 1}" if skip else how
    return frame, skip + 1, note


def _unique(header: list[str], row: int) -> None:
    seen: set[str] = set()
    for name in (c.strip() for c in header):
        if name and name in seen:
            raise ValueError(f"the header on row {row} names {name!r} twice")
        seen.add(name)


def _ragged(payload: bytes, skip: int) -> str:
    """Which row has more cells than the header (polars does not say)."""
    rows = csv.reader(io.StringIO(payload.decode("utf-8", "replace")))
    width = 0
    for number, row in enumerate(rows, start=1):
        if number == skip + 1:
            width = len(row)
        elif number > skip + 1 and len(row) > width:
            return f"row {number} has {len(row)} cells, the header {width}: quote cells with commas"
    return "a row has more cells than the header"


def _cell(value: object) -> str | None:
    """A spreadsheet cell as text: dates and times ISO, whole numbers without '.0'."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx(
    data: bytes, shown: str, wanted: set[str], sheet: str | None
) -> tuple[pl.DataFrame, int, str]:
    import zipfile

    import python_calamine

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise ValueError("not an XLSX workbook (not a zip archive)") from None
    if unzipped > MAX_XLSX_UNZIPPED:
        raise ValueError(
            f"it unzips to {unzipped:,} bytes; the limit is {MAX_XLSX_UNZIPPED:,}: split it"
        )
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = book.sheet_names
        if sheet is not None and sheet not in names:
            raise ValueError(f"no sheet {sheet!r}; the sheets are {', '.join(names)}")
        chosen = sheet or names[0]
        rows = book.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    except python_calamine.CalamineError as exc:
        raise ValueError(str(exc) or type(exc).__name__) from None
    texts = [[_cell(v) or "" for v in row] for row in rows[:HEADER_SEARCH_ROWS]]
    h = _header_index(texts, wanted) if texts else 0
    header = [c.strip() for c in texts[h]] if texts else []
    width = max((i + 1 for i, c in enumerate(header) if c), default=0)
    _unique(header[:width], h + 1)
    body = rows[h + 1 :]
    while body and all(v in (None, "") for v in body[-1]):
        body.pop()  # trailing empty rows of the used area are not cases
    columns = {
        header[j] or f"column {j + 1}": [_cell(r[j]) if j < len(r) else None for r in body]
        for j in range(width)
    }
    frame = pl.DataFrame(columns, schema={k: pl.String for k in columns})
    return frame, h + 1, f"sheet {chosen} (header on row {h + 1})"

"""A CSV case file, read lazily by polars from the file itself (never held as bytes):
UTF-8 with or without a BOM, else GB18030 (GBK is a subset: what Chinese Excel and WPS
save), transcoded a chunk at a time to a private temporary file. The header is the first
of the first rows that holds every column wanted, so title lines above it are skipped."""

from __future__ import annotations

import codecs
import csv
import io
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl

HEADER_SEARCH_ROWS = 20  # title rows above the header: looked for in the first 20 rows
SNIFF_BYTES = 64 * 1024
_CHUNK = 1024 * 1024


def sniff(path: Path) -> tuple[str, str]:
    """The start of the file as text, for finding the header, and its encoding."""
    with path.open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
    if head.startswith(codecs.BOM_UTF8):
        return head[3:].decode("utf-8", "ignore"), "UTF-8 with BOM"
    try:
        return head.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut at the end of the sample
            return head[: exc.start].decode("utf-8"), "UTF-8"
    return head.decode("gb18030", "ignore"), "GB18030"


def head_rows(text: str) -> list[list[str]]:
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text)):
            rows.append(row)
            if len(rows) >= HEADER_SEARCH_ROWS:
                break
    except csv.Error:  # a NUL or a quote cut by the sample's end: what was read so far
        pass
    return rows


def header_index(rows: list[list[str]], wanted: set[str]) -> int:
    """The first row holding every wanted name, else the first of the fullest rows."""
    for i, row in enumerate(rows):
        if wanted and wanted <= {cell.strip() for cell in row}:
            return i
    counts = [sum(1 for c in row if c.strip()) for row in rows]
    return counts.index(max(counts)) if counts else 0


def unique(header: list[str], row: int) -> None:
    seen: set[str] = set()
    for name in (c.strip() for c in header):
        if name and name in seen:
            raise ValueError(f"the header on row {row} names {name!r} twice")
        seen.add(name)


@contextmanager
def utf8_copy(path: Path) -> Iterator[Path]:
    """``path`` transcoded from GB18030 to UTF-8 in a private temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="bizenv-cases-"))
    try:
        copy = folder / "utf8.csv"
        decoder = codecs.getincrementaldecoder("gb18030")()
        done = 0
        with path.open("rb") as source, copy.open("wb") as target:
            while chunk := source.read(_CHUNK):
                try:
                    target.write(decoder.decode(chunk).encode("utf-8"))
                except UnicodeDecodeError as exc:
                    raise ValueError(
                        f"neither UTF-8 nor GB18030 (byte {done + exc.start:,}): save the file "
                        "as CSV UTF-8"
                    ) from None
                done += len(chunk)
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def ragged(path: Path, skip: int, encoding: str) -> str:
    """Which row has more cells than the header (polars does not say)."""
    width = 0
    with path.open(encoding=encoding, errors="replace", newline="") as text:
        for number, row in enumerate(csv.reader(text), start=1):
            if number == skip + 1:
                width = len(row)
            elif number > skip + 1 and len(row) > width:
                cells = f"row {number} has {len(row)} cells, the header {width}"
                return f"{cells}: quote cells with commas"
    return "a row has more cells than the header"


class TooManyRows(ValueError):
    """A file with more rows than ``limit``: counted without holding them."""

    def __init__(self, rows: int, limit: int) -> None:
        super().__init__(f"{rows:,} rows; the limit is {limit:,} (split the export)")


def count_rows(lazy: pl.LazyFrame, limit: int | None) -> None:
    """Refuse a file over ``limit`` rows before its cells are read: polars counts the
    rows of a CSV or Parquet file without keeping them."""
    if limit is not None:
        rows = int(lazy.select(pl.len()).collect().item())
        if rows > limit:
            raise TooManyRows(rows, limit)


def _collect(path: Path, skip: int, wanted: list[str], limit: int | None) -> pl.DataFrame:
    lazy = pl.scan_csv(path, infer_schema=False, skip_rows=skip, encoding="utf8", glob=False)
    count_rows(lazy, limit)
    names = lazy.collect_schema().names()
    stripped = {n: n.strip() for n in names}
    keep = [n for n in names if stripped[n] in wanted] if wanted else names
    return lazy.select([pl.col(n).alias(stripped[n]) for n in keep]).collect()


def read(
    path: Path, wanted: set[str], limit: int | None = None
) -> tuple[pl.DataFrame, list[str], int, str]:
    """The wanted columns (all when none is wanted), every header name, the header's
    row number and how the file was read."""
    text, how = sniff(path)
    head = head_rows(text)
    skip = header_index(head, wanted) if head else 0
    header = [c.strip() for c in head[skip]] if head else []
    unique(header, skip + 1)
    want = [n for n in header if n in wanted] if wanted else []
    try:
        if how == "GB18030":
            with utf8_copy(path) as copy:
                frame = _collect(copy, skip, want, limit)
        else:
            try:
                frame = _collect(path, skip, want, limit)
            except pl.exceptions.ComputeError as exc:
                if "utf-8" not in str(exc).lower():
                    raise
                how = "GB18030"  # valid UTF-8 at the start only
                with utf8_copy(path) as copy:
                    frame = _collect(copy, skip, want, limit)
    except pl.exceptions.ComputeError as exc:
        if "more fields" in str(exc):
            encoding = "gb18030" if how == "GB18030" else "utf-8-sig"
            raise ValueError(ragged(path, skip, encoding)) from None
        raise
    note = f"{how}, header on row {skip + 1}" if skip else how
    return frame, header, skip + 1, note

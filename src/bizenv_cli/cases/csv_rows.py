"""Which row of a CSV file polars could not read, and why: polars says neither (its
message quotes the rest of the file), so the file is read again, on that error only, by
Python's csv module, strict."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path


class RowError(ValueError):
    """A row of the file that cannot be read, by its number (the finding's line)."""

    def __init__(self, row: int, message: str) -> None:
        super().__init__(message)
        self.row = row


def _stray_quote(raw: str) -> bool:
    """Whether ``raw`` (a record as written, which Python's csv read) holds an odd number
    of quotes: one inside a cell that does not start with one, which Python keeps as a
    character, but from which polars reads on as a quoted cell, across the line's end. (A
    pair of them inside a cell is read by both as characters.)"""
    return raw.count('"') % 2 == 1


def _records(text: Iterable[str]) -> Iterator[tuple[list[str], str]]:
    """The records of ``text`` (lines), each with its text as written."""
    lines: list[str] = []  # the lines of the record being read

    def kept() -> Iterator[str]:
        for line in text:
            lines.append(line)
            yield line

    for row in csv.reader(kept(), strict=True):
        yield row, "".join(lines)
        lines.clear()


def _stray(number: int) -> RowError:
    return RowError(
        number,
        f"row {number} has a quote inside a cell that does not start with one: quote the "
        'cell and write the quote twice ("")',
    )


def stray_above(text: str, header: int) -> RowError | None:
    """A quote within a cell (not at its start) down to the header's row (``header``):
    polars then reads the header, but takes the rows below it for part of it, and gives
    no row at all, without a word."""
    try:
        for number, (_, raw) in enumerate(_records(io.StringIO(text)), start=1):
            if number > header:
                break
            if _stray_quote(raw):
                return _stray(number)
    except csv.Error:  # a quote cut by the end of the sample: polars reads the file
        pass
    return None


def broken_row(path: Path, skip: int, encoding: str) -> RowError | None:
    """The first row polars could not read, and why (polars does not say which): more
    cells than the header, a quote that opens a cell and never closes, or one inside a
    cell that does not start with a quote; else a line that ends with CR alone."""
    width = number = 0
    stray: RowError | None = None
    cr: RowError | None = None
    with path.open(encoding=encoding, errors="replace", newline="") as text:
        try:
            for number, (row, raw) in enumerate(_records(text), start=1):
                if number == skip + 1:
                    width = len(row)
                elif number > skip + 1 and len(row) > width:
                    cells = f"row {number} has {len(row)} cells, the header {width}"
                    return RowError(number, f"{cells}: quote cells with commas")
                elif stray is None and number > skip + 1 and _stray_quote(raw):
                    stray = _stray(number)  # what polars stumbled on, unless worse follows
                elif cr is None and raw.endswith("\r"):  # polars reads on into the next line
                    cr = RowError(
                        number,
                        f"row {number} ends with a carriage return alone (CSV for old Macs): "
                        "save the file as CSV UTF-8",
                    )
        except csv.Error as exc:
            return RowError(
                number + 1,
                f"row {number + 1}: {exc}: a cell that starts with a quote ends with one, "
                'and a quote inside it is written twice ("")',
            )
    return stray or cr


def _first_bad(path: Path, encoding: str) -> int:
    """The offset of the first byte of ``path`` that ``encoding`` cannot decode."""
    decoder = codecs.getincrementaldecoder(encoding)()
    done = 0
    with path.open("rb") as source:
        while True:
            chunk = source.read(1024 * 1024)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                return max(done + exc.start - len(decoder.getstate()[0]), 0)
            if not chunk:
                return done
            done += len(chunk)


def undecodable(path: Path, gb18030_at: int) -> RowError:
    """A file neither UTF-8 nor GB18030, named by the line of the byte where the encoding
    it holds longest stops: a UTF-8 file with one broken character is not named by its
    first Chinese character, as GB18030 sees it."""
    utf8_at = _first_bad(path, "utf-8")
    at, what = (utf8_at, "UTF-8") if utf8_at >= gb18030_at else (gb18030_at, "GB18030")
    line = 1
    with path.open("rb") as source:
        while at > source.tell() and (chunk := source.read(min(1024 * 1024, at - source.tell()))):
            line += chunk.count(b"\n")
    return RowError(
        line,
        f"neither UTF-8 nor GB18030: line {line} (byte {at:,}) is not {what}: save the file "
        "as CSV UTF-8",
    )

"""Read a returned CSV file: detect its encoding and delimiter, then read it like a sheet.

The encoding is found by ``csv_decode`` (UTF-8 with or without BOM, GB18030/GBK,
UTF-16 with a BOM; the one used is shown with -v). A field longer than the csv
module's limit (131,072 characters) is a finding at its line.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bizenv_cli.diagnostics import Finding
from bizenv_cli.reading.files import CODE_IO, open_regular, require_regular
from bizenv_cli.reading.yamlsafe import CODE_SIZE, YamlLoadError
from bizenv_cli.spreadsheet.cells import Raw
from bizenv_cli.spreadsheet.csv_decode import decode
from bizenv_cli.spreadsheet.table import CODE_LAYOUT, MAX_ROWS, Grid, SheetDocument, read_grid

__all__ = ["MAX_CSV_BYTES", "decode", "read_csv", "sniff_delimiter"]

MAX_CSV_BYTES = 8 * 1024 * 1024  # 10,000 returned rows of Chinese text and notes
MAX_COLUMNS = 200
_DELIMITERS = (",", "\t", ";")


def sniff_delimiter(text: str) -> str:
    """The delimiter used most on the first lines (comma when none is found)."""
    head = "\n".join(text.splitlines()[:10])
    counts = {d: head.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse(text: str, display: str) -> list[list[Raw]]:
    delimiter = sniff_delimiter(text)
    rows: list[list[Raw]] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            if len(rows) >= MAX_ROWS or len(record) > MAX_COLUMNS:
                raise YamlLoadError([Finding(
                    display, len(rows) + 1, 1, CODE_SIZE,
                    f"more than {MAX_ROWS:,} rows or {MAX_COLUMNS} columns: "
                    "is this the right file?",
                )])
            rows.append([Raw(value) for value in record])
    except csv.Error as exc:
        message, code = f"not a readable CSV file: {exc}", CODE_LAYOUT
        if "field limit" in str(exc):
            message = (f"a field is longer than {csv.field_size_limit():,} characters: "
                       "is this the right file?")
            code = CODE_SIZE
        raise YamlLoadError([Finding(display, len(rows) + 1, 1, code, message)]) from None
    return rows


def read_csv(path: Path, display: str) -> SheetDocument:
    """The submission in the CSV file at ``path``; YamlLoadError with findings otherwise."""
    try:
        if require_regular(path).st_size > MAX_CSV_BYTES:  # a FIFO would block
            raise YamlLoadError([Finding(
                display, 0, 0, CODE_SIZE, f"file is over the {MAX_CSV_BYTES:,}-byte limit"
            )])
        with open_regular(path) as stream:
            data = stream.read(MAX_CSV_BYTES + 1)
        if len(data) > MAX_CSV_BYTES:  # it grew since
            raise YamlLoadError([Finding(
                display, 0, 0, CODE_SIZE, f"file is over the {MAX_CSV_BYTES:,}-byte limit"
            )])
    except OSError as exc:
        raise YamlLoadError([Finding(
            display, 0, 0, CODE_IO, f"cannot read file: {exc.strerror or exc}"
        )]) from None
    text, encoding = decode(data, display)
    grid = Grid(parse(text, display), notes=[f"{display}: read as {encoding}"])
    return read_grid(grid, display)

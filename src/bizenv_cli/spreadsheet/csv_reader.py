"""Read a returned CSV file: detect its encoding and delimiter, then read it like a sheet.

Excel and WPS on Chinese Windows save "CSV" in the system code page (GB18030/GBK);
"CSV UTF-8" adds a BOM; a UTF-16 "Unicode text" file is tab-separated. We try, in
order: a BOM (UTF-8, UTF-16), UTF-8, then GB18030 (a superset of GBK and GB2312),
and say which one was used (shown with -v).
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from bizenv_cli.diagnostics import Finding
from bizenv_cli.loading.decode import CODE_ENCODING
from bizenv_cli.loading.files import CODE_IO, require_regular
from bizenv_cli.loading.yamlsafe import CODE_SIZE, YamlLoadError
from bizenv_cli.spreadsheet.cells import Raw
from bizenv_cli.spreadsheet.table import CODE_LAYOUT, Grid, SheetDocument, read_grid

MAX_CSV_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 200
_DELIMITERS = (",", "\t", ";")


def decode(data: bytes, display: str) -> tuple[str, str]:
    """(text, name of the encoding used); YamlLoadError when none fits."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", display), "UTF-8 with BOM"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", display), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "GB18030 (GBK)"
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line, col = before.count(b"\n") + 1, exc.start - before.rfind(b"\n")
        raise YamlLoadError([Finding(
            display, line, col, CODE_ENCODING,
            f"file is neither UTF-8 nor GB18030/GBK (byte 0x{data[exc.start]:02x}): "
            "save it again as 'CSV UTF-8 (逗号分隔)'",
        )]) from None


def _strict(data: bytes, encoding: str, display: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise YamlLoadError([Finding(
            display, 1, 1, CODE_ENCODING,
            f"file starts with a {encoding.upper()} byte-order mark but byte offset {exc.start} is "
            "not valid: save it again as 'CSV UTF-8 (逗号分隔)'",
        )]) from None


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
                    f"more than {MAX_ROWS} rows or {MAX_COLUMNS} columns: is this the right file?",
                )])
            rows.append([Raw(value) for value in record])
    except csv.Error as exc:
        raise YamlLoadError([Finding(
            display, len(rows) + 1, 1, CODE_LAYOUT, f"not a readable CSV file: {exc}",
        )]) from None
    return rows


def read_csv(path: Path, display: str) -> SheetDocument:
    """The submission in the CSV file at ``path``; YamlLoadError with findings otherwise."""
    try:
        if require_regular(path).st_size > MAX_CSV_BYTES:  # a FIFO would block
            raise YamlLoadError([Finding(
                display, 0, 0, CODE_SIZE, f"file is over the {MAX_CSV_BYTES:,}-byte limit"
            )])
        data = path.read_bytes()
    except OSError as exc:
        raise YamlLoadError([Finding(
            display, 0, 0, CODE_IO, f"cannot read file: {exc.strerror or exc}"
        )]) from None
    text, encoding = decode(data, display)
    grid = Grid(parse(text, display), notes=[f"{display}: read as {encoding}"])
    return read_grid(grid, display)

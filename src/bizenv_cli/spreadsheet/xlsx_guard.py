"""Refuse a workbook that would cost far more to read than its size, before openpyxl sees it.

An .xlsx file is a zip of XML parts, and a few hundred KB can unpack to gigabytes or
to millions of styles, shared strings, rows or cells, each of which openpyxl turns
into Python objects. So the container is checked first: the file size, the number
and names of its entries, each part's size from the zip directory, its compression
ratio; then every part is unpacked with a byte cap (the directory can lie) and the
records openpyxl would build are counted by a byte scan that stops at the cap. Work
and memory stay bounded by the limits below whatever the file claims.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from bizenv_cli.diagnostics import Finding
from bizenv_cli.reading.files import CODE_IO, require_regular
from bizenv_cli.reading.yamlsafe import CODE_SIZE, YamlLoadError
from bizenv_cli.spreadsheet.table import CODE_LAYOUT

MAX_XLSX_BYTES = 10 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_NAME_CHARS = 255
MAX_PART_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_RATIO = 100  # for parts over RATIO_FROM_BYTES; Excel's XML compresses 5-20 to 1
RATIO_FROM_BYTES = 1024 * 1024
MAX_STYLE_RECORDS = 10_000  # cell formats, fonts, fills, borders, number formats...
MAX_SHARED_STRINGS = 50_000
MAX_SHEETS = 100
MAX_CELLS = 200_000  # <c> records in all sheets together (a full 10,000-row return: 140,000)
MAX_ROW_RECORDS = 20_000  # <row> records in one sheet
STYLES_PART = "xl/styles.xml"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1024 * 1024
_EOCD_TAIL = 22 + 65535 + 56 + 20  # end record, its comment, the zip64 record and locator
_ENTRY_BYTES = 46 + MAX_NAME_CHARS + 64  # a directory entry: fixed part, name, extra field
_P = rb"<(?:[A-Za-z_][\w.-]*:)?"  # an element's start, with or without a namespace prefix
_STYLE_RE = re.compile(_P + rb"(xf|font|fill|border|numFmt|dxf|cellStyle)[\s/>]")
_COUNTED = {
    "shared strings": re.compile(_P + rb"si[\s/>]"),
    "sheets": re.compile(_P + rb"sheet\s"),
    "cells": re.compile(_P + rb"c[\s/>]"),
    "rows": re.compile(_P + rb"row[\s/>]"),
}
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
# What a reader that fills the used range from A1 (calamine) allocates: the dimension the
# sheet claims, every row number and every cell reference it holds.
_DIMENSION_RE = re.compile(_P + rb'dimension\s[^>]*?\bref="([^"]{1,40})"')
_ROW_NUMBER_RE = re.compile(_P + rb'row\s[^>]*?\br="([0-9]{1,12})"')
_CELL_REF_RE = re.compile(_P + rb'c\s[^>]*?\br="([A-Za-z]{1,6})([0-9]{1,12})"')
_REF_RE = re.compile(r"\$?([A-Za-z]{1,6})\$?([0-9]{1,12})")


@dataclass(frozen=True)
class Limits:
    """The caps one reader of workbooks needs (returns: the module's constants)."""

    file_bytes: int = MAX_XLSX_BYTES
    part_bytes: int = MAX_PART_BYTES
    unpacked_bytes: int = MAX_UNPACKED_BYTES
    cells: int = MAX_CELLS
    rows: int = MAX_ROW_RECORDS
    shared_strings: int = MAX_SHARED_STRINGS
    area: int | None = None  # rows x columns from A1 to the last cell referenced
    hint: str = "is this the file from `bizenv template`?"  # what to do past a count


RETURNS = Limits()


def _fail(display: str, message: str, code: str = CODE_SIZE) -> YamlLoadError:
    return YamlLoadError([Finding(display, 0, 0, code, message)])


def _count(pattern: re.Pattern[bytes], data: bytes, cap: int) -> int:
    """Matches of ``pattern`` in ``data``, window by window, stopping once past ``cap``
    (a match cut by a window's end is missed: a few in a count of thousands)."""
    count = 0
    for start in range(0, len(data), _CHUNK):
        count += len(pattern.findall(data, start, start + _CHUNK))
        if count > cap:
            break
    return count


def _unpack(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, display: str, limits: Limits = RETURNS
) -> bytes:
    """The part's bytes, never more than the part limit + 1 of them whatever its header says."""
    cap = limits.part_bytes
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as part:
            while size <= cap and (chunk := part.read(_CHUNK)):
                chunks.append(chunk)
                size += len(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise _fail(display, f"the workbook is damaged ({info.filename}: {exc}): save it again "
                    "from Excel or WPS", CODE_LAYOUT) from None
    except (NotImplementedError, RuntimeError) as exc:  # an unknown compression, encryption
        raise _fail(display, f"{info.filename} cannot be unpacked ({exc}): save the workbook "
                    "again from Excel or WPS, without a password", CODE_LAYOUT) from None
    if size > cap:
        raise _fail(display, f"{info.filename} unpacks to more than {cap:,} bytes "
                    f"(its zip header says {info.file_size:,}); the limit is {cap:,}")
    return b"".join(chunks)


def _check_directory(handle: BinaryIO, size: int, display: str) -> None:
    """Refuse a zip whose central directory is too big before zipfile reads it: zipfile
    makes an object per entry (a 10 MB file can hold 200,000), before any check of ours."""
    handle.seek(max(0, size - _EOCD_TAIL))
    tail = handle.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return  # not a zip: zipfile says so
    entries, directory = struct.unpack_from("<HI", tail, at + 10)
    zip64 = tail.rfind(b"PK\x06\x06", 0, at)
    if (entries == 0xFFFF or directory == 0xFFFFFFFF) and zip64 >= 0 and len(tail) - zip64 >= 56:
        entries, directory = struct.unpack_from("<QQ", tail, zip64 + 32)
    if entries > MAX_ENTRIES or directory > MAX_ENTRIES * _ENTRY_BYTES:
        raise _fail(display, f"the workbook's zip directory lists {entries:,} entries in "
                    f"{directory:,} bytes; the limit is {MAX_ENTRIES:,} entries: save it again "
                    "from Excel or WPS")


def _check_entries(
    infos: list[zipfile.ZipInfo], display: str, limits: Limits = RETURNS
) -> None:
    if len(infos) > MAX_ENTRIES:
        raise _fail(display, f"the workbook holds {len(infos):,} zip entries; the limit is "
                    f"{MAX_ENTRIES:,}: save it again from Excel or WPS")
    total = 0
    for info in infos:
        name = info.filename
        if len(name) > MAX_NAME_CHARS or _CONTROL_RE.search(name):
            shown = _CONTROL_RE.sub("?", name[:40])
            raise _fail(display, f"a zip entry has a name of {len(name):,} characters or with "
                        f"control characters ('{shown}...'); the limit is {MAX_NAME_CHARS}: "
                        "this is not a workbook saved by Excel or WPS", CODE_LAYOUT)
        if info.file_size > limits.part_bytes:
            raise _fail(display, f"{name} unpacks to {info.file_size:,} bytes; the limit is "
                        f"{limits.part_bytes:,}")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise _fail(display, f"{name} is compressed {ratio:,.0f} to 1 ({info.file_size:,} "
                        f"bytes in {info.compress_size:,}); the limit is {MAX_RATIO} to 1")
        total += info.file_size
    if total > limits.unpacked_bytes:
        raise _fail(display, f"the workbook unpacks to {total:,} bytes; the limit is "
                    f"{limits.unpacked_bytes:,}")


def _scan(
    name: str, data: bytes, totals: dict[str, int], display: str, limits: Limits = RETURNS
) -> None:
    """Count what openpyxl would build from this part; refuse past a limit."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # entity expansion ("billion laughs")
        raise _fail(display, f"{name} declares a DTD or entities (<!DOCTYPE>), which Excel "
                    "and WPS never write: save the workbook again from Excel or WPS", CODE_LAYOUT)
    if name == STYLES_PART:
        kinds: dict[bytes, int] = {}
        for count, match in enumerate(_STYLE_RE.finditer(data), start=1):
            kinds[match.group(1)] = kinds.get(match.group(1), 0) + 1
            if count > MAX_STYLE_RECORDS:
                most = max(kinds, key=kinds.__getitem__).decode()
                raise _fail(display, f"{name} has more than {MAX_STYLE_RECORDS:,} style records "
                            f"(cell formats, fonts, fills, borders; most are <{most}>): save "
                            "it again from Excel or WPS, or copy the sheet into a new workbook")
        return
    caps = {"shared strings": limits.shared_strings, "sheets": MAX_SHEETS, "cells": limits.cells}
    for what, pattern in _COUNTED.items():
        cap = limits.rows if what == "rows" else caps[what] - totals.get(what, 0)
        count = _count(pattern, data, cap)
        if count > cap:
            limit = limits.rows if what == "rows" else caps[what]
            where = " in one sheet" if what == "rows" else " for all parts together"
            raise _fail(display, f"{name} has more than {limit:,} {what}, the limit{where}: "
                        f"{limits.hint}")
        totals[what] = totals.get(what, 0) + count
    if limits.area is not None and name.startswith("xl/worksheets/"):
        _check_area(name, data, limits.area, display)


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _check_area(name: str, data: bytes, area: int, display: str) -> None:
    """Refuse a sheet whose last referenced cell (its dimension, a row number, a cell
    reference) makes the range from A1 larger than ``area`` cells: one cell at
    XFD1048576 in a 2 KB file would otherwise cost a reader gigabytes."""
    last_row, last_col = 0, 0
    found = _DIMENSION_RE.search(data)
    if found:
        for letters, digits in _REF_RE.findall(found.group(1).decode("ascii", "replace")):
            last_row, last_col = max(last_row, int(digits)), max(last_col, _column_number(letters))
    for match in _ROW_NUMBER_RE.finditer(data):
        last_row = max(last_row, int(match.group(1)))
    for match in _CELL_REF_RE.finditer(data):
        last_col = max(last_col, _column_number(match.group(1).decode("ascii")))
        last_row = max(last_row, int(match.group(2)))
    if last_row > 1_048_576 or last_col > 16_384 or last_row * max(last_col, 1) > area:
        raise _fail(display, f"{name} reaches row {last_row:,}, column {last_col:,} (its "
                    f"dimension or a cell reference): {last_row * max(last_col, 1):,} cells "
                    f"from A1; the limit is {area:,}. Copy the table into a new workbook, or "
                    "save it as CSV")


def check_container(path: Path, display: str, limits: Limits = RETURNS) -> None:
    """Raise YamlLoadError unless ``path`` is a zip that a reader (openpyxl, calamine) can
    read within ``limits``."""
    try:
        size = require_regular(path).st_size  # zipfile and openpyxl would block on a FIFO
        if size > limits.file_bytes:
            raise _fail(display, f"file is {size:,} bytes; the limit is {limits.file_bytes:,}")
        with path.open("rb") as handle:
            magic = handle.read(len(_OLE_MAGIC))
            if magic == _OLE_MAGIC:
                raise _fail(display, "this is an old Excel 97-2003 (.xls) or a "
                            "password-protected workbook: remove the password and save it as "
                            "Excel Workbook (.xlsx)", CODE_LAYOUT)
            _check_directory(handle, size, display)
    except OSError as exc:
        raise _fail(display, f"cannot read file: {exc.strerror or exc}", CODE_IO) from None
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_entries(infos, display, limits)
            if "[Content_Types].xml" not in archive.namelist():
                raise _fail(display, "a zip file but not an .xlsx workbook (it has no "
                            "[Content_Types].xml): save it from Excel or WPS as Excel Workbook "
                            "(.xlsx)", CODE_LAYOUT)
            totals: dict[str, int] = {}
            for info in infos:
                if not info.is_dir():
                    data = _unpack(archive, info, display, limits)
                    if info.filename.lower().endswith(".xml"):
                        _scan(info.filename, data, totals, display, limits)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError):
        raise _fail(display, "not an .xlsx workbook (not a zip file): save it from Excel or WPS "
                    "as Excel Workbook (.xlsx), or name a CSV file .csv", CODE_LAYOUT) from None
    except NotImplementedError as exc:  # "zip file version 14.8": a damaged directory entry
        raise _fail(display, f"the workbook is damaged or not saved by Excel or WPS ({exc}): "
                    "save it again from Excel or WPS", CODE_LAYOUT) from None

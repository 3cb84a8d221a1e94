"""Write a minimal Excel 97-2003 (.xls, BIFF8 in an OLE compound file) for the tests.

Nothing on the machine writes .xls (xlwt is gone from the dependencies), so this writes the
few records a reader needs: a workbook-globals part (code page, shared strings, one sheet
entry) and one sheet of text and number cells. ``cells`` maps (row, column), 0-based, to a
value; the ``dimensions`` record can claim more than the cells hold.
"""

from __future__ import annotations

import struct

_FREE, _END, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
_SECTOR = 512
_MINI_CUTOFF = 4096


def _record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _bof(kind: int) -> bytes:
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))


def _text(value: str) -> bytes:
    return struct.pack("<HB", len(value), 1) + value.encode("utf-16-le")


def workbook_stream(sheet: str, cells: dict[tuple[int, int], object],
                    dimensions: tuple[int, int] | None = None) -> bytes:
    texts = sorted({v for v in cells.values() if isinstance(v, str)})
    sst = _record(0x00FC, struct.pack("<II", len(texts), len(texts))
                  + b"".join(_text(t) for t in texts))
    rows = max((r for r, _ in cells), default=0) + 1
    cols = max((c for _, c in cells), default=0) + 1
    rows, cols = dimensions or (rows, cols)
    body = _bof(0x10) + _record(0x0200, struct.pack("<IIHHH", 0, rows, 0, cols, 0))
    for (row, col), value in sorted(cells.items()):
        if isinstance(value, str):
            body += _record(0x00FD, struct.pack("<HHHI", row, col, 0, texts.index(value)))
        else:
            body += _record(0x0203, struct.pack("<HHHd", row, col, 0, float(str(value))))
    body += _record(0x000A, b"")
    name = struct.pack("<BB", len(sheet), 1) + sheet.encode("utf-16-le")
    head = _bof(0x05) + _record(0x0042, struct.pack("<H", 1200))
    pad = _record(0x00E1, b"\0" * max(0, _MINI_CUTOFF - len(head) - len(sst) - len(body)))
    start = len(head) + len(pad) + len(sst) + 4 + 6 + len(name) + 4
    sheet_entry = _record(0x0085, struct.pack("<IBB", start, 0, 0) + name)
    return head + pad + sst + sheet_entry + _record(0x000A, b"") + body


def _entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", _NOSTREAM, _NOSTREAM, child) + b"\0" * 16
            + struct.pack("<IQQIQ", 0, 0, 0, start, size))


def compound_file(stream: bytes, name: str = "Workbook") -> bytes:
    """An OLE compound file (version 3) holding one stream of at least 4,096 bytes
    (up to about 7 MB: the FAT sectors the header lists)."""
    assert len(stream) >= _MINI_CUTOFF
    count = -(-len(stream) // _SECTOR)
    per = _SECTOR // 4
    fats = 1
    while fats * per < fats + 1 + count:
        fats += 1
    assert fats <= 109, "the header lists at most 109 FAT sectors"
    first = fats + 1  # FAT sectors, then the directory, then the stream
    fat = [_FATSECT] * fats + [_END, *range(first + 1, first + count), _END]
    fat += [_FREE] * (fats * per - len(fat))
    difat = list(range(fats)) + [_FREE] * (109 - fats)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, fats, fats, 0, _MINI_CUTOFF, _END, 0, _END, 0)
              + struct.pack("<109I", *difat))
    directory = (_entry("Root Entry", 5, 1, _END, 0)
                 + _entry(name, 2, _NOSTREAM, first, len(stream))
                 + _entry("", 0, _NOSTREAM, 0, 0) * 2)
    data = stream.ljust(count * _SECTOR, b"\0")
    return header + struct.pack(f"<{len(fat)}I", *fat) + directory + data


def xls(sheet: str, cells: dict[tuple[int, int], object],
        dimensions: tuple[int, int] | None = None) -> bytes:
    return compound_file(workbook_stream(sheet, cells, dimensions))

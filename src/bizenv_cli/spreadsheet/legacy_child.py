"""Run by ``legacy.py`` in a child process: read an Excel 97-2003 / WPS (.xls, .et) workbook
with python-calamine and write its sheets, pickled, to stdout.

calamine builds each sheet as one dense block from its first to its last cell, at open: two
cells far apart claim gigabytes, and a failed allocation aborts the process. So it runs here,
under a memory limit the parent sets, and hands over at most MAX_ROWS x MAX_COLUMNS cells.
Exit 2: calamine refused the file (its message on stdout, pickled).
"""

from __future__ import annotations

import pickle
import sys
from typing import Any


def read(path: str, max_rows: int, max_columns: int) -> list[tuple[str, int, list[list[Any]]]]:
    """(sheet name, its height, its first ``max_rows`` rows cut at ``max_columns``)."""
    import python_calamine

    with open(path, "rb") as handle:  # by content: from_path goes by the name's suffix
        book = python_calamine.CalamineWorkbook.from_filelike(handle)
    sheets = []
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        start = sheet.start or (0, 0)
        rows: list[list[Any]] = [[] for _ in range(min(start[0], max_rows))]
        for row in sheet.iter_rows():
            if len(rows) >= max_rows:
                break
            rows.append([None] * start[1] + list(row[: max(0, max_columns - start[1])]))
        sheets.append((name, start[0] + sheet.height, rows))
    return sheets


def main() -> int:
    path, max_rows, max_columns = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    try:
        found: object = read(path, max_rows, max_columns)
        code = 0
    except Exception as exc:  # calamine's own error: the file is not a workbook it reads
        found, code = " ".join(f"{type(exc).__name__}: {exc}".split())[:200], 2
    sys.stdout.buffer.write(pickle.dumps(found))
    return code


if __name__ == "__main__":
    sys.exit(main())

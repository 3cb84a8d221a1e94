"""An XLSX case file: guarded like every workbook bizenv reads (``spreadsheet.xlsx_guard``,
with the limits of case exports, the area from A1 to the last cell referenced included)
before calamine touches it, then the chosen sheet as text cells; dates and datetimes as
ISO text. A cell calamine cannot turn into a value is a finding at its row and column."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from pathlib import Path

import polars as pl

from bizenv_cli.cases.codes import MAX_XLSX_BYTES
from bizenv_cli.cases.read_csv import HEADER_SEARCH_ROWS, header_index, unique
from bizenv_cli.spreadsheet.xlsx_guard import Limits

MAX_XLSX_UNZIPPED = 2 * 1024 * 1024 * 1024  # what it unzips to: a zip bomb stops here
MAX_XLSX_AREA = 20_000_000  # cells from A1 to the last one (1,000,000 rows of 20 columns)
CASE_LIMITS = Limits(
    file_bytes=MAX_XLSX_BYTES,
    part_bytes=1024 * 1024 * 1024,
    unpacked_bytes=MAX_XLSX_UNZIPPED,
    cells=MAX_XLSX_AREA,
    rows=1_048_576,
    shared_strings=MAX_XLSX_AREA,
    area=MAX_XLSX_AREA,
    hint="split the export, or save it as CSV",
)


def guard(path: Path, shown: str) -> None:
    """Raise BizenvError (exit 3, the finding of the guard) for a workbook over the limits."""
    from bizenv_cli.cases.codes import CODE_FILE, CODE_SIZE
    from bizenv_cli.diagnostics import Finding
    from bizenv_cli.errors import BizenvError
    from bizenv_cli.reading.yamlsafe import CODE_SIZE as GUARD_SIZE
    from bizenv_cli.reading.yamlsafe import YamlLoadError
    from bizenv_cli.spreadsheet.xlsx_guard import check_container

    try:
        check_container(path, shown, CASE_LIMITS)
    except YamlLoadError as exc:  # the codes of docs/cases.md: D004 over a limit, else D001
        found = [
            Finding(
                f.path,
                f.line,
                f.col,
                CODE_SIZE if f.code == GUARD_SIZE else CODE_FILE,
                f"cannot be read as XLSX: {f.message}",
            )
            for f in exc.findings
        ]
        raise BizenvError(f"{shown}: {found[0].message}", findings=found) from None


def cell(value: object) -> str | None:
    """A spreadsheet cell as text: dates and times ISO, whole numbers without '.0'; a
    number that is not finite is kept as written (it is then not a timestamp)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return str(value)


def read(
    path: Path, wanted: set[str], sheet: str | None
) -> tuple[pl.DataFrame, list[str], int, str]:
    """The wanted columns (all when none is wanted), the header, its row, how read."""
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        names = book.sheet_names
        if not names:
            raise ValueError("the workbook has no sheet")
        if sheet is not None and sheet not in names:
            raise ValueError(f"no sheet {sheet!r}; the sheets are {', '.join(names)}")
        chosen = sheet or names[0]
        rows = book.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    except (python_calamine.CalamineError, OverflowError) as exc:
        raise ValueError(str(exc) or type(exc).__name__) from None
    texts = [[cell(v) or "" for v in row] for row in rows[:HEADER_SEARCH_ROWS]]
    h = header_index(texts, wanted) if texts else 0
    header = [c.strip() for c in texts[h]] if texts else []
    width = max((i + 1 for i, c in enumerate(header) if c), default=0)
    unique(header[:width], h + 1)
    body = rows[h + 1 :]
    del rows
    while body and all(v in (None, "") for v in body[-1]):
        body.pop()  # trailing empty rows of the used area are not cases
    keep = [j for j in range(width) if not wanted or header[j] in wanted]
    columns = {
        header[j] or f"column {j + 1}": [cell(r[j]) if j < len(r) else None for r in body]
        for j in keep
    }
    frame = pl.DataFrame(columns, schema={k: pl.String for k in columns})
    shown_header = [header[j] or f"column {j + 1}" for j in range(width)]
    return frame, shown_header, h + 1, f"sheet {chosen} (header on row {h + 1})"

"""The exceptions file for the department: every case over the limit, as CSV (UTF-8 with
a byte-order mark, so Excel and WPS open it as Chinese text) or XLSX."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bizenv_cli.cases.outcome import TargetOutcome
from bizenv_cli.errors import EXIT_USAGE, BizenvError
from bizenv_cli.fileio import save_atomic, write_atomic

HEADER = [
    "target",
    "case_id",
    "file",
    "row",
    "start",
    "end",
    "state",
    "duration",
    "unit",
    "limit",
    "over_by",
]


def rows(outcomes: list[TargetOutcome]) -> list[list[object]]:
    table: list[list[object]] = []
    for outcome in outcomes:
        unit = outcome.unit if outcome.aggregate != "count" else "count"
        for case in outcome.exceptions.iter_rows(named=True):
            table.append(
                [
                    outcome.target,
                    case["case_id"],
                    case["file"],
                    case["row"],
                    case["start"],
                    case["end"] or "",
                    "closed" if case["end"] is not None else "open",
                    round(case["duration"], 4),
                    unit,
                    outcome.limit,
                    round(case["over"], 4),
                ]
            )
    return table


XLSX_MAX_ROWS = 1_048_576  # a worksheet's last row, the header included


def write_exceptions(path: Path, outcomes: list[TargetOutcome]) -> int:
    """Write the exceptions to ``path`` (by its suffix: .xlsx, else CSV); their number."""
    xlsx = path.suffix.lower() == ".xlsx"
    total = sum(o.exceptions.height for o in outcomes)
    if xlsx and total >= XLSX_MAX_ROWS:
        raise BizenvError(
            f"{total:,} cases over the limit do not fit in one worksheet "
            f"({XLSX_MAX_ROWS - 1:,} rows): write them as CSV (--exceptions FILE.csv)",
            exit_code=EXIT_USAGE,
        )
    table = rows(outcomes)
    if xlsx:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        book = Workbook(write_only=True)
        sheet = book.create_sheet("exceptions")
        sheet.append(HEADER)
        for row in table:
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value)  # type: ignore[arg-type]  # str, int, float
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # a case id like '=1+1' is text, never a formula
                cells.append(cell)
            sheet.append(cells)
        save_atomic(path, lambda tmp: book.save(tmp))
    else:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(table)
        write_atomic(path, b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    return len(table)

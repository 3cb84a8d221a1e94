"""`bizenv template --format xlsx|csv`: one department's targets as a fill-in spreadsheet."""

from __future__ import annotations

from pathlib import Path

from bizenv_cli.errors import EXIT_USAGE, BizenvError
from bizenv_cli.fileio import save_atomic
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.spreadsheet.columns import HEADER_ROW
from bizenv_cli.spreadsheet.table import MAX_DATA_ROWS, MAX_ROWS
from bizenv_cli.templates.csv_writer import render_csv
from bizenv_cli.templates.describe import build_sheet
from bizenv_cli.templates.xlsx_writer import write_xlsx


def write_template(
    fmt: str, measure_set: MeasureSet, period: str, department: str | None, output: Path | None
) -> str:
    """Write the template to ``output``; CSV may go to stdout (returned as text), a workbook not."""
    other = {"csv": ".xlsx", "xlsx": ".csv"}[fmt]
    if output is not None and output.suffix.lower() == other:
        raise BizenvError(
            f"-o {output} does not match --format {fmt}: name the file .{fmt}, "
            "as bizenv reads returned files by their suffix",
            exit_code=EXIT_USAGE,
        )
    sheet = build_sheet(measure_set, department, period)
    if HEADER_ROW + len(sheet.rows) > MAX_ROWS:  # never a sheet the readers would refuse
        raise BizenvError(
            f"the template would have {len(sheet.rows):,} rows; the readers take "
            f"{MAX_DATA_ROWS:,}: write one per department (--department)"
        )
    if fmt == "csv":
        data = render_csv(sheet)
        if output is None:
            return data.decode("utf-8")  # keeps the BOM as U+FEFF
        save_atomic(output, lambda path: path.write_bytes(data))
        return ""
    if output is None:
        raise BizenvError(
            "--format xlsx writes a workbook: give the file with -o FILE.xlsx", exit_code=EXIT_USAGE
        )
    save_atomic(output, lambda path: write_xlsx(sheet, path))
    return ""

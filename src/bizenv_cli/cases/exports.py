"""The exceptions file for the department: every case over the limit, as CSV (UTF-8 with
a byte-order mark, so Excel and WPS open it as Chinese text) or XLSX.

The rows are polars frames made a chunk at a time, never a Python list per case nor all
the text at once, so millions of exceptions cost tens of megabytes; every text cell is
made safe to open (``sanitize.cell_text``: no live formula, no control character) a
column at once."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

import polars as pl

from bizenv_cli.cases.outcome import TargetOutcome, with_texts
from bizenv_cli.errors import EXIT_USAGE, BizenvError
from bizenv_cli.fileio import save_atomic
from bizenv_cli.sanitize import CELL_BREAK_PATTERN, CELL_CONTROL_PATTERN, FORMULA_PATTERN

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
XLSX_MAX_ROWS = 1_048_576  # a worksheet's last row, the header included


def safe(column: pl.Expr) -> pl.Expr:
    """``sanitize.cell_text`` for a column of text cells."""
    text = column.str.replace_all(CELL_BREAK_PATTERN, " ").str.replace_all(CELL_CONTROL_PATTERN, "")
    bare = text.str.strip_chars_start(" ")
    return pl.when(bare.str.contains(FORMULA_PATTERN)).then(pl.lit("'") + bare).otherwise(text)


CHUNK = 200_000  # exceptions made into text and written at a time


def chunks(outcomes: list[TargetOutcome], *, made_safe: bool = True) -> Iterator[pl.DataFrame]:
    """Every exception, in the columns of ``HEADER``, safe to open (``made_safe``: for CSV
    and our own XLSX writer; a writer that stores text cells as text passes False), a
    chunk at a time: a few million exceptions are never all text at once."""
    for outcome in outcomes:
        unit = outcome.unit if outcome.aggregate != "count" else "count"
        for offset in range(0, outcome.exceptions.height, CHUNK):
            part = with_texts(outcome.exceptions.slice(offset, CHUNK)).select(
                pl.lit(outcome.target, pl.String).alias("target"),
                "case_id",
                "file",
                pl.col("row").cast(pl.Int64),
                "start",
                pl.col("end").fill_null(""),
                pl.when(pl.col("end").is_not_null())
                .then(pl.lit("closed"))
                .otherwise(pl.lit("open"))
                .alias("state"),
                pl.col("duration").round(4),
                pl.lit(unit, pl.String).alias("unit"),
                pl.lit(outcome.limit, pl.Float64).alias("limit"),
                pl.col("over").round(4).alias("over_by"),
            )
            if not made_safe:
                yield part
                continue
            text = [name for name, dtype in part.schema.items() if dtype == pl.String]
            yield part.with_columns([safe(pl.col(name)).alias(name) for name in text])


def rows(outcomes: list[TargetOutcome]) -> list[list[object]]:
    """Every exception as cells in ``HEADER``'s order, as read: for a writer that lays them
    out itself and stores text as text (the Chinese workbook, output/cases: check's put)."""
    return [list(row) for part in chunks(outcomes, made_safe=False) for row in part.iter_rows()]


def _csv(path: Path, outcomes: list[TargetOutcome]) -> None:
    with path.open("wb") as out:
        out.write(codecs.BOM_UTF8 + (",".join(HEADER) + "\r\n").encode("utf-8"))
        for part in chunks(outcomes):
            part.write_csv(out, include_header=False, line_terminator="\r\n")


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
    if xlsx:
        from bizenv_cli.cases.workbook import save_xlsx

        save_atomic(path, lambda tmp: save_xlsx(tmp, HEADER, chunks(outcomes)))
    else:
        save_atomic(path, lambda tmp: _csv(tmp, outcomes))
    return total

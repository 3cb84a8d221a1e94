"""One source's rows, ready to compute on: the columns its targets test as trimmed text,
the case id, and the start and end timestamps parsed once (``cases.moments``)."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from bizenv_cli.cases.moments import parse_column
from bizenv_cli.cases.read import ROW, CaseTable
from bizenv_cli.models.casemap import Source

FILE = "__file"  # index of the table in ``Prepared.tables``
ID, START_TEXT, END_TEXT = "__id", "__start_text", "__end_text"
S_DAY, S_SEC, S_BAD = "__s_day", "__s_sec", "__s_bad"
E_DAY, E_SEC, E_BAD = "__e_day", "__e_sec", "__e_bad"


@dataclass(frozen=True)
class Prepared:
    source: Source
    tables: list[CaseTable]
    frame: pl.DataFrame


def tested_columns(source: Source) -> list[str]:
    """Every column a target of ``source`` tests (where, match, per, categories)."""
    names: list[str] = []
    for spec in source.targets:
        names += [c.column for c in [*spec.where, *spec.match]] + list(spec.per)
        if spec.categories is not None:
            names.append(spec.categories.column)
    return list(dict.fromkeys(names))


def needed_columns(source: Source) -> list[str]:
    ids = [source.case_id] if source.case_id else []
    ends = [source.end] if source.end else []
    return [*ids, source.start, *ends, *tested_columns(source)]


def _text(name: str, dtype: pl.DataType, trim: bool = True) -> pl.Expr:
    """A column as text (trimmed: conditions and ids compare it); dates and datetimes
    as ISO text, to the second."""
    col = pl.col(name)
    if isinstance(dtype, pl.Datetime):
        return col.dt.strftime("%Y-%m-%d %H:%M:%S")
    return col.cast(pl.String).str.strip_chars() if trim else col.cast(pl.String)


def prepare(source: Source, tables: list[CaseTable]) -> Prepared:
    """The rows of every table of ``source``, one frame (columns checked by the caller)."""
    parts = []
    for i, table in enumerate(tables):
        frame = table.frame
        schema = frame.schema

        def text(name: str, schema: pl.Schema = schema, trim: bool = True) -> pl.Expr:
            return _text(name, schema[name], trim)

        start = parse_column(frame[source.start]).rename({"day": S_DAY, "sec": S_SEC, "bad": S_BAD})
        cols = [
            pl.lit(i, pl.Int32).alias(FILE),
            pl.col(ROW),
            (text(source.case_id) if source.case_id else pl.col(ROW).cast(pl.String)).alias(ID),
            text(source.start, trim=False).alias(START_TEXT),
            *[text(c).alias(c) for c in tested_columns(source)],
        ]
        if source.end is not None:
            end = parse_column(frame[source.end]).rename({"day": E_DAY, "sec": E_SEC, "bad": E_BAD})
            cols.append(text(source.end, trim=False).alias(END_TEXT))
        else:  # an event log: each row is dated by its start, and has no end
            end = pl.DataFrame(
                {E_DAY: [None] * frame.height, E_SEC: [None] * frame.height},
                schema={E_DAY: pl.Int32, E_SEC: pl.Int32},
            ).with_columns(pl.lit(False).alias(E_BAD))
            cols.append(pl.lit(None, pl.String).alias(END_TEXT))
        parts.append(pl.concat([frame.select(cols), start, end], how="horizontal"))
    return Prepared(source, tables, pl.concat(parts, how="vertical_relaxed"))

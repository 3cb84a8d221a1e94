"""One source's rows, ready to compute on: the columns its targets test as trimmed text,
the case id, the start and end timestamps parsed once (``cases.moments``), and the
durations (``cases.durations``) and reasons a row cannot be used, once for all targets."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from bizenv_cli.cases.durations import Lookup
from bizenv_cli.cases.moments import CHINA, parse_columns
from bizenv_cli.cases.read import CaseTable
from bizenv_cli.models.casemap import Duration, Source

FILE = "__file"  # index of the table in ``Prepared.tables``
ROW = "__row"  # the row number a spreadsheet shows
# The start and end as written, only where ``outcome.moment_text`` of the day and second
# would not give it back (null otherwise: millions of timestamps are not kept as text).
ID, START_TEXT, END_TEXT = "__id", "__start_text", "__end_text"
S_DAY, S_SEC, S_BAD = "__s_day", "__s_sec", "__s_bad"
E_DAY, E_SEC, E_BAD = "__e_day", "__e_sec", "__e_bad"
REASON = "__reason"
# Why a row cannot be used (``outcome.REASONS`` says each in words), a byte a row.
REASON_TYPE = pl.Enum(
    [
        "missing_id",
        "bad_start",
        "bad_end",
        "outside_calendar",
        "end_before_start",
        "date_only",
        "duplicate_id",
    ]
)
AT = "__at"  # the row's position in ``Prepared.frame`` (for ``overlimit``)


@dataclass(frozen=True)
class Prepared:
    source: Source
    tables: list[CaseTable]
    frame: pl.DataFrame
    texts: pl.DataFrame  # AT, START_TEXT, END_TEXT of the rows that have one (texts_of)
    repeats: bool = True  # whether two rows may share a case id (``may_repeat``)


def may_repeat(frame: pl.DataFrame) -> bool:
    """Whether two rows of ``frame`` may share a case id: equal ids have equal hashes, so
    as many distinct hashes as rows prove there is none (numbers, cheaper than text: the
    engine's exact check of ids is needed only after a repeat)."""
    return bool(frame.select(pl.col(ID).hash(0x5EED).n_unique() < pl.len()).item())


def tested_columns(source: Source) -> list[str]:
    """Every column a target of ``source`` tests (where, match, per, categories)."""
    names: list[str] = []
    for spec in source.targets:
        names += [c.column for c in [*spec.where, *spec.match]] + list(spec.per)
        if spec.categories is not None:
            names.append(spec.categories.column)
    return list(dict.fromkeys(names))


def tested(name: str) -> str:
    """The frame's name for a file's column: never one of the internal ``__`` names, so
    a column called ``__id`` or ``__row`` in a file is just a column."""
    return f"col:{name}"


def needed_columns(source: Source) -> list[str]:
    ids = [source.case_id] if source.case_id else []
    ends = [source.end] if source.end else []
    return [*ids, source.start, *ends, *tested_columns(source)]


def _text(name: str, dtype: pl.DataType, trim: bool = True) -> pl.Expr:
    """A column as text (trimmed: conditions and ids compare it); dates and datetimes
    as ISO text, to the second (zone-aware ones in China time)."""
    col = pl.col(name)
    if isinstance(dtype, pl.Datetime):
        if dtype.time_zone is not None:
            col = col.dt.convert_time_zone(CHINA)
        return col.dt.strftime("%Y-%m-%d %H:%M:%S")
    return col.cast(pl.String).str.strip_chars() if trim else col.cast(pl.String)


def _own(text: pl.Expr) -> pl.Expr:
    """Text in buffers of its own: polars' strings are views into the buffers they were
    cut from, so a few kept timestamps would otherwise keep all the batch's timestamps
    (an id needs none: its column's buffer holds only ids)."""
    return pl.concat_str([text, pl.lit("")])


def duration(kind: Duration, lookup: Lookup, end: pl.Expr, end_sec: pl.Expr) -> pl.Expr:
    """Each row's duration from its start to ``end``, in the unit of ``kind``."""
    start, start_sec = pl.col(S_DAY), pl.col(S_SEC)
    if kind is Duration.working_days:
        return lookup.working_days(start, end).cast(pl.Float64)
    if kind is Duration.calendar_days:
        return (end - start).cast(pl.Float64)
    seconds = lookup.office_seconds(start, start_sec, end, end_sec).cast(pl.Float64)
    return seconds / (lookup.office_day if kind is Duration.office_days else 3600)


def duration_column(kind: Duration) -> str:
    return f"__duration_{kind.value}"


def _reasons(lookup: Lookup) -> pl.Expr:
    """Why a row cannot be used, whatever the target (outcome.REASONS, in order); the
    engine adds what depends on the target: date_only and duplicate_id."""
    s, e = pl.col(S_DAY), pl.col(E_DAY)
    ss, es = pl.col(S_SEC), pl.col(E_SEC)
    no_id = pl.col(ID).is_null() | (pl.col(ID) == "")
    covered = lookup.covered(s) & (e.is_null() | lookup.covered(e))
    before = (e < s) | ((e == s) & (es < ss)).fill_null(False)
    return (
        pl.when(no_id)
        .then(pl.lit("missing_id"))
        .when(s.is_null())
        .then(pl.lit("bad_start"))
        .when(pl.col(E_BAD))
        .then(pl.lit("bad_end"))
        .when(~covered)
        .then(pl.lit("outside_calendar"))
        .when(before.fill_null(False))
        .then(pl.lit("end_before_start"))
    ).cast(REASON_TYPE)


def prepare_table(
    source: Source,
    i: int,
    table: CaseTable,
    lookup: Lookup,
    frame: pl.DataFrame | None = None,
    offset: int = 0,
    at: int = 0,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The rows of one table of ``source`` (the ``i``-th), with their moments parsed and
    what does not depend on the target computed once: why a row cannot be used
    (``REASON``) and each duration the source's targets need; and the texts of the
    timestamps not written in the canonical form (``texts_of``). The rows are the
    table's frame, or ``frame``, a batch of its rows starting ``offset`` rows in (the
    ``at``-th row of the source), which can go once this is made (every column of a
    batch in one piece: the batches' frames put together keep their columns' pieces
    aligned, which polars needs to avoid copying)."""
    frame = table.frame if frame is None else frame
    schema = frame.schema

    def text(name: str, trim: bool = True) -> pl.Expr:
        return _text(name, schema[name], trim)

    moments = [source.start] if source.end is None else [source.start, source.end]
    parsed = parse_columns(frame, moments)
    start = parsed[0].rename({"day": S_DAY, "sec": S_SEC, "bad": S_BAD, "canon": "__s_canon"})
    first = table.first_row + offset
    row = pl.int_range(first, first + frame.height, dtype=pl.Int32)
    cols = [
        pl.int_range(at, at + frame.height, dtype=pl.UInt32).alias(AT),
        pl.lit(i, pl.Int32).alias(FILE),
        row.alias(ROW),
        (text(source.case_id) if source.case_id else row.cast(pl.String)).alias(ID),
        pl.when(~start["__s_canon"]).then(text(source.start, trim=False)).alias(START_TEXT),
        # categories (a few values, four bytes a row), compared as text by the engine
        *[text(c).cast(pl.Categorical).alias(tested(c)) for c in tested_columns(source)],
    ]
    if source.end is not None:
        end = parsed[1].rename({"day": E_DAY, "sec": E_SEC, "bad": E_BAD, "canon": "__e_canon"})
        cols.append(pl.when(~end["__e_canon"]).then(text(source.end, trim=False)).alias(END_TEXT))
    else:  # an event log: each row is dated by its start, and has no end
        end = pl.DataFrame(
            {E_DAY: [None] * frame.height, E_SEC: [None] * frame.height},
            schema={E_DAY: pl.Int32, E_SEC: pl.Int32},
        ).with_columns(pl.lit(False).alias(E_BAD))
        cols.append(pl.lit(None, pl.String).alias(END_TEXT))
    start, end = start.drop("__s_canon"), end.drop("__e_canon", strict=False)
    rows = pl.concat([frame.select(cols), start, end], how="horizontal")
    kinds = {spec.duration for spec in source.targets if spec.duration is not None}
    rows = rows.with_columns(
        _reasons(lookup).alias(REASON),
        *[
            duration(kind, lookup, pl.col(E_DAY), pl.col(E_SEC)).alias(duration_column(kind))
            for kind in sorted(kinds)
        ],
    )
    written = pl.col(START_TEXT).is_not_null() | pl.col(END_TEXT).is_not_null()
    texts = rows.filter(written).select(AT, _own(pl.col(START_TEXT)), _own(pl.col(END_TEXT)))
    return rows.drop(START_TEXT, END_TEXT, S_BAD, E_BAD).rechunk(), texts


def texts_of(texts: pl.DataFrame, rows: pl.DataFrame) -> pl.DataFrame:
    """``rows`` (with their ``AT``) and their ``START_TEXT`` and ``END_TEXT``: the
    timestamps as written, where the day and second would not give them back
    (``outcome.moment_text``); null elsewhere. Kept apart: most rows have none."""
    return rows.join(texts, on=AT, how="left", maintain_order="left")


def prepare(source: Source, tables: list[CaseTable], lookup: Lookup) -> Prepared:
    """The rows of every table of ``source``, one frame (columns checked by the caller)."""
    parts, texts, at = [], [], 0
    for i, table in enumerate(tables):
        rows, written = prepare_table(source, i, table, lookup, at=at)
        parts.append(rows)
        texts.append(written)
        at += rows.height
    return finish(source, tables, parts, texts)


def finish(
    source: Source, tables: list[CaseTable], parts: list[pl.DataFrame], texts: list[pl.DataFrame]
) -> Prepared:
    """``prepare`` from the tables' prepared rows and texts (``prepare_table``)."""
    frame = pl.concat(parts, how="vertical_relaxed", rechunk=False) if len(parts) > 1 else parts[0]
    parts.clear()
    written = pl.concat(texts, how="vertical_relaxed")
    return Prepared(source, tables, frame, written, may_repeat(frame))

"""Compute one target from a source's rows: which rows count, which cannot be used and
why, each case's duration, the value ``bizenv check`` compares, and the exceptions.

The conventions (docs/cases.md): a closed case belongs to the period its end falls in
(an event log's row: its date); open cases (no end) are never in a value, they are
counted, and those already past the limit on the as-of date are exceptions. An 'each'
target is reported as its longest case (every case within the limit exactly when the
longest is), with the share within the limit beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from bizenv_cli.cases import prepare as P
from bizenv_cli.cases.durations import EPOCH_ORDINAL, Lookup
from bizenv_cli.cases.outcome import (
    EXAMPLES_PER_REASON,
    BadRow,
    Evidence,
    TargetOutcome,
    moment_text,
)
from bizenv_cli.cases.overlimit import ExceptionList, ranked
from bizenv_cli.cases.prepare import ROW, tested
from bizenv_cli.models import Period, ThresholdTarget
from bizenv_cli.models.casemap import Aggregate, Condition, Duration, TargetMap
from bizenv_cli.models.values import Comparator

TOLERANCE = 1e-9  # as Comparator.holds
DUR = "__duration"


@dataclass(frozen=True)
class Window:
    """Epoch days: closed cases ending in [first, last] count; ``as_of`` dates open ones."""

    first: int | None
    last: int
    as_of: int


def condition(c: Condition) -> pl.Expr:
    col = pl.col(tested(c.column))  # a category: compared to text without becoming text
    if c.equals is not None:
        return (col == c.equals.strip()).fill_null(False)
    if c.one_of is not None:
        return col.is_in([v.strip() for v in c.one_of]).fill_null(False)
    return (col.is_not_null() & (col != "")).fill_null(False)


def _all(conditions: list[Condition]) -> pl.Expr:
    return pl.all_horizontal([condition(c) for c in conditions]) if conditions else pl.lit(True)


def _columns(prep: P.Prepared, table: int, reason: str, row: dict[str, object]) -> tuple[int, str]:
    """The column a bad row is named by, and what is wrong with its cell."""
    from bizenv_cli.sanitize import shown

    src, cols = prep.source, prep.tables[table].columns
    start, end = src.start, src.end or src.start
    row = {k: shown(v, 80) if isinstance(v, str) else v for k, v in row.items()}
    if reason == "missing_id":
        return cols.get(src.case_id or "", 0), f"column {src.case_id!r} is empty"
    if reason == "bad_start":
        text = row[P.START_TEXT]
        what = f"'{text}' is not a timestamp" if text else "is empty"
        return cols[start], f"{start} {what}"
    if reason == "bad_end":
        return cols[end], f"{end} '{row[P.END_TEXT]}' is not a timestamp"
    if reason == "end_before_start":
        return cols[end], f"{end} {row[P.END_TEXT]} is before {start} {row[P.START_TEXT]}"
    if reason == "outside_calendar":
        return cols[start], (
            f"{row[P.START_TEXT]} .. {row[P.END_TEXT] or 'open'}: a year no working-day "
            "calendar covers (add it to measures/calendar.yaml, see docs/calendar.md)"
        )
    if reason == "date_only":
        column, cell = (start, P.START_TEXT) if row[P.S_SEC] is None else (end, P.END_TEXT)
        return cols[column], f"{column} {row[cell]} has no time of day"
    other = row["__in"]  # the file of the first row, when another one
    first = prep.tables[other].shown if isinstance(other, int) and other != table else ""
    return cols.get(src.case_id or "", 0), (
        f"case {row[P.ID]} is also on row {row['__first']}" + (f" of {first}" if first else "")
    )


def _bad_rows(prep: P.Prepared, frame: pl.DataFrame, out: TargetOutcome) -> None:
    bad = frame.filter(pl.col("__reason").is_not_null())
    if not bad.height:
        return
    counts = bad.group_by("__reason").len()
    out.bad = {r: int(n) for r, n in counts.iter_rows()}
    examples = bad.group_by("__reason", maintain_order=True).head(EXAMPLES_PER_REASON)
    repeated = examples.filter(pl.col("__reason") == "duplicate_id")[P.ID]
    firsts = (  # the row each repeated id among the examples is first on
        frame.filter(pl.col("__reason").is_null() & pl.col(P.ID).is_in(repeated.implode()))
        .group_by(P.ID)
        .agg(pl.col(ROW).first().alias("__first"), pl.col(P.FILE).first().alias("__in"))
    )
    examples = P.texts_of(prep.texts, examples.join(firsts, on=P.ID, how="left"))
    examples = examples.with_columns(
        pl.coalesce(P.START_TEXT, moment_text(pl.col(P.S_DAY), pl.col(P.S_SEC))),
        pl.coalesce(P.END_TEXT, moment_text(pl.col(P.E_DAY), pl.col(P.E_SEC))),
    )
    for row in examples.sort(P.FILE, ROW).iter_rows(named=True):
        table = row[P.FILE]
        column, detail = _columns(prep, table, row["__reason"], row)
        shown = prep.tables[table].shown
        out.bad_rows.append(BadRow(row["__reason"], shown, row[ROW], column, detail))


def _evidence(prep: P.Prepared, used: pl.DataFrame) -> list[Evidence]:
    """The rows used, as ranges per file (the rows are in file order: no sorting)."""
    rows, files = pl.col(ROW), pl.col(P.FILE)
    starts = ((rows.diff() != 1) | (files.diff() != 0)).fill_null(True)
    ends = starts.shift(-1, fill_value=True)
    marks = used.select(P.FILE, ROW, s=starts, e=ends)
    runs = pl.DataFrame(
        {
            P.FILE: marks.filter("s")[P.FILE],
            "a": marks.filter("s")[ROW],
            "b": marks.filter("e")[ROW],
        }
    )
    out = []
    for i, table in enumerate(prep.tables):
        mine = runs.filter(pl.col(P.FILE) == i).select("a", "b")
        if mine.height:
            count = int((mine["b"] - mine["a"] + 1).sum())
            out.append(Evidence(table.shown, table.sha256, mine, count))
    return out


def _over(comparator: Comparator, limit: float) -> pl.Expr:
    if comparator is Comparator.lt:
        return pl.col(DUR) >= limit - TOLERANCE
    return pl.col(DUR) > limit + TOLERANCE


def compute(
    prep: P.Prepared,
    target_id: str,
    conditions: list[Condition],
    spec: TargetMap,
    target: ThresholdTarget,
    lookup: Lookup,
    window: Window,
) -> TargetOutcome:
    limit = float(spec.within if spec.within is not None else target.value)
    comparator = Comparator.le if spec.within is not None else target.comparator
    out = TargetOutcome(
        target=target_id,
        source=prep.source.name,
        aggregate=spec.aggregate.value,
        duration=spec.duration.value if spec.duration else None,
        unit=target.unit.value,
        comparator=target.comparator.value,
        limit=float(target.value),
    )
    office = spec.duration in (Duration.office_days, Duration.office_hours)
    e, ss, es = pl.col(P.E_DAY), pl.col(P.S_SEC), pl.col(P.E_SEC)
    no_time = pl.lit(office) & e.is_not_null() & (ss.is_null() | es.is_null())
    inner = [P.AT, P.FILE, ROW, P.ID, P.S_DAY, P.S_SEC, P.E_DAY, P.E_SEC]
    tested_here = [tested(c.column) for c in spec.match] + [tested(c) for c in spec.per]
    durations = [c for c in prep.frame.columns if c.startswith("__duration_")]
    keep = list(dict.fromkeys([*inner, P.REASON, *durations, *tested_here]))
    chosen = prep.frame.select(_all(conditions).alias("chosen")).to_series()
    frame = (  # only the columns this target reads: the selected rows are copied
        prep.frame.select(keep)
        .filter(chosen)
        .with_columns(
            __reason=pl.coalesce(
                P.REASON, pl.when(no_time).then(pl.lit("date_only", P.REASON_TYPE))
            )
        )
    )
    del chosen
    if prep.repeats and P.may_repeat(frame.filter(pl.col("__reason").is_null())):
        first = pl.when(pl.col("__reason").is_null()).then(pl.col(P.ID)).is_first_distinct()
        frame = frame.with_columns(
            __reason=pl.when(pl.col("__reason").is_null() & ~first)
            .then(pl.lit("duplicate_id", P.REASON_TYPE))
            .otherwise("__reason")
        )
    out.selected = frame.height
    _bad_rows(prep, frame, out)
    has_end = prep.source.end is not None
    place = pl.col(P.E_DAY) if has_end else pl.col(P.S_DAY)
    good = pl.col("__reason").is_null()
    inside = (place <= window.last) & (
        pl.lit(True) if window.first is None else place >= window.first
    )
    still_open = good & pl.col(P.E_DAY).is_null() if has_end else pl.lit(False)
    marks = frame.select(  # one mask each, then only the rows used and the open are copied
        used=(good & place.is_not_null() & inside).fill_null(False),
        late=(good & place.is_not_null() & ~inside).fill_null(False),
        open=still_open.fill_null(False),
        started=(still_open & (pl.col(P.S_DAY) <= window.as_of)).fill_null(False),
    )
    counts = marks.sum().row(0, named=True)
    out.outside = int(counts["late"]) + int(counts["open"]) - int(counts["started"])
    used = frame.filter(marks["used"])
    started = frame.filter(marks["started"]) if has_end else frame.clear()
    del frame, marks  # millions of rows: few copies
    if has_end:
        out.open_cases = started.height
        if spec.duration is not None:
            moment = pl.lit(window.as_of, pl.Int32), pl.lit(86_399, pl.Int32)  # as-of day's end
            late = started.with_columns(P.duration(spec.duration, lookup, *moment).alias(DUR))
            late = late.filter(_over(comparator, limit).fill_null(False))
            out.open_over = late.height
            open_exceptions = ranked(late, DUR, limit, is_open=True)
        else:
            open_exceptions = None
    else:
        open_exceptions = None
    out.sample_size = used.height
    out.evidence = _evidence(prep, used)
    if spec.aggregate is Aggregate.share:
        matching = used.filter(_all(spec.match)).height
        out.value = 100.0 * matching / used.height if used.height else None
    elif spec.aggregate is Aggregate.count:
        _count(prep, spec, used, comparator, limit, out)
        if target.period is Period.year and not _whole_year(window):
            out.notes.append(
                "a per-year count computed over a period that is not a calendar year: "
                "run with --period YYYY for the figure the target means"
            )
    else:
        assert spec.duration is not None
        timed = used.select(P.AT, pl.col(P.duration_column(spec.duration)).alias(DUR))
        over = timed.filter(_over(comparator, limit))
        out.over_limit = over.height
        closed = ranked(over, DUR, limit, is_open=False)
        del over
        if used.height:
            out.within_share = 100.0 * (used.height - out.over_limit) / used.height
            column = timed[DUR]
            value = {
                Aggregate.average: column.mean(),
                Aggregate.maximum: column.max(),
                Aggregate.within_limit: out.within_share,
            }[spec.aggregate]
            out.value = float(value)  # type: ignore[arg-type]
    if spec.duration is not None:  # open cases have exceptions only with a duration
        files = [t.shown for t in prep.tables]
        out.exceptions = ExceptionList.of(closed, open_exceptions, prep.frame, files, prep.texts)
    if not used.height:
        out.notes.append("no usable case in the period: nothing to report")
    return out


def _whole_year(window: Window) -> bool:
    if window.first is None:
        return False
    first = date.fromordinal(window.first + EPOCH_ORDINAL)
    last = date.fromordinal(window.last + EPOCH_ORDINAL)
    return (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and (
        first.year == last.year
    )


def _count(
    prep: P.Prepared,
    spec: TargetMap,
    used: pl.DataFrame,
    comparator: Comparator,
    limit: float,
    out: TargetOutcome,
) -> None:
    """The row count, or with ``per`` the largest count of rows sharing those columns;
    each group over the limit is an exception (its first and last row's dates)."""
    if not spec.per:
        out.value = float(used.height)
        return
    groups = (
        P.texts_of(prep.texts, used)
        .sort(P.S_DAY)
        .group_by([tested(c) for c in spec.per], maintain_order=True)
        .agg(
            pl.len().cast(pl.Float64).alias(DUR),
            pl.col(P.FILE).first(),
            pl.col(ROW).first(),
            pl.col(P.START_TEXT).first(),
            pl.col(P.START_TEXT).last().alias(P.END_TEXT),
            pl.col(P.S_DAY).first(),
            pl.col(P.S_SEC).first(),
            pl.col(P.S_DAY).last().alias(P.E_DAY),
            pl.col(P.S_SEC).last().alias(P.E_SEC),
        )
        .with_columns(
            pl.concat_str(
                [pl.col(tested(c)).cast(pl.String).fill_null("") for c in spec.per],
                separator=" / ",
            ).alias(P.ID)
        )
    )
    out.value = float(groups[DUR].max()) if groups.height else None  # type: ignore[arg-type]
    groups = groups.with_row_index(P.AT)
    over = groups.filter(_over(comparator, limit))
    out.over_limit = over.height
    files = [t.shown for t in prep.tables]
    out.exceptions = ExceptionList.of(
        ranked(over, DUR, limit, is_open=False), None, groups, files, None
    )
    out.notes.append(f"{groups.height} distinct {' / '.join(spec.per)}")

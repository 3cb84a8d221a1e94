"""What computing one target from cases gives: the value, the counts behind it, the bad
rows by reason, the exceptions and the evidence. A million cases can have hundreds of
thousands of exceptions and row ranges: those stay polars frames until a reporter
asks for them (the terminal shows ten, the exceptions file all)."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from bizenv_cli.cases.overlimit import EXCEPTION_SCHEMA, ExceptionList

__all__ = ["EXCEPTION_SCHEMA", "ExceptionList"]

# Why a row is not used (the keys of ``TargetOutcome.bad``), in the order they are checked.
REASONS: dict[str, str] = {
    "missing_id": "no case id",
    "bad_start": "the start is empty or not a timestamp",
    "bad_end": "the end is not a timestamp",
    "outside_calendar": "a date in a year no working-day calendar covers",
    "end_before_start": "the end is before the start",
    "date_only": "no time of day, which office time needs (a date proves only 'same day')",
    "duplicate_id": "the case id is on an earlier row too (the first one is used)",
}
EXAMPLES_PER_REASON = 5


@dataclass(frozen=True)
class BadRow:
    reason: str
    file: str
    row: int
    column: int
    detail: str


SHOWN = ["case_id", "file", "row", "start", "end", "duration", "over"]


def moment_text(day: pl.Expr, sec: pl.Expr) -> pl.Expr:
    """``YYYY-MM-DD HH:MM:SS`` of an epoch day and a second of the day (no second: the
    date alone); null without a day."""
    when = day.cast(pl.Date)
    stamp = (when.cast(pl.Datetime("ms")) + pl.duration(seconds=sec.fill_null(0))).dt.strftime(
        "%Y-%m-%d %H:%M:%S"
    )
    return (
        pl.when(day.is_null())
        .then(None)
        .when(sec.is_null())
        .then(when.dt.strftime("%Y-%m-%d"))
        .otherwise(stamp)
    )


def with_texts(exceptions: pl.DataFrame) -> pl.DataFrame:
    """The exceptions' ``SHOWN`` columns, ``start`` and ``end`` as text (null: open)."""
    return exceptions.select(
        pl.col("case_id"),
        pl.col("file").cast(pl.String),
        pl.col("row"),
        pl.coalesce("start", moment_text(pl.col("s_day"), pl.col("s_sec"))).alias("start"),
        pl.coalesce("end", moment_text(pl.col("e_day"), pl.col("e_sec"))).alias("end"),
        pl.col("duration"),
        pl.col("over"),
    )


@dataclass(frozen=True)
class Evidence:
    file: str
    sha256: str
    rows: pl.DataFrame  # inclusive ranges of the rows used: columns a, b (Int32)
    count: int  # the rows used

    def ranges(self, limit: int | None = None) -> list[tuple[int, int]]:
        rows = self.rows if limit is None else self.rows.head(limit)
        return [(int(a), int(b)) for a, b in rows.iter_rows()]


@dataclass
class TargetOutcome:
    target: str
    source: str
    aggregate: str
    duration: str | None
    unit: str
    comparator: str
    limit: float
    value: float | None = None
    sample_size: int = 0  # the cases (or rows) the value is computed from
    selected: int = 0  # the rows that meet the target's conditions
    over_limit: int = 0  # closed cases over the limit
    within_share: float | None = None  # percent of closed cases within the limit
    open_cases: int = 0
    open_over: int = 0  # open cases already past the limit on the as-of date
    outside: int = 0  # rows outside the period (or after the as-of date)
    bad: dict[str, int] = field(default_factory=dict)
    bad_rows: list[BadRow] = field(default_factory=list)  # the first few of each reason
    exceptions: ExceptionList = field(default_factory=ExceptionList.empty)
    evidence: list[Evidence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def bad_total(self) -> int:
        return sum(self.bad.values())

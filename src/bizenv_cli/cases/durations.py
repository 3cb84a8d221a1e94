"""Durations of every case at once, from the calendar's cumulative index.

The same convention as ``WorkCalendar.working_days`` and ``office_seconds``
(docs/calendar.md), computed as column lookups instead of one call per row: working
days in (start date, end date] are ``cum[end + 1] - cum[start + 1]``; office time before
a moment is the working days before its date times the office day, plus the office time
elapsed on that day if it is worked. Days are counted since 1970-01-01 (``moments``).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from bizenv_cli.calendar import WorkCalendar

EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


class Lookup:
    """The calendar's index as polars columns, and expressions over day numbers."""

    def __init__(self, calendar: WorkCalendar) -> None:
        index = calendar.day_index()
        self.calendar = calendar
        self.offset = EPOCH_ORDINAL - index.base  # epoch day + offset = index position
        self.size = len(index.flags)
        self.cum = pl.Series("cum", index.cum, dtype=pl.Int32)
        self.flags = pl.Series("flags", list(index.flags), dtype=pl.Int32)
        self.spans = [(s.start, s.end) for s in calendar.spans]
        self.office_day = calendar.office_day

    def covered(self, day: pl.Expr) -> pl.Expr:
        """True for a day inside the calendar's years (null stays null)."""
        i = day + self.offset
        return (i >= 0) & (i < self.size)

    def _position(self, day: pl.Expr) -> pl.Expr:
        i = day.cast(pl.Int64) + self.offset
        return pl.when((i >= 0) & (i < self.size)).then(i)

    def _cum(self, position: pl.Expr) -> pl.Expr:
        return pl.lit(self.cum).gather(position.fill_null(0)).cast(pl.Int64)

    def working_days(self, start: pl.Expr, end: pl.Expr) -> pl.Expr:
        """Working days in (start, end]; null when either day is outside the calendar.
        (The positions are clipped into the index, and the rows outside it nulled after:
        one comparison each instead of a null test per lookup.)"""
        after_start = start.cast(pl.Int64) + (self.offset + 1)  # cum's index of the day after
        after_end = end.cast(pl.Int64) + (self.offset + 1)
        inside = (after_start >= 1) & (after_start <= self.size)
        inside = inside & (after_end >= 1) & (after_end <= self.size)
        cum = pl.lit(self.cum)
        worked = cum.gather(after_end.clip(0, self.size)) - cum.gather(
            after_start.clip(0, self.size)
        )
        return pl.when(inside).then(worked.cast(pl.Int64))

    def _office_before(self, day: pl.Expr, sec: pl.Expr) -> pl.Expr:
        i = self._position(day)
        worked = pl.lit(self.flags).gather(i.fill_null(0)).cast(pl.Int64)
        elapsed = pl.sum_horizontal(
            [(pl.min_horizontal(sec, pl.lit(b)) - a).clip(lower_bound=0) for a, b in self.spans]
        )
        return self._cum(i) * self.office_day + worked * elapsed

    def office_seconds(
        self, start: pl.Expr, start_sec: pl.Expr, end: pl.Expr, end_sec: pl.Expr
    ) -> pl.Expr:
        """Office time between two moments, in seconds; null without both times or
        outside the calendar."""
        known = (
            self._position(start).is_not_null()
            & self._position(end).is_not_null()
            & start_sec.is_not_null()
            & end_sec.is_not_null()
        )
        return pl.when(known).then(
            self._office_before(end, end_sec.cast(pl.Int64))
            - self._office_before(start, start_sec.cast(pl.Int64))
        )

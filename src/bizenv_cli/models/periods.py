"""Reporting periods and day counts: pure date arithmetic, no wall clock."""

from __future__ import annotations

from datetime import date

from bizenv_cli.models.deadline import last_day_of_month


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of '2021', '2021-H1', '2021-Q2' or '2021-06' (already validated)."""
    year = int(period[:4])
    rest = period[5:]
    if not rest:
        first, last = 1, 12
    elif rest.startswith("H"):
        half = int(rest[1])
        first, last = 6 * half - 5, 6 * half
    elif rest.startswith("Q"):
        quarter = int(rest[1])
        first, last = 3 * quarter - 2, 3 * quarter
    else:
        first = last = int(rest)
    return date(year, first, 1), last_day_of_month(year, last)


def period_end(period: str) -> date:
    """Last day of a period: 2021-Q2 -> 2021-06-30, 2021 -> 2021-12-31."""
    return period_bounds(period)[1]


def days_between(start: date, end: date) -> int:
    """Whole days from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    return (end - start).days

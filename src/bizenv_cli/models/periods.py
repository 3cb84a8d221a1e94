"""Reporting periods and day counts: pure date arithmetic, no wall clock."""

from __future__ import annotations

from datetime import date

from bizenv_cli.models.deadline import last_day_of_month

# A reporting period: a year (2021), a half (2021-H1), a quarter (2021-Q2) or a month (2021-06).
PERIOD_PATTERN = r"^[1-9][0-9]{3}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$"


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


def next_period(period: str) -> str | None:
    """The period of the same kind right after ``period`` (2021-Q2 -> 2021-Q3, 2021 -> 2022);
    None past year 9999."""
    start = period_bounds(period)[1].toordinal() + 1
    if start > date.max.toordinal():
        return None
    day = date.fromordinal(start)
    rest = period[5:]
    if not rest:
        return f"{day.year}"
    if rest.startswith("H"):
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    if rest.startswith("Q"):
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def quarter_of(day: date) -> str:
    """The quarter holding ``day``: 2021-06-30 -> 2021-Q2."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"

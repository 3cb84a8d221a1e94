"""A cumulative working-day index: one integer per calendar day, so a duration is the
difference of two lookups (no per-day loop, whatever the span).

Convention (docs/calendar.md): working days in (start, end]: the start day is not
counted, the end day is; the same day is 0; a makeup weekend day counts, a holiday
weekday does not. Office time counts the office hours of working days only.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

DAY_SECONDS = 86_400


class CalendarGap(Exception):
    """A date in a year no calendar source covers: never guessed."""

    def __init__(self, year: int, covered: str) -> None:
        self.year = year
        super().__init__(
            f"no official working-day calendar for {year} (covered: {covered}): add the year "
            f"to measures/calendar.yaml under 'years: {year}:' with its State Council notice "
            f"(国务院办公厅关于{year}年部分节假日安排的通知), see docs/calendar.md"
        )


@dataclass(frozen=True)
class Span:
    """Office time on a working day, in seconds since midnight: [start, end)."""

    start: int
    end: int


@dataclass(frozen=True)
class DayIndex:
    """Day ``i`` of the index is the date with ordinal ``base + i``; ``flags[i]`` is 1 when
    it is worked; ``cum[i]`` counts the working days among days ``0 .. i - 1`` (so
    ``len(cum) == len(flags) + 1``)."""

    base: int
    flags: bytes
    cum: tuple[int, ...]


def _time(seconds: int) -> time:
    return time(seconds // 3600, seconds // 60 % 60, seconds % 60)


def _seconds(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


class WorkCalendar:
    """Working days for the years in ``covered`` (a set of years), with ``overrides``
    (date -> working?) on top of the weekday rule, and office hours."""

    def __init__(
        self,
        covered: Iterable[int],
        overrides: Mapping[date, bool],
        office_hours: Iterable[tuple[time, time]],
        sources: Iterable[str] = (),
    ) -> None:
        self.covered = frozenset(covered)
        if not self.covered:
            raise ValueError("a calendar needs at least one year")
        self.sources = tuple(sources)
        self.first_year, self.last_year = min(self.covered), max(self.covered)
        self._base = date(self.first_year, 1, 1).toordinal()
        days = date(self.last_year, 12, 31).toordinal() - self._base + 1
        flags = bytearray(days)
        for i in range(days):
            flags[i] = (self._base + i) % 7 not in (6, 0)  # ordinal % 7: 0 Sunday, 6 Saturday
        for day, working in overrides.items():
            i = day.toordinal() - self._base
            if 0 <= i < days:
                flags[i] = working
        self._flags = bytes(flags)
        # _cum[i]: working days among the first i days (so _cum[i + 1] counts day i too).
        cum = array("l", [0]) * (days + 1)
        total = 0
        for i, flag in enumerate(self._flags):
            total += flag
            cum[i + 1] = total
        self._cum = cum
        self.spans = tuple(Span(_seconds(a), _seconds(b)) for a, b in office_hours)
        self.office_day = sum(s.end - s.start for s in self.spans)

    def overrides(self) -> dict[date, bool]:
        """The days that differ from the weekday rule (what the constructor was given,
        less what changed nothing): enough to build the same calendar again."""
        return {
            date.fromordinal(self._base + i): bool(flag)
            for i, flag in enumerate(self._flags)
            if bool(flag) != ((self._base + i) % 7 not in (6, 0))
        }

    def office_hours(self) -> list[tuple[time, time]]:
        return [(_time(s.start), _time(s.end)) for s in self.spans]

    # -- coverage ---------------------------------------------------------------
    def covered_text(self) -> str:
        years = sorted(self.covered)
        runs: list[str] = []
        start = prev = years[0]
        for year in [*years[1:], None]:
            if year is not None and year == prev + 1:
                prev = year
                continue
            runs.append(str(start) if start == prev else f"{start}-{prev}")
            if year is not None:
                start = prev = year
        return ", ".join(runs)

    def require(self, first: date, last: date | None = None) -> None:
        """CalendarGap for the first year from ``first`` to ``last`` that is not covered."""
        last = last or first
        low, high = min(first.year, last.year), max(first.year, last.year)
        for year in range(low, high + 1):
            if year not in self.covered:
                raise CalendarGap(year, self.covered_text())

    def _index(self, day: date) -> int:
        return day.toordinal() - self._base

    # -- days -------------------------------------------------------------------
    def is_working(self, day: date) -> bool:
        self.require(day)
        return bool(self._flags[self._index(day)])

    def working_days(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        self.require(start, end)
        return self._cum[self._index(end) + 1] - self._cum[self._index(start) + 1]

    def days_between(self, start: date, end: date) -> list[date]:
        """The days in (start, end], for explanations (a loop: not for bulk work)."""
        self.require(start, end)
        return [date.fromordinal(o) for o in range(start.toordinal() + 1, end.toordinal() + 1)]

    def day_index(self) -> DayIndex:
        """The index itself, for computing many durations at once (cases/durations.py):
        what ``working_days`` and ``office_seconds`` look up, one row at a time."""
        return DayIndex(self._base, self._flags, tuple(self._cum))

    # -- office time --------------------------------------------------------------
    def _office_before(self, moment: datetime) -> int:
        """Office seconds from the start of the index up to ``moment``."""
        i = self._index(moment.date())
        elapsed = self._cum[i] * self.office_day
        if self._flags[i]:
            now = _seconds(moment.time())
            elapsed += sum(max(0, min(now, s.end) - s.start) for s in self.spans)
        return elapsed

    def office_seconds(self, start: datetime, end: datetime) -> int:
        """Office time between two timestamps, in seconds; negative when end is first."""
        self.require(start.date(), end.date())
        return self._office_before(end) - self._office_before(start)

    def office_days(self, seconds: float) -> float:
        """Office time as a share of an office day (0.5 working day is half an office day)."""
        return seconds / self.office_day

"""Where the calendar comes from: the chinesecalendar library (2004 to its last year),
then the zone's measures/calendar.yaml (whole years it adds, days it corrects)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, time, timedelta

from bizenv_cli.calendar.index import WorkCalendar
from bizenv_cli.models.calendar import DEFAULT_OFFICE_HOURS, CalendarFile, CalendarYear, DayRange


def library_days() -> tuple[range, dict[date, bool], str]:
    """(years covered, date -> working? where it differs from the weekday rule, source)."""
    import chinese_calendar  # type: ignore[import-untyped]  # no stubs; two dicts are used

    holidays: dict[date, object] = chinese_calendar.holidays
    workdays: dict[date, object] = chinese_calendar.workdays
    years = range(min(holidays).year, max(holidays).year + 1)
    overrides = {d: False for d in holidays if d.weekday() < 5}
    overrides.update({d: True for d in workdays if d.weekday() >= 5})
    version = getattr(chinese_calendar, "__version__", "?")
    return years, overrides, f"chinesecalendar {version} ({years.start}-{years.stop - 1})"


def block_days(blocks: Sequence[DayRange]) -> Iterator[tuple[date, int]]:
    """Each day of the holiday ``blocks`` once, with the index of a block it is in: blocks
    that overlap (or are listed 16,000 times) cost no more than the days they cover."""
    done = date.min  # every day up to here is already given (blocks end by 2200)
    for i in sorted(range(len(blocks)), key=lambda i: blocks[i].start):
        day = max(blocks[i].start, done + timedelta(days=1))
        while day <= blocks[i].end:
            yield day, i
            done = day
            day += timedelta(days=1)


def year_days(year: int, spec: CalendarYear) -> dict[date, bool]:
    """Every day of ``year`` that differs from the weekday rule, as the notice sets it."""
    overrides: dict[date, bool] = {}
    first, last = date(year, 1, 1), date(year, 12, 31)
    day = first
    while day <= last:  # reset the library's data for the year: the file replaces it
        overrides[day] = day.weekday() < 5
        day += timedelta(days=1)
    for day, _ in block_days(spec.holidays):
        overrides[day] = False
    for worked in spec.workdays:
        overrides[worked] = True
    return overrides


def build(zone: CalendarFile | None, zone_path: str | None = None) -> WorkCalendar:
    """The calendar: the library's years, then the zone file's years and corrections."""
    years, overrides, source = library_days()
    covered = set(years)
    sources = [source]
    office: list[tuple[time, time]] = [(s.start, s.end) for s in DEFAULT_OFFICE_HOURS]
    if zone is not None:
        for year, spec in sorted(zone.years.items()):
            overrides.update(year_days(year, spec))
            covered.add(year)
            sources.append(f"{zone_path}: {year} ({spec.notice})")
        for fix in zone.corrections:
            overrides[fix.date] = fix.working
            sources.append(f"{zone_path}: {fix.date} ({fix.notice})")
        office = [(s.start, s.end) for s in zone.office_hours]
    return WorkCalendar(covered, overrides, office, sources)

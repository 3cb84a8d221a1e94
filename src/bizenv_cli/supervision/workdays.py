"""Working-day dates: N working days after a day, and the working days between two days,
by the official calendar (calendar/): never a weekday count."""

from __future__ import annotations

from datetime import date, timedelta

from bizenv_cli.calendar import WorkCalendar

# No run of days off is anywhere near this long: a bound, not a guess.
_MAX_SPAN = 4000


def add_working_days(cal: WorkCalendar, start: date, days: int) -> date:
    """The day on which ``days`` working days after ``start`` have passed (start not counted,
    as in docs/calendar.md); 0 is ``start`` itself. CalendarGap past the covered years."""
    day, left = start, days
    for _ in range(_MAX_SPAN):
        if left <= 0:
            return day
        day += timedelta(days=1)
        if cal.is_working(day):
            left -= 1
    raise ValueError(f"{days} working days after {start} is beyond any calendar")


def working_days_left(cal: WorkCalendar, today: date, deadline: date) -> int:
    """Working days from ``today`` to ``deadline`` (0 on the day, negative once past)."""
    if deadline >= today:
        return cal.working_days(today, deadline)
    return -max(1, cal.working_days(deadline, today))

"""The working-day calendar: the checked cases, the year totals, and the fast index
against a plain day-by-day count over the same official calendar."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import chinese_calendar
import pytest

from bizenv_cli.calendar import CalendarGap
from bizenv_cli.calendar.sources import build
from bizenv_cli.timestamps import MomentError, parse_moment

CALENDAR = build(None)

# ../shared/notes/working-days.md, "Checked cases".
CHECKED = [
    ("2021-09-24", "2021-10-11", 8),  # Mid-Autumn and National Day, makeup 09-26 and 10-09
    ("2021-03-01 09:00", "2021-03-01 17:00", 0),  # the same day
    ("2020-01-20", "2020-02-03", 4),  # Spring Festival 2020 with the COVID extension
    ("2025-01-24", "2025-02-10", 7),  # Spring Festival 2025, makeup 01-26 and 02-08
    ("2021-01-25", "2021-03-11", 30),  # exactly measure 5's 30 working days
    ("2021-01-25", "2021-03-12", 31),  # one more
    ("2021-09-25", "2021-09-26", 1),  # a makeup Sunday counts
    ("2021-09-30", "2021-10-01", 0),  # a holiday weekday does not
    ("2020-12-31", "2021-01-04", 1),  # across New Year: 01-01 off, weekend, Monday counts
    ("2026-12-30", "2026-12-31", 1),  # the library's last day
    ("2004-01-01", "2004-01-02", 1),  # its first year
]


def _day(text: str) -> date:
    moment = parse_moment(text)
    return moment.date() if isinstance(moment, datetime) else moment


@pytest.mark.parametrize(("start", "end", "expected"), CHECKED)
def test_checked_cases(start: str, end: str, expected: int) -> None:
    assert CALENDAR.working_days(_day(start), _day(end)) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2019, 250), (2020, 249), (2021, 250), (2022, 249), (2023, 249), (2024, 251),
     (2025, 248), (2026, 248)],
)
def test_working_days_per_year(year: int, expected: int) -> None:
    assert CALENDAR.working_days(date(year - 1, 12, 31), date(year, 12, 31)) == expected


def test_index_agrees_with_a_day_by_day_count() -> None:
    """Thousands of random pairs: the cumulative index and a plain loop over
    chinese_calendar.is_workday give the same count, in both directions."""
    rng = random.Random(20210419)
    first, last = date(2004, 1, 1).toordinal(), date(2026, 12, 31).toordinal()
    official = {o: chinese_calendar.is_workday(date.fromordinal(o)) for o in range(first, last + 1)}
    for _ in range(5000):
        a = date.fromordinal(rng.randint(first, last))
        b = min(date.fromordinal(last), a + timedelta(days=rng.randint(0, 400)))
        loop = sum(official[o] for o in range(a.toordinal() + 1, b.toordinal() + 1))
        assert CALENDAR.working_days(a, b) == loop, (a, b)
        assert CALENDAR.working_days(b, a) == -loop


def test_a_year_no_source_covers_is_never_guessed() -> None:
    with pytest.raises(CalendarGap) as caught:
        CALENDAR.working_days(date(2026, 12, 1), date(2027, 1, 4))
    assert caught.value.year == 2027
    assert "measures/calendar.yaml" in str(caught.value)
    with pytest.raises(CalendarGap):
        CALENDAR.is_working(date(2003, 12, 31))


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        ("2021-03-01 09:00", "2021-03-01 17:00", 6.0),  # lunch 12:00-14:00 not counted
        ("2021-03-01 07:00", "2021-03-01 08:30", 0.0),  # before opening
        ("2021-03-01 12:15", "2021-03-01 13:45", 0.0),  # inside the lunch break
        ("2021-03-01 08:30", "2021-03-01 12:00", 3.5),  # 0.5 working day exactly
        ("2021-03-05 16:30", "2021-03-08 09:30", 2.0),  # Friday to Monday: the weekend is out
        ("2021-09-30 17:00", "2021-10-08 09:00", 1.0),  # National Day week is out
        ("2021-09-26 10:00", "2021-09-26 11:00", 1.0),  # a makeup Sunday has office hours
        ("2021-03-01 18:00", "2021-03-01 20:00", 0.0),  # after closing
    ],
)
def test_office_time(start: str, end: str, hours: float) -> None:
    a, b = parse_moment(start), parse_moment(end)
    assert isinstance(a, datetime) and isinstance(b, datetime)
    assert CALENDAR.office_seconds(a, b) / 3600 == hours
    assert CALENDAR.office_days(3.5 * 3600) == 0.5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-03-05 09:30:00", datetime(2021, 3, 5, 9, 30)),
        ("2021/3/5 9:30", datetime(2021, 3, 5, 9, 30)),
        ("2021年3月5日", date(2021, 3, 5)),
        ("2021年3月5日 9时30分", datetime(2021, 3, 5, 9, 30)),
        ("2021-03-05", date(2021, 3, 5)),
        ("2021-03-05T09:30", datetime(2021, 3, 5, 9, 30)),
        ("2021.3.5", date(2021, 3, 5)),
        (" 2021-03-05 ", date(2021, 3, 5)),
    ],
)
def test_timestamp_forms(text: str, expected: date) -> None:
    assert parse_moment(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2021-02-30", "no such day"),
        ("2021-03-05 25:00", "no such time"),
        ("3/5/2021", "is not a date"),
        ("2021-03/05", "is not a date"),
        ("20210305", "is not a date"),
        ("2021-03-05 9", "is not a date"),
    ],
)
def test_timestamps_that_are_refused(text: str, says: str) -> None:
    with pytest.raises(MomentError, match=says):
        parse_moment(text)

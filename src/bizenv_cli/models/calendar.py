"""The zone's calendar file (``measures/calendar.yaml``): office hours, and the official
working-day calendar for years the library lacks or days it has wrong.

Every year and every corrected day cites the State Council General Office notice it
comes from (国务院办公厅关于某年部分节假日安排的通知): the calendar is never guessed.
"""

from __future__ import annotations

import itertools
import re
from datetime import date, time
from typing import Annotated, Any

from pydantic import Field, PlainValidator, WithJsonSchema, model_validator

from bizenv_cli.models.base import IsoDate, NonEmptyStr, StrictModel

_CLOCK_RE = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")


def _clock(value: Any) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, str) and _CLOCK_RE.fullmatch(value):
        return time(int(value[:2]), int(value[3:]))
    shown = repr(value) if isinstance(value, str | int | float) else type(value).__name__
    raise ValueError(f"must be a time of day written HH:MM in quotes (e.g. '08:30'), got {shown}")


Clock = Annotated[
    time,
    PlainValidator(_clock),
    WithJsonSchema({"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}),
]


class OfficeSpan(StrictModel):
    """One stretch of office time on a working day, e.g. 08:30 to 12:00."""

    start: Clock = Field(description="Opening time, 'HH:MM'")
    end: Clock = Field(description="Closing time, 'HH:MM', after start")

    @model_validator(mode="after")
    def _ordered(self) -> OfficeSpan:
        if self.end <= self.start:
            raise ValueError(f"end {self.end:%H:%M} must be after start {self.start:%H:%M}")
        return self


DEFAULT_OFFICE_HOURS = (
    OfficeSpan(start=time(8, 30), end=time(12, 0)),
    OfficeSpan(start=time(14, 0), end=time(17, 30)),
)


class DayRange(StrictModel):
    """Consecutive days off (a holiday block), first and last day included."""

    start: IsoDate
    end: IsoDate

    @model_validator(mode="after")
    def _ordered(self) -> DayRange:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class CalendarYear(StrictModel):
    """One year as its notice sets it: weekdays work and weekends rest, except the days
    off listed under ``holidays`` and the weekend days listed under ``workdays``."""

    notice: NonEmptyStr = Field(
        description="The notice the year comes from: its title and number (国办发明电〔...〕N号)"
    )
    holidays: list[DayRange] = Field(
        default_factory=list, description="Holiday blocks (days off), each {start, end}"
    )
    workdays: list[IsoDate] = Field(
        default_factory=list, description="Makeup working days (调休上班) on weekends"
    )


class Correction(StrictModel):
    """One day whose status differs from the library's data."""

    date: IsoDate
    working: bool = Field(description="true: a working day; false: a day off")
    notice: NonEmptyStr = Field(description="The notice that sets this day")


class CalendarFile(StrictModel):
    """The zone's calendar file, measures/calendar.yaml: office hours, added years,
    corrected days."""

    office_hours: list[OfficeSpan] = Field(
        default_factory=lambda: list(DEFAULT_OFFICE_HOURS),
        min_length=1,
        description="Office time on a working day, in order; default 08:30-12:00 and 14:00-17:30",
    )
    years: dict[Annotated[int, Field(ge=1949, le=2200)], CalendarYear] = Field(
        default_factory=dict,
        description="Whole years by their notice, for years the library lacks (a year given here "
        "replaces the library's)",
    )
    corrections: list[Correction] = Field(
        default_factory=list, description="Single days that differ from the library's data"
    )

    @model_validator(mode="after")
    def _consistent(self) -> CalendarFile:
        spans = self.office_hours
        for before, after in itertools.pairwise(spans):
            if after.start < before.end:
                raise ValueError(
                    f"office_hours overlap or are out of order: {before.start:%H:%M}-"
                    f"{before.end:%H:%M} then {after.start:%H:%M}-{after.end:%H:%M}"
                )
        for year, spec in self.years.items():
            days: list[date] = [d for r in spec.holidays for d in (r.start, r.end)]
            days += spec.workdays
            wrong = [d for d in days if d.year != year]
            if wrong:
                raise ValueError(f"years.{year}: {wrong[0]} is not in {year}")
            weekday_work = [d for d in spec.workdays if d.weekday() < 5]
            if weekday_work:
                raise ValueError(
                    f"years.{year}: workdays lists {weekday_work[0]}, a weekday: list only the "
                    "weekend days that are worked (调休)"
                )
        return self

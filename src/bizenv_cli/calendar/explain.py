"""What a working-day count is made of, for people: ``bizenv workdays``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bizenv_cli.calendar.index import WorkCalendar

CONVENTION = "working days in (start, end]: the start day is not counted, the end day is"


@dataclass(frozen=True)
class Count:
    start: date | datetime
    end: date | datetime
    working_days: int
    calendar_days: int
    holiday_weekdays: list[date]  # weekdays in the span that are days off
    makeup_days: list[date]  # weekend days in the span that are worked
    office_seconds: int | None  # only when both ends have a time of day
    office_day_seconds: int
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "working_days": self.working_days,
            "calendar_days": self.calendar_days,
            "rest_days": self.calendar_days - self.working_days,
            "holiday_weekdays": [d.isoformat() for d in self.holiday_weekdays],
            "makeup_days": [d.isoformat() for d in self.makeup_days],
            "convention": CONVENTION,
            "office_hours": None,
            "office_days": None,
            "office_day_hours": self.office_day_seconds / 3600,
            "sources": list(self.sources),
        }
        if self.office_seconds is not None:
            out["office_hours"] = round(self.office_seconds / 3600, 4)
            out["office_days"] = round(self.office_seconds / self.office_day_seconds, 4)
        return out


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def count(calendar: WorkCalendar, start: date | datetime, end: date | datetime) -> Count:
    """The count from ``start`` to ``end`` (end not before start), explained."""
    first, last = _day(start), _day(end)
    days = calendar.days_between(first, last)
    office = None
    if isinstance(start, datetime) and isinstance(end, datetime):
        office = calendar.office_seconds(start, end)
    return Count(
        start=start,
        end=end,
        working_days=calendar.working_days(first, last),
        calendar_days=len(days),
        holiday_weekdays=[d for d in days if d.weekday() < 5 and not calendar.is_working(d)],
        makeup_days=[d for d in days if d.weekday() >= 5 and calendar.is_working(d)],
        office_seconds=office,
        office_day_seconds=calendar.office_day,
        sources=calendar.sources,
    )


def _shown(moment: date | datetime) -> str:
    return moment.isoformat(sep=" ", timespec="minutes") if isinstance(moment, datetime) else (
        moment.isoformat()
    )


def _days(days: list[date], limit: int = 12) -> str:
    shown = ", ".join(f"{d.isoformat()} {'一二三四五六日'[d.weekday()]}" for d in days[:limit])
    return shown + (f" and {len(days) - limit} more" if len(days) > limit else "")


def describe(found: Count) -> list[str]:
    """Text lines: the number first, then what it is made of."""
    unit = "working day" if found.working_days == 1 else "working days"
    lines = [
        f"{found.working_days} {unit} from {_shown(found.start)} to {_shown(found.end)}",
        f"  {found.calendar_days} calendar day{'' if found.calendar_days == 1 else 's'} "
        f"after the start day: {found.working_days} worked, "
        f"{found.calendar_days - found.working_days} rest",
    ]
    if found.holiday_weekdays:
        lines.append(f"  holiday weekdays, not counted: {_days(found.holiday_weekdays)}")
    if found.makeup_days:
        lines.append(f"  makeup weekend days (调休), counted: {_days(found.makeup_days)}")
    if found.office_seconds is not None:
        minutes = found.office_seconds // 60
        share = found.office_seconds / found.office_day_seconds
        lines.append(
            f"  office time: {minutes // 60} h {minutes % 60:02d} min = {share:.2f} office days "
            f"(an office day is {found.office_day_seconds / 3600:g} h)"
        )
    return lines

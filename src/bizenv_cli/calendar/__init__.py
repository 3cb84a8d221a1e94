"""The official working-day calendar: working days between dates, office time between
timestamps, by the convention in docs/calendar.md. Core code: no click, no rich."""

from bizenv_cli.calendar.index import CalendarGap, WorkCalendar

__all__ = ["CalendarGap", "WorkCalendar"]

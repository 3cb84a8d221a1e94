"""The feedback cycle (反馈周期): the periods that end, and when their returns are due."""

from __future__ import annotations

from datetime import date, timedelta

from bizenv_cli.calendar import WorkCalendar
from bizenv_cli.models.supervision import Cycle, SupervisionRules
from bizenv_cli.supervision.workdays import add_working_days

MONTHS = {Cycle.monthly: 1, Cycle.quarterly: 3, Cycle.half_yearly: 6, Cycle.yearly: 12}


def period_bounds(day: date, cycle: Cycle) -> tuple[date, date]:
    """The period of ``cycle`` that contains ``day``: its first and last day."""
    months = MONTHS[cycle]
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    after = first_month + months
    end = date(day.year + (after > 12), (after - 1) % 12 + 1, 1) - timedelta(days=1)
    return start, end


def last_ended(day: date, cycle: Cycle) -> tuple[date, date]:
    """The latest period that has ended on ``day`` (a period ending that day counts)."""
    start, end = period_bounds(day, cycle)
    if end == day:
        return start, end
    return period_bounds(start - timedelta(days=1), cycle)


def cycle_of(rules: SupervisionRules, target: str) -> Cycle:
    return rules.feedback.targets.get(target, rules.feedback.cycle)


def due_after(rules: SupervisionRules, cal: WorkCalendar, end: date) -> date:
    """When the return for a period ending on ``end`` is due."""
    return add_working_days(cal, end, rules.feedback.due_days)

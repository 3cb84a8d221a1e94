"""The warning light of an item on a date (红黄绿灯), by the rules in supervision.yaml.

Red: past the rectification deadline, or escalated. Yellow: within ``yellow_within``
working days of it, or the unit's feedback for a period that ended after the item opened
is late (due ``feedback.due_days`` working days after the period's end, and nothing came
in after that end). Green: otherwise, and every closed item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bizenv_cli.calendar import WorkCalendar
from bizenv_cli.models.ledger import Item, ItemState
from bizenv_cli.models.supervision import SupervisionRules
from bizenv_cli.supervision.cycle import cycle_of, due_after, last_ended
from bizenv_cli.supervision.workdays import working_days_left


@dataclass(frozen=True)
class Light:
    colour: str  # green | yellow | red
    days_left: int | None  # working days to the deadline; negative past it; None when closed
    feedback_due: date | None  # the feedback now owed, if one is late


def light(item: Item, day: date, rules: SupervisionRules, cal: WorkCalendar) -> Light:
    if item.state is ItemState.closed:
        return Light("green", None, None)
    left = working_days_left(cal, day, item.rectify_by)
    late = None
    _, end = last_ended(day, cycle_of(rules, item.target))
    if rules.lights.late_feedback_yellow and end > item.opened:
        due = due_after(rules, cal, end)
        if day > due and not any(f.date > end for f in item.feedback):
            late = due
    if item.escalated or day > item.rectify_by:
        return Light("red", left, late)
    if left <= rules.lights.yellow_within or late is not None:
        return Light("yellow", left, late)
    return Light("green", left, late)

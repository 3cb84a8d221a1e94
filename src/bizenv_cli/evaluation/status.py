"""The status rules: one status per target from "satisfied?", the due date and the as-of date.

- reported and satisfied: ``met``;
- reported, not satisfied: ``at_risk`` while the due date is ahead (the due day
  itself included), ``overdue`` after it, ``not_met`` when there is no date
  (ongoing work);
- nothing reported: ``pending`` while the due date is ahead, ``missing`` once it
  has passed or when the work is ongoing.
A "date, then ongoing" target has a due date, so it is overdue after the date
until met; once met it is judged like any ongoing target on later reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bizenv_cli.evaluation.result import Status


@dataclass(frozen=True)
class Timing:
    status: Status
    days_left: int | None = None
    days_overdue: int | None = None
    due_soon: bool = False


def judge(satisfied: bool | None, due: date | None, as_of: date, *, due_within: int) -> Timing:
    """``satisfied`` is None when nothing was reported."""
    if satisfied:
        return Timing(Status.met)
    if due is None:
        return Timing(Status.missing if satisfied is None else Status.not_met)
    days = (due - as_of).days
    if days >= 0:
        status = Status.pending if satisfied is None else Status.at_risk
        return Timing(status, days_left=days, due_soon=days <= due_within)
    status = Status.missing if satisfied is None else Status.overdue
    return Timing(status, days_overdue=-days)

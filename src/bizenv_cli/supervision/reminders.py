"""Return reminders (催报): from the feedback cycle, when each unit's return for the period
that last ended is due, and which units are late or nearly due.

A unit owes a return when it leads or is responsible for a target (collectives owe
nothing; the issuing office, which sends the reminders, is not listed). A unit's cycle
is the shortest among its targets' (a monthly target makes the unit report monthly). A
file counts as its return for a period when the day the file holds on falls inside the
period. Pure: the submissions come in loaded; the date comes in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bizenv_cli.calendar import WorkCalendar
from bizenv_cli.loading.loaded import LoadedSubmission
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.models.supervision import Cycle, SupervisionRules
from bizenv_cli.supervision.cycle import MONTHS, cycle_of, due_after, last_ended
from bizenv_cli.supervision.units import answerable
from bizenv_cli.supervision.workdays import working_days_left


@dataclass(frozen=True)
class Reminder:
    unit: str
    unit_name: str
    cycle: Cycle
    period_start: date
    period_end: date
    due: date
    days_left: int  # working days to the due date; negative: late by that many
    late: bool


def unit_cycles(mset: MeasureSet, rules: SupervisionRules) -> dict[str, Cycle]:
    """Unit id -> its reporting cycle (the shortest of its targets'), in departments order."""
    departments = {d.id: d for d in mset.departments.departments}
    cycles: dict[str, Cycle] = {}
    for loaded in mset.measures:
        m = loaded.measure
        for target in m.targets:
            cycle = cycle_of(rules, target.id)
            for unit in answerable(m.lead, m.responsible, departments, rules.issuer.unit):
                if unit not in cycles or MONTHS[cycle] < MONTHS[cycles[unit]]:
                    cycles[unit] = cycle
    return {d: cycles[d] for d in departments if d in cycles}


def reminders(
    mset: MeasureSet,
    loaded: Sequence[LoadedSubmission],
    rules: SupervisionRules,
    cal: WorkCalendar,
    day: date,
) -> list[Reminder]:
    """The units whose return for the period last ended is not in and is due within
    ``feedback.remind_within`` working days, or late; late ones first, most late first."""
    names = {d.id: d.name for d in mset.departments.departments}
    found = []
    for unit, cycle in unit_cycles(mset, rules).items():
        if unit == rules.issuer.unit:  # the office sends the reminders: not to itself
            continue
        start, end = last_ended(day, cycle)
        if any(s.department == unit and start <= s.date <= end for s in loaded):
            continue
        due = due_after(rules, cal, end)
        left = working_days_left(cal, day, due)
        if day > due or left <= rules.feedback.remind_within:
            found.append(Reminder(unit, names[unit], cycle, start, end, due, left, day > due))
    return sorted(found, key=lambda r: (not r.late, r.days_left))

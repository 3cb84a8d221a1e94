"""When each unit's return was due, and how late the silent ones are: the feedback cycle
of supervision.yaml applied to a check's returns view (`check --format json`'s
``returns``, `report --by returns`). Pure but for the rules and calendar passed in."""

from __future__ import annotations

from datetime import date

from bizenv_cli.calendar import WorkCalendar
from bizenv_cli.evaluation.returns import Returns
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.models.supervision import SupervisionRules
from bizenv_cli.supervision.cycle import due_after
from bizenv_cli.supervision.workdays import working_days_left


def with_due_dates(
    returns: Returns, mset: MeasureSet, rules: SupervisionRules, cal: WorkCalendar, as_of: date
) -> Returns:
    """``returns`` with each unit's due date (the feedback cycle's due days after the
    period's end) and, for a unit that sent nothing, its working days late on ``as_of``."""
    if returns.end is None:
        return returns
    due = due_after(rules, cal, returns.end)
    late = max(0, -working_days_left(cal, as_of, due)) if as_of > due else 0
    units = [
        unit.model_copy(update={"due": due, "days_late": late if unit.sent_nothing else None})
        for unit in returns.units
    ]
    return returns.model_copy(update={"units": units})


def attach(returns: Returns | None, mset: MeasureSet, as_of: date) -> Returns | None:
    """The due dates when the measure folder has supervision rules; else ``returns`` as it
    is (a folder without supervision.yaml has no feedback cycle to apply)."""
    from bizenv_cli.calendar import CalendarGap
    from bizenv_cli.calendar.load import load_calendar
    from bizenv_cli.loading.supervision import read_rules_file

    if returns is None or returns.end is None:
        return returns
    rules, _, _, findings = read_rules_file(mset.root)
    if rules is None or findings:  # findings: `bizenv validate` reports them (R019)
        return returns
    try:
        return with_due_dates(returns, mset, rules, load_calendar(mset.root), as_of)
    except (CalendarGap, ValueError):  # a due date past the calendar's years: not known
        return returns

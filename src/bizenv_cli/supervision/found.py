"""A check's failures as supervision items: one per failed target and unit that answers
for it, with the plan's wording, what was reported and the rectification deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bizenv_cli.calendar import WorkCalendar
from bizenv_cli.evaluation.result import CheckResult, Status, TargetResult
from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.explain import render
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.models.supervision import SupervisionRules
from bizenv_cli.supervision.units import answerable
from bizenv_cli.supervision.wording import full_width
from bizenv_cli.supervision.workdays import add_working_days

# The statuses that open an item: a failure the unit must put right.
OPENS: tuple[Status, ...] = (Status.overdue, Status.not_met, Status.missing)


@dataclass(frozen=True)
class Found:
    """One item as the check on ``as_of`` found it."""

    target: str
    unit: str
    status: Status
    measure: int
    measure_title: str
    what: str  # the target, in the plan's terms (two targets may share one quote)
    requirement: str  # the target's words in the plan (its quote)
    reported: str  # what was reported, in Chinese ("未报送" when nothing was)
    rectify_by: date


def reported_text(result: TargetResult) -> str:
    """What the unit reported, in the check's Chinese words."""
    if result.status is Status.missing:
        return "未报送"
    if result.explained:
        return full_width(render(result.explained, Messages("zh")))
    return result.explanation


def rectify_by(rules: SupervisionRules, cal: WorkCalendar, status: Status, as_of: date) -> date:
    days = getattr(rules.rectify_days, status.value)
    assert isinstance(days, int)
    return add_working_days(cal, as_of, days)


def find_items(
    result: CheckResult, mset: MeasureSet, rules: SupervisionRules, cal: WorkCalendar
) -> list[Found]:
    """Every item the check opens, in plan order, per unit (CalendarGap past the calendar)."""
    departments = {d.id: d for d in mset.departments.departments}
    quotes = {t.id: t.quote for m in mset.measures for t in m.measure.targets}
    items = []
    for r in result.results:
        if r.status not in OPENS:
            continue
        units = answerable(r.lead, r.responsible, departments, rules.issuer.unit)
        deadline = rectify_by(rules, cal, r.status, result.as_of)
        for unit in units:
            items.append(
                Found(
                    target=r.target,
                    unit=unit,
                    status=r.status,
                    measure=r.measure,
                    measure_title=full_width(r.measure_title.zh),
                    what=full_width(r.what.zh),
                    requirement=full_width(quotes.get(r.target, r.what.zh)),
                    reported=reported_text(r),
                    rectify_by=deadline,
                )
            )
    return items

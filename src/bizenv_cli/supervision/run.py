"""The pipeline behind `bizenv notices` and `bizenv ledger update`: check on the as-of
date (checking.run_check, the same verdicts as `bizenv check`), then the items it opens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bizenv_cli.calendar import CalendarGap, WorkCalendar
from bizenv_cli.errors import BizenvError
from bizenv_cli.evaluation.result import CheckResult
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.models.plan import Department
from bizenv_cli.models.supervision import SupervisionRules
from bizenv_cli.supervision.found import Found, find_items


@dataclass(frozen=True)
class Checked:
    measure_set: MeasureSet
    result: CheckResult
    rules: SupervisionRules
    calendar: WorkCalendar
    found: list[Found]

    @property
    def departments(self) -> dict[str, Department]:
        return {d.id: d for d in self.measure_set.departments.departments}


def load_calendar_for(measures_dir: Path) -> WorkCalendar:
    from bizenv_cli.calendar.load import load_calendar

    return load_calendar(measures_dir)


def check_and_find(
    paths: list[Path],
    measures_dir: Path,
    rules_for: Callable[[MeasureSet], SupervisionRules],
    *,
    as_of: date,
    waivers: Path | None,
    warn: Callable[[str], None],
) -> Checked:
    """The check on ``as_of`` and the items it opens; BizenvError (exit 3) for unusable
    input or a date past the working-day calendar. ``rules_for`` gets the measure set once
    the check has run (the caller guards its outputs there) and gives the rules."""
    from bizenv_cli.checking import run_check

    mset, result = run_check(
        paths,
        measures_dir,
        as_of=as_of,
        waivers=waivers,
        due_within=30,
        today=lambda: as_of,
        warn=warn,
    )
    rules = rules_for(mset)
    cal = load_calendar_for(measures_dir)
    try:
        found = find_items(result, mset, rules, cal)
    except CalendarGap as exc:
        raise BizenvError(str(exc)) from None
    return Checked(mset, result, rules, cal, found)

"""The returns of a period: per unit, what it must report, what it sent, what is missing.

The period is that of the latest submission up to the as-of date (by the day it holds
on); a file counts as that unit's return when the day it holds on falls inside that
period. A unit must report the targets it leads or is responsible for (as
``bizenv template --department`` selects them). Collectives (区直各有关部门) are groups,
not units: never listed; a target only they hold is the lead office's (区优化办).
A target is **unreported** when no file of the period, from any unit, has a value or
state for it (the lead's entry covers its responsible units, as in loading/overlap.py);
waived targets need no return. Units that sent nothing come first: the list of units to
chase (催报). Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from pydantic import Field

from bizenv_cli.departments import acting_units
from bizenv_cli.models.base import StrictModel
from bizenv_cli.models.periods import period_bounds

if TYPE_CHECKING:
    from bizenv_cli.evaluation.result import TargetResult
    from bizenv_cli.loading.loaded import LoadedSubmission
    from bizenv_cli.models.plan import Department


class UnitReturns(StrictModel):
    department: str = Field(description="Department id")
    sent_nothing: bool = Field(description="No file of the period came from this unit")
    files: list[str] = Field(description="The unit's submission files of the period, as given")
    targets: list[str] = Field(
        description="Target ids the unit leads or is responsible for, in plan order"
    )
    as_lead: int = Field(description="How many of those targets the unit leads")
    unreported: list[str] = Field(
        description="Its targets no file of the period reports (waived ones excluded)"
    )
    unreported_due: int = Field(
        description="How many of the unreported targets are due (deadline passed or ongoing)"
    )
    unread: list[str] = Field(
        default_factory=list,
        description="Files whose name names this unit but that bizenv could not read (a .doc, "
        "a .pdf...; see the warnings): the unit did reply, in a form to be saved as .xlsx",
    )
    notes: list[str] = Field(
        default_factory=list,
        description="Text written below the table of the unit's returned sheets "
        "(备注: ..., 填表人: ...), each after its file's name",
    )
    due: date | None = Field(
        default=None,
        description="When the unit's return for the period was due, by the feedback cycle of "
        "supervision.yaml (docs/supervision.md); null when the measure folder has none",
    )
    days_late: int | None = Field(
        default=None,
        description="For a unit that sent nothing: working days past its due date on the "
        "as-of date (0 while not yet due); null for a unit that replied, or without rules",
    )


class Returns(StrictModel):
    period: str | None = Field(
        description="The period the returns are for (the latest submission's); null without one"
    )
    start: date | None = Field(description="The period's first day")
    end: date | None = Field(description="The period's last day")
    units: list[UnitReturns] = Field(
        description="Units that sent nothing first (to chase), then the most unreported due "
        "targets first, then in the order of departments.yaml"
    )


def _bounds(sub: LoadedSubmission) -> tuple[date, date]:
    if sub.submission.period:
        return period_bounds(sub.submission.period)
    return sub.date, sub.date


def build_returns(
    results: Sequence[TargetResult],
    submissions: Sequence[LoadedSubmission],
    departments: Sequence[Department],
    as_of: date,
    unread: Mapping[str, str] | None = None,
) -> Returns:
    """The returns of the latest period up to ``as_of`` for ``results``' units."""
    usable = [s for s in submissions if s.start <= as_of]
    latest = max(usable, key=lambda s: s.date, default=None)
    period, start, end = None, None, None
    current: list[LoadedSubmission] = []
    if latest is not None:
        start, end = _bounds(latest)
        period = latest.period
        current = [s for s in usable if start <= s.date <= end]
    reported = {t for s in current for t, e in s.submission.entries.items() if e.reported}
    files: dict[str, list[str]] = {}
    notes: dict[str, list[str]] = {}
    for sub in current:
        files.setdefault(sub.department, []).append(sub.path)
        notes.setdefault(sub.department, []).extend(f"{sub.path}: {r}" for r in sub.remarks)
    not_read: dict[str, list[str]] = {}
    for path, unit in (unread or {}).items():
        not_read.setdefault(unit, []).append(path)
    order = {d.id: i for i, d in enumerate(departments)}
    acting = {r.target: acting_units(r.lead, r.responsible, departments) for r in results}
    units: list[UnitReturns] = []
    for unit in [*order, *(u for u in [*files, *not_read] if u not in order)]:
        mine = [r for r in results if any(unit in units for units in acting[r.target])]
        if not mine and unit not in files and unit not in not_read:
            continue  # collectives among them: never chased (their targets are the office's)
        missing = [r for r in mine if r.target not in reported and r.status != "waived"]
        units.append(
            UnitReturns(
                department=unit,
                sent_nothing=unit not in files and unit not in not_read,
                files=files.get(unit, []),
                targets=[r.target for r in mine],
                as_lead=sum(unit in acting[r.target][0] for r in mine),
                unreported=[r.target for r in missing],
                unreported_due=sum(_due(r, as_of) for r in missing),
                unread=not_read.get(unit, []),
                notes=notes.get(unit, []),
            )
        )
    units.sort(
        key=lambda u: (not u.sent_nothing, -u.unreported_due, -len(u.unreported),
                       order.get(u.department, len(order)))
    )
    return Returns(period=period, start=start, end=end, units=units)


def _due(result: TargetResult, as_of: date) -> bool:
    """Due on ``as_of``: the deadline has passed, or the target is ongoing."""
    return result.due is None or result.due < as_of

"""Who must act: each unit's overdue, not-met and missing targets, by role.

A target names its units as lead (牵头单位) and responsible (责任单位); a unit
is counted once per role it holds. Units are sorted with the most overdue
targets first (both roles together), then the most not-met and missing, then
in the order of departments.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from bizenv_cli.departments import acting_units
from bizenv_cli.evaluation.counts import ACTION, StatusCounts
from bizenv_cli.evaluation.result import Status, TargetResult
from bizenv_cli.models.plan import Department

Role = Literal["lead", "responsible"]
ROLES: tuple[Role, ...] = ("lead", "responsible")


@dataclass(frozen=True)
class RoleTargets:
    """One unit in one role: the targets needing action, by status (ACTION order)."""

    role: Role
    targets: tuple[tuple[Status, tuple[TargetResult, ...]], ...]

    def of(self, status: Status) -> tuple[TargetResult, ...]:
        return dict(self.targets).get(status, ())

    def count(self, status: Status) -> int:
        return len(self.of(status))

    @property
    def total(self) -> int:
        return sum(len(t) for _, t in self.targets)


@dataclass(frozen=True)
class UnitRow:
    id: str
    name: str  # Chinese name (the id when departments.yaml does not know it)
    en: str
    roles: tuple[RoleTargets, ...]

    def count(self, status: Status) -> int:
        """Targets with ``status`` in any role (a target held in both roles counts once)."""
        return len({t.target for r in self.roles for t in r.of(status)})

    def role(self, role: Role) -> RoleTargets:
        return next(r for r in self.roles if r.role == role)


def _named(result: TargetResult, role: Role) -> list[str]:
    return result.lead if role == "lead" else result.responsible


def who_must_act(
    results: Iterable[TargetResult], departments: list[Department]
) -> tuple[list[UnitRow], int]:
    """Units with something to act on (sorted), and how many named units have nothing.
    Collectives (区直各有关部门) are no unit: a target only they hold is the lead office's."""
    order = {d.id: i for i, d in enumerate(departments)}
    known = {d.id: d for d in departments}
    results = list(results)
    acting = {r.target: acting_units(r.lead, r.responsible, departments) for r in results}

    def _units(result: TargetResult, role: Role) -> list[str]:
        return acting[result.target][0 if role == "lead" else 1]

    named: list[str] = []
    for result in results:
        for unit in (*_units(result, "lead"), *_units(result, "responsible")):
            if unit not in named:
                named.append(unit)
    rows = []
    for unit in named:
        roles = tuple(
            RoleTargets(
                role,
                tuple(
                    (
                        status,
                        tuple(r for r in results if r.status is status and unit in _units(r, role)),
                    )
                    for status in ACTION
                ),
            )
            for role in ROLES
        )
        dept = known.get(unit)
        row = UnitRow(unit, dept.name if dept else unit, dept.en if dept else unit, roles)
        if any(r.total for r in roles):
            rows.append(row)
    rows.sort(
        key=lambda u: (
            -u.count(Status.overdue),
            -(u.count(Status.not_met) + u.count(Status.missing)),
            order.get(u.id, len(order)),
            u.id,
        )
    )
    return rows, len(named) - len(rows)


@dataclass(frozen=True)
class ReportCard:
    """Every target of one unit, most urgent first, with the roles the unit holds in it."""

    department: Department
    rows: tuple[tuple[TargetResult, tuple[Role, ...]], ...]
    lead: StatusCounts
    responsible: StatusCounts


# Most urgent first: what must be fixed now, then what is coming, then what is done.
URGENCY_ORDER: tuple[Status, ...] = (
    Status.overdue,
    Status.missing,
    Status.not_met,
    Status.at_risk,
    Status.pending,
    Status.met,
    Status.waived,
)
_URGENCY = {s: i for i, s in enumerate(URGENCY_ORDER)}


def by_urgency(results: Iterable[TargetResult]) -> list[TargetResult]:
    """Most urgent status first; within one, longest overdue / soonest due, then plan order."""
    ordered = list(results)
    position = {id(r): i for i, r in enumerate(ordered)}
    return sorted(
        ordered,
        key=lambda r: (
            _URGENCY[r.status],
            -(r.days_overdue or 0),
            r.days_left or 0,
            position[id(r)],
        ),
    )


def report_card(results: Iterable[TargetResult], department: Department) -> ReportCard:
    mine = [r for r in results if department.id in r.lead or department.id in r.responsible]
    rows = tuple(
        (r, tuple(role for role in ROLES if department.id in _named(r, role)))
        for r in by_urgency(mine)
    )
    return ReportCard(
        department,
        rows,
        StatusCounts.of(r for r in mine if department.id in r.lead),
        StatusCounts.of(r for r in mine if department.id in r.responsible),
    )

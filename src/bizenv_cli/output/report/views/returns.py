"""The returns view: per unit, what it must report, the files received, what is unreported.

Plain data from ``CheckResult.returns`` (evaluation/returns.py), in its order: the
units that sent nothing first (the list to chase, 催报), then those whose files came in.
With ``--department`` only that unit's row is kept. No rich.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bizenv_cli.evaluation.returns import Returns
from bizenv_cli.models.plan import Department

NOT_READ = "未能读取 not read"  # a file of the unit's that could not be read (see the warnings)


@dataclass(frozen=True)
class ReturnsRow:
    id: str
    name: str  # Chinese name (the id when departments.yaml does not know it)
    en: str
    sent_nothing: bool
    files: tuple[str, ...]
    targets: int  # targets it leads or is responsible for
    as_lead: int
    unreported: tuple[str, ...]  # target ids no file of the period reports
    unreported_due: int


@dataclass(frozen=True)
class ReturnsView:
    period: str | None
    start: date | None
    end: date | None
    rows: tuple[ReturnsRow, ...]
    due: date | None = None  # when the returns were due (supervision.yaml), if known
    late: int = 0  # working days past ``due`` on the as-of date

    @property
    def to_chase(self) -> tuple[ReturnsRow, ...]:
        """Units that sent nothing for the period."""
        return tuple(r for r in self.rows if r.sent_nothing)

    @property
    def received(self) -> tuple[ReturnsRow, ...]:
        return tuple(r for r in self.rows if not r.sent_nothing)


def returns_view(
    returns: Returns | None,
    departments: Sequence[Department],
    department: Department | None = None,
) -> ReturnsView:
    names = {d.id: d for d in departments}
    rows = []
    for unit in returns.units if returns is not None else []:
        if department is not None and unit.department != department.id:
            continue
        dept = names.get(unit.department)
        rows.append(
            ReturnsRow(
                id=unit.department,
                name=dept.name if dept else unit.department,
                en=dept.en if dept else unit.department,
                sent_nothing=unit.sent_nothing,
                files=(*unit.files, *(f"{path} ({NOT_READ})" for path in unit.unread)),
                targets=len(unit.targets),
                as_lead=unit.as_lead,
                unreported=tuple(unit.unreported),
                unreported_due=unit.unreported_due,
            )
        )
    if returns is None:
        return ReturnsView(None, None, None, tuple(rows))
    due = next((u.due for u in returns.units if u.due is not None), None)
    late = max((u.days_late or 0 for u in returns.units), default=0)
    return ReturnsView(returns.period, returns.start, returns.end, tuple(rows), due, late)

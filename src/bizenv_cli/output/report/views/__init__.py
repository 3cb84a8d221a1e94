"""The report's views of one CheckResult: plain data, no click, no rich.

``build_report`` turns the result of the one evaluation into everything the
renderers and the Markdown reporter show, so they only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bizenv_cli.evaluation.counts import STATUS_ORDER, DueShare, StatusCounts, due_share
from bizenv_cli.evaluation.result import CheckResult, TargetResult
from bizenv_cli.models.base import Bilingual
from bizenv_cli.models.plan import Department, Plan
from bizenv_cli.output.report.views.deadlines import (
    MonthRow,
    calendar,
    due_soon,
    overdue_and_missing,
)
from bizenv_cli.output.report.views.departments import (
    ReportCard,
    UnitRow,
    report_card,
    who_must_act,
)
from bizenv_cli.output.report.views.groups import ChapterRow, GroupRow, by_chapter
from bizenv_cli.output.report.views.returns import ReturnsView, returns_view

__all__ = [
    "STATUS_ORDER",
    "ChapterRow",
    "DueShare",
    "GroupRow",
    "MonthRow",
    "Report",
    "ReportCard",
    "ReturnsView",
    "StatusCounts",
    "UnitRow",
    "build_report",
]


@dataclass(frozen=True)
class Report:
    plan: Bilingual
    as_of: date
    due_within: int
    department: Department | None  # set for one unit's report card (--department)
    results: tuple[TargetResult, ...]  # the targets the report covers
    measures: int  # how many measures those targets belong to
    counts: StatusCounts
    share: DueShare
    chapters: tuple[ChapterRow, ...]
    units: tuple[UnitRow, ...]  # who must act, most overdue first
    units_clear: int  # named units with nothing to act on
    card: ReportCard | None
    overdue: tuple[TargetResult, ...]  # overdue and missing, longest overdue first
    due_soon: tuple[TargetResult, ...]
    calendar: tuple[MonthRow, ...]
    notes: tuple[str, ...]
    returns: ReturnsView  # per unit: files received, targets unreported; to chase first


def build_report(
    result: CheckResult,
    plan: Plan,
    departments: list[Department],
    *,
    department: Department | None = None,
) -> Report:
    """All views of ``result``; with ``department``, only the targets of that unit."""
    results = list(result.results)
    if department is not None:
        results = [r for r in results if department.id in r.lead or department.id in r.responsible]
    units, clear = who_must_act(results, departments)
    return Report(
        plan=result.plan,
        as_of=result.as_of,
        due_within=result.due_within,
        department=department,
        results=tuple(results),
        measures=len({r.measure for r in results}),
        counts=StatusCounts.of(results),
        share=due_share(results, result.as_of),
        chapters=tuple(by_chapter(results, plan)),
        units=tuple(units),
        units_clear=clear,
        card=report_card(results, department) if department is not None else None,
        overdue=tuple(overdue_and_missing(results)),
        due_soon=tuple(due_soon(results)),
        calendar=tuple(calendar(results, result.as_of)),
        notes=tuple(_notes(result, results)),
        returns=returns_view(result.returns, departments, department),
    )


def _notes(result: CheckResult, kept: list[TargetResult]) -> list[str]:
    """The evaluation's notes; for one unit, only those about its targets (or no target)."""
    if len(kept) == len(result.results):
        return list(result.notes)
    everyone = {r.target for r in result.results}
    mine = {r.target for r in kept}
    return [
        note
        for note in result.notes
        if any(t in note for t in mine) or not any(t in note for t in everyone)
    ]

"""Target lists ordered by time: overdue and missing, due soon, and a calendar by month."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from bizenv_cli.evaluation.counts import StatusCounts
from bizenv_cli.evaluation.result import Status, TargetResult


def overdue_and_missing(results: Iterable[TargetResult]) -> list[TargetResult]:
    """Overdue and missing targets, longest overdue first.

    Missing ongoing targets (no due date, so no days overdue) come after the
    dated ones; ties keep the plan's order.
    """
    chosen = [r for r in results if r.status in (Status.overdue, Status.missing)]
    ranked = sorted(
        enumerate(chosen),
        key=lambda pair: (pair[1].days_overdue is None, -(pair[1].days_overdue or 0), pair[0]),
    )
    return [result for _, result in ranked]


def due_soon(results: Iterable[TargetResult]) -> list[TargetResult]:
    """At-risk and pending targets due within the evaluation's --due-within days, soonest first."""
    chosen = [r for r in results if r.due_soon and r.due is not None]
    return sorted(chosen, key=lambda r: (r.due or date.max, r.measure))


@dataclass(frozen=True)
class MonthRow:
    year: int
    month: int
    counts: StatusCounts


def calendar(results: Iterable[TargetResult], as_of: date) -> list[MonthRow]:
    """Targets due on or after the as-of date, counted by month (every status)."""
    months: dict[tuple[int, int], list[TargetResult]] = defaultdict(list)
    for result in results:
        if result.due is not None and result.due >= as_of:
            months[(result.due.year, result.due.month)].append(result)
    return [MonthRow(y, m, StatusCounts.of(months[(y, m)])) for y, m in sorted(months)]

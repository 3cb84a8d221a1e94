"""`bizenv history`: the same submissions evaluated once per period end, target by target.

Submissions are loaded once, without an as-of date, and ``evaluate`` runs once per day:
it leaves out submissions whose period starts after that day (``reported_history``), so
each column is exactly what `bizenv check --as-of DAY` says on the submissions up to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from bizenv_cli.errors import EXIT_INPUT, EXIT_USAGE, BizenvError
from bizenv_cli.evaluation.result import Status, TargetResult
from bizenv_cli.history.columns import evaluate_each
from bizenv_cli.history.model import (
    HistoryResult,
    Observation,
    PeriodInfo,
    Point,
    ProgressDetail,
    ProgressStatus,
    TargetHistory,
)
from bizenv_cli.history.progress import progress
from bizenv_cli.history.trend import TOLERANCE, better, trend
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.loading.submissions import LoadedSubmission
from bizenv_cli.loading.targets import TargetRef, index_targets
from bizenv_cli.models import ChangeTarget, Direction, MilestoneTarget
from bizenv_cli.models.units import conversion_factor
from bizenv_cli.models.values import Comparator
from bizenv_cli.models.waiver import Waivers

# A history is a table with a column per day: 500 is 125 years of quarters, 40 of months.
# Past it the command stops before evaluating (each column is a whole `check`).
MAX_PERIODS = 500


def periods_of(submissions: Sequence[LoadedSubmission]) -> list[PeriodInfo]:
    """Each distinct day the submissions hold on, labelled by its period when only one ends then."""
    labels: dict[date, set[str]] = {}
    for sub in submissions:
        labels.setdefault(sub.date, set()).add(sub.period)
    return [
        PeriodInfo(period=next(iter(names)) if len(names) == 1 else day.isoformat(), as_of=day)
        for day, names in sorted(labels.items())
    ]


def days_given(days: Sequence[date]) -> list[PeriodInfo]:
    return [PeriodInfo(period=day.isoformat(), as_of=day) for day in sorted(set(days))]


def too_many(periods: Sequence[PeriodInfo], *, given: bool) -> None:
    """Stop before evaluating more than ``MAX_PERIODS`` days (exit 2 for ``--at``, else 3)."""
    if len(periods) <= MAX_PERIODS:
        return
    where = "--at days" if given else "days the submissions hold on"
    raise BizenvError(
        f"{len(periods):,} {where} ({periods[0].as_of} to {periods[-1].as_of}): a history "
        f"has at most {MAX_PERIODS:,} columns; give fewer submissions, or choose the days "
        "with --at",
        exit_code=EXIT_USAGE if given else EXIT_INPUT,
    )


def build_history(
    measure_set: MeasureSet,
    submissions: Sequence[LoadedSubmission],
    periods: Sequence[PeriodInfo],
    *,
    waivers: Waivers | None = None,
    due_within: int = 30,
) -> HistoryResult:
    """Evaluate on every period's day and follow each target across them. Pure."""
    days = [p.as_of for p in periods]
    checks = evaluate_each(measure_set, submissions, days, waivers=waivers, due_within=due_within)
    holds_on = {sub.path: sub.date for sub in submissions}
    refs = index_targets(measure_set)
    targets = []
    for i, ref in enumerate(refs.values()):
        column = [check.results[i] for check in checks]
        targets.append(_target(ref, periods, column, holds_on))
    return HistoryResult(
        plan=measure_set.plan.title,
        periods=list(periods),
        trend_tolerance=TOLERANCE,
        targets=targets,
    )


def _observations(column: Sequence[TargetResult], holds_on: dict[str, date]) -> list[Observation]:
    """The distinct reported values in use across the columns (a value carried on counts once)."""
    seen: list[Observation] = []
    last_path = None
    for result in column:
        where = result.reported_location
        if result.reported is None or where is None or where.path == last_path:
            continue
        last_path = where.path
        seen.append(
            Observation(period=result.period or "", on=holds_on[where.path], value=result.reported)
        )
    return seen


def _target(
    ref: TargetRef,
    periods: Sequence[PeriodInfo],
    column: Sequence[TargetResult],
    holds_on: dict[str, date],
) -> TargetHistory:
    latest = column[-1] if column else None
    way = better(ref.target)
    seen = _observations(column, holds_on)
    found_trend = None
    if way is not None and len(seen) >= 2:
        target = ref.target
        required = None if isinstance(target, ChangeTarget | MilestoneTarget) else target.value
        found_trend = trend(
            seen[-2].value, seen[-1].value, way=way, unit=ref.value_unit, required=required
        )
    status, detail = _progress(ref, latest, seen)
    return TargetHistory(
        measure=ref.measure.number,
        target=ref.target.id,
        kind=ref.target.kind,
        what=ref.target.what,
        unit=ref.value_unit,
        comparator=latest.comparator if latest else None,
        required=latest.required if latest else None,
        due=ref.due,
        better=way,
        series=[
            Point(
                period=p.period,
                as_of=p.as_of,
                value=r.reported,
                state=r.state,
                status=r.status,
                reported_in=r.period,
            )
            for p, r in zip(periods, column, strict=True)
        ],
        trend=found_trend,
        progress=status,
        progress_detail=detail,
    )


def _progress(
    ref: TargetRef, latest: TargetResult | None, seen: list[Observation]
) -> tuple[ProgressStatus | None, ProgressDetail | None]:
    way = better(ref.target)
    if way is None or ref.due is None or latest is None:
        return None, None  # milestones and ongoing targets have no date to be on track for
    goal = _goal(ref, latest)
    if goal is None:
        return ProgressStatus.no_data, None
    return progress(
        seen,
        target_value=goal,
        due=ref.due,
        way=way,
        unit=ref.value_unit,
        met=latest.status is Status.met,
    )


def _goal(ref: TargetRef, latest: TargetResult) -> float | None:
    """The value to reach, in the target's value unit (a change target's from its baseline)."""
    target = ref.target
    if isinstance(target, MilestoneTarget):
        return None
    if not isinstance(target, ChangeTarget):
        return float(target.value)
    if latest.change is None:
        return None
    cut = target.direction is Direction.decrease
    goal = latest.change.baseline * (1 - target.value / 100 if cut else 1 + target.value / 100)
    limit = target.limit
    factor = conversion_factor(limit.unit, target.quantity_unit) if limit else None
    if limit is not None and factor is not None:
        bound = limit.value * factor
        if cut and limit.comparator in (Comparator.le, Comparator.lt):
            goal = min(goal, bound)
        elif not cut and limit.comparator in (Comparator.ge, Comparator.gt):
            goal = max(goal, bound)
    return goal


def run_history(
    paths: list[Path],
    measures_dir: Path,
    *,
    at: Sequence[date],
    waivers: Path | None,
    due_within: int,
    warn: Callable[[str], None] = lambda line: None,
) -> tuple[MeasureSet, HistoryResult]:
    """Load once (every period, so no as-of date), then evaluate per period, as check does;
    the input's warnings go to ``warn``."""
    from bizenv_cli.checking import load_inputs

    measure_set, loaded, waiver_set, notes = load_inputs(
        paths, measures_dir, as_of=None, waivers=waivers, what="no history was made"
    )
    for note in notes:
        warn(note)
    periods = days_given(at) if at else periods_of(loaded)
    if not periods:
        raise BizenvError("no periods: give submissions, or dates with --at", exit_code=2)
    too_many(periods, given=bool(at))
    result = build_history(measure_set, loaded, periods, waivers=waiver_set, due_within=due_within)
    return measure_set, result


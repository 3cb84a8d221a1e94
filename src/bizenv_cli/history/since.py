"""`bizenv report`'s "since the previous period" section, as plain data.

When the submissions cover more than one period, the report (on its as-of day, which
covers the latest period) is compared with the period before: the same ``evaluate`` on
that period's end, then ``diff``. Each
chapter also gets its share of due targets met (the header's measure) at every period end
up to the as-of day, for the trend chart of the HTML and SVG exports.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bizenv_cli.evaluation import evaluate
from bizenv_cli.evaluation.counts import due_share
from bizenv_cli.evaluation.result import CheckResult
from bizenv_cli.history.diff import diff
from bizenv_cli.history.diff_model import TargetChange, Transition
from bizenv_cli.history.series import periods_of
from bizenv_cli.history.since_targets import TargetTrend, target_trends
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.loading.submissions import LoadedSubmission
from bizenv_cli.models.base import Bilingual
from bizenv_cli.models.waiver import Waivers


@dataclass(frozen=True)
class ChapterTrend:
    number: int
    title: Bilingual | None
    shares: tuple[float | None, ...]  # due targets met / due, per point; None: nothing due


@dataclass(frozen=True)
class SinceView:
    previous: date
    current: date
    labels: tuple[str, ...]  # the points of the trend, oldest first
    counts: tuple[tuple[Transition, int], ...]  # every transition but unchanged, with targets
    worse: tuple[TargetChange, ...]  # the targets whose status got more severe
    chapters: tuple[ChapterTrend, ...]
    targets: tuple[TargetTrend, ...] = ()  # the main numeric targets against their limits


def _only(result: CheckResult, targets: Collection[str]) -> CheckResult:
    kept = [r for r in result.results if r.target in targets]
    return result.model_copy(update={"results": kept})


def since_previous(
    measure_set: MeasureSet,
    submissions: Sequence[LoadedSubmission],
    result: CheckResult,
    *,
    waivers: Waivers | None,
    targets: Collection[str],
) -> SinceView | None:
    """The section for ``result`` (restricted to ``targets``); None with only one period."""
    counted = [s for s in submissions if s.start <= result.as_of]
    known = {p.as_of: p.period for p in periods_of(counted)}
    if len(known) < 2:
        return None  # one period: nothing earlier to compare with
    latest = max(known)
    days = sorted(d for d in known if d < latest)  # the result itself stands for the latest
    within = result.due_within
    checks = [
        evaluate(measure_set, submissions, as_of=d, waivers=waivers, due_within=within)
        for d in days
    ]
    checks = [_only(check, targets) for check in checks]
    checks.append(_only(result, targets))
    changes = diff(checks[-2], checks[-1])
    order = {c.number: c.title for c in measure_set.plan.chapters}
    numbers = sorted({r.chapter for r in checks[-1].results})
    chapters = tuple(
        ChapterTrend(
            number,
            order.get(number),
            tuple(
                due_share([r for r in check.results if r.chapter == number], check.as_of).share
                for check in checks
            ),
        )
        for number in numbers
    )
    return SinceView(
        previous=days[-1],
        current=result.as_of,
        labels=(
            *(known[d] for d in days),
            known[latest] if latest == result.as_of else result.as_of.isoformat(),
        ),
        counts=tuple(
            (t, n)
            for t, n in changes.counts.items()
            if n and t is not Transition.unchanged
        ),
        worse=tuple(c for c in changes.changes if c.worse),
        chapters=chapters,
        targets=target_trends(measure_set, checks),
    )


def since_for_report(
    measure_set: MeasureSet,
    paths: list[Path],
    result: CheckResult,
    *,
    waivers: Path | None,
    targets: Collection[str],
) -> SinceView | None:
    """Load the report's inputs again (they were usable for ``result``) and compare periods."""
    from bizenv_cli.loading.submissions import load_submissions

    loaded, findings = load_submissions(paths, measure_set)
    waiver_set = None
    if waivers is not None:
        from bizenv_cli.loading.waivers import load_waivers

        waiver_set, problems = load_waivers(waivers, measure_set)
        findings = [*findings, *problems]
    if findings:  # cannot happen after a successful check of the same files; no section then
        return None
    return since_previous(measure_set, loaded, result, waivers=waiver_set, targets=targets)

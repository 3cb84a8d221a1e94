"""The main numeric targets over the report's periods: each one's value against its limit.

For the report's progress charts (``output.report.chart_build``): a threshold target
with a numeric requirement (高压用户平均办电时间 <= 30 个工作日) and a value reported at
two period ends or more gets its values, oldest first, beside its limit. At most
``MAX_TARGETS``, in the plan's order, so the pack stays a pack.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bizenv_cli.evaluation.result import CheckResult, TargetResult
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.models.base import Bilingual

MAX_TARGETS = 6


@dataclass(frozen=True)
class TargetTrend:
    title: Bilingual  # the target's short title (reviewed data, models/title.py)
    result: TargetResult  # the latest result: unit, comparator and the limit
    values: tuple[float | None, ...]  # reported, in the target's unit, per point


def _titles(measure_set: MeasureSet) -> dict[str, Bilingual]:
    titles = {}
    for loaded in measure_set.measures:
        for target in loaded.measure.targets:
            titles[target.id] = Bilingual(zh=target.title.zh, en=target.title.en)
    return titles


def target_trends(
    measure_set: MeasureSet, checks: Sequence[CheckResult]
) -> tuple[TargetTrend, ...]:
    """The numeric targets of ``checks[-1]`` with values at two points or more."""
    titles = _titles(measure_set)
    by_point = [{r.target: r for r in check.results} for check in checks]
    trends = []
    for latest in sorted(checks[-1].results, key=lambda r: (r.measure, r.target)):
        if latest.kind != "threshold" or latest.required is None or latest.comparator is None:
            continue
        values = tuple(
            point[latest.target].reported if latest.target in point else None for point in by_point
        )
        if sum(v is not None for v in values) < 2:
            continue
        title = titles.get(latest.target, Bilingual(zh=latest.what.zh, en=latest.what.en))
        trends.append(TargetTrend(title, latest, values))
        if len(trends) == MAX_TARGETS:
            break
    return tuple(trends)

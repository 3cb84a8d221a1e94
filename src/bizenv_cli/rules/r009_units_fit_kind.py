"""R009: units and comparators fit the target kind.

- change: ``unit`` is percent (the size of the change); ``quantity_unit`` is not percent
  (a relative change of a rate is ambiguous: percentage points or percent of the rate?
  encode the new rate as a threshold instead); the comparator is >= or > (direction
  says up or down); a ``limit`` is in a unit that converts to ``quantity_unit``.
- frequency: unit count; the comparator is >=, > or == (at least N times per period).
- threshold: any unit but ratio; aggregation ``rate`` means the unit is percent.
- ratio (0-1) is never used in measure files: it is for submissions; write percent 0-100.
"""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import LoadedMeasure, MeasureSet
from bizenv_cli.models import (
    Aggregation,
    ChangeTarget,
    Comparator,
    FrequencyTarget,
    ThresholdTarget,
    Unit,
)
from bizenv_cli.models.units import conversion_factor
from bizenv_cli.reading.yamlsafe import PathKey
from bizenv_cli.rules._common import finding, quoted_items

CODE = "R009"
LEVEL = Level.error
DESCRIPTION = "units and comparators fit the target kind (change, frequency, threshold); no ratio"

_AT_LEAST = (Comparator.ge, Comparator.gt)


def _err(loaded: LoadedMeasure, path: PathKey, message: str) -> Finding:
    return finding(loaded, path, CODE, message, LEVEL)


def check(mset: MeasureSet) -> Iterator[Finding]:
    for loaded in mset.measures:
        for item in quoted_items(loaded):
            if item.unit is Unit.ratio:
                yield _err(
                    loaded,
                    (*item.path, "unit"),
                    f"{item.label}: unit 'ratio' is for submissions; "
                    "measure files write percent (0-100): use unit 'percent'",
                )
        for i, target in enumerate(loaded.measure.targets):
            path: PathKey = ("targets", i)
            if isinstance(target, ChangeTarget):
                yield from _change(loaded, path, target)
            elif isinstance(target, FrequencyTarget):
                yield from _frequency(loaded, path, target)
            elif isinstance(target, ThresholdTarget) and _rate_not_percent(target):
                yield _err(
                    loaded,
                    (*path, "unit"),
                    f"target {target.id}: aggregation 'rate' is a share of cases, so the unit "
                    f"is 'percent', not {target.unit.value!r}",
                )


def _rate_not_percent(target: ThresholdTarget) -> bool:
    return target.aggregation is Aggregation.rate and target.unit not in (Unit.percent, Unit.ratio)


def _change(loaded: LoadedMeasure, path: PathKey, target: ChangeTarget) -> Iterator[Finding]:
    if target.unit is not Unit.percent and target.unit is not Unit.ratio:
        yield _err(
            loaded,
            (*path, "unit"),
            f"change target {target.id}: unit is the unit of the change and must be 'percent', "
            f"not {target.unit.value!r} (put the measured unit in quantity_unit)",
        )
    if target.quantity_unit in (Unit.percent, Unit.ratio):
        yield _err(
            loaded,
            (*path, "quantity_unit"),
            f"change target {target.id}: a relative change of a percentage is ambiguous "
            "(percentage points or percent of the rate?); encode the rate to reach as a "
            "threshold target instead",
        )
    if target.comparator not in _AT_LEAST:
        yield _err(
            loaded,
            (*path, "comparator"),
            f"change target {target.id}: comparator {target.comparator.value!r} does not fit a "
            "change; use '>=' (at least this much) and say up or down with direction",
        )
    limit = target.limit
    if limit is not None and conversion_factor(limit.unit, target.quantity_unit) is None:
        yield _err(
            loaded,
            (*path, "limit", "unit"),
            f"change target {target.id}: limit unit {limit.unit.value!r} does not convert to "
            f"quantity_unit {target.quantity_unit.value!r}",
        )


def _frequency(loaded: LoadedMeasure, path: PathKey, target: FrequencyTarget) -> Iterator[Finding]:
    if target.unit is not Unit.count and target.unit is not Unit.ratio:
        yield _err(
            loaded,
            (*path, "unit"),
            f"frequency target {target.id}: unit must be 'count' "
            f"(times per {target.period.value}), not {target.unit.value!r}",
        )
    if target.comparator not in (*_AT_LEAST, Comparator.eq):
        yield _err(
            loaded,
            (*path, "comparator"),
            f"frequency target {target.id}: comparator {target.comparator.value!r} does not fit "
            "'at least N times per period': use '>=' (an upper limit is a threshold target)",
        )

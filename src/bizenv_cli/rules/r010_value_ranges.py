"""R010: values are in range: percent values within 0-100 (thresholds, frequencies,
scope conditions, limits); no negative values; a change is greater than 0, and a
decrease is at most 100 %."""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.models import ChangeTarget, Direction, Unit
from bizenv_cli.reading.yamlsafe import PathKey
from bizenv_cli.rules._common import finding, quoted_items

CODE = "R010"
LEVEL = Level.error
DESCRIPTION = "percent values within 0-100, no negative values, a change above 0"


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def check(mset: MeasureSet) -> Iterator[Finding]:
    for loaded in mset.measures:
        changes: dict[PathKey, ChangeTarget] = {
            ("targets", i): t
            for i, t in enumerate(loaded.measure.targets)
            if isinstance(t, ChangeTarget)
        }
        for item in quoted_items(loaded):
            if item.value is None:
                continue
            path = (*item.path, "value")
            value = item.value
            change = changes.get(item.path)
            if change is not None:
                if value <= 0:
                    yield finding(
                        loaded,
                        path,
                        CODE,
                        f"{item.label}: a change must be greater than 0, got {_show(value)} "
                        "(the direction says increase or decrease)",
                        LEVEL,
                    )
                elif change.direction is Direction.decrease and value > 100:
                    yield finding(
                        loaded,
                        path,
                        CODE,
                        f"{item.label}: a decrease of {_show(value)} % is impossible "
                        "(at most 100 %)",
                        LEVEL,
                    )
            elif value < 0:
                yield finding(
                    loaded, path, CODE, f"{item.label}: value {_show(value)} is negative", LEVEL
                )
            elif item.unit is Unit.percent and value > 100:
                yield finding(
                    loaded,
                    path,
                    CODE,
                    f"{item.label}: {_show(value)} percent is outside 0-100 "
                    "(percent is written 0-100: 90 for 90 %)",
                    LEVEL,
                )

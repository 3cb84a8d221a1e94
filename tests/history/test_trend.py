"""Trend: improving, worsening or flat in the target's own direction, at the tolerance."""

from __future__ import annotations

import pytest

from bizenv_cli.history.model import Better, Trend
from bizenv_cli.history.trend import better, trend
from bizenv_cli.models.units import Unit

DAY = Unit.working_day
CASES = [
    # (previous, latest, better, unit, required) -> trend
    # a '<=' target (a time): falling improves; 2 % of the previous value is the boundary
    ((2.0, 1.96, Better.down, DAY, None), Trend.improving),  # exactly -2 %
    ((2.0, 1.9601, Better.down, DAY, None), Trend.flat),  # just under 2 %
    ((2.0, 2.04, Better.down, DAY, None), Trend.worsening),  # exactly +2 %
    ((2.0, 2.0399, Better.down, DAY, None), Trend.flat),
    ((30.0, 30.0, Better.down, DAY, None), Trend.flat),
    # a '>=' count: rising improves
    ((50.0, 51.0, Better.up, Unit.count, None), Trend.improving),  # exactly +2 %
    ((50.0, 49.0, Better.up, Unit.count, None), Trend.worsening),
    ((50.0, 50.99, Better.up, Unit.count, None), Trend.flat),
    # percent: 0.5 percentage points, whatever the level (near 100 too)
    ((99.0, 99.5, Better.up, Unit.percent, None), Trend.improving),
    ((99.0, 99.49, Better.up, Unit.percent, None), Trend.flat),
    ((90.0, 89.5, Better.up, Unit.percent, None), Trend.worsening),
    ((10.0, 10.4, Better.down, Unit.percent, None), Trend.flat),
    # from 0 any move counts (2 % of nothing is nothing)
    ((0.0, 1.0, Better.down, Unit.yuan, None), Trend.worsening),
    ((0.0, 0.0, Better.down, Unit.yuan, None), Trend.flat),
    ((1200.0, 0.0, Better.down, Unit.yuan, None), Trend.improving),
    # an '==' target: towards the required value improves
    ((5.0, 4.0, Better.toward, Unit.count, 3.0), Trend.improving),
    ((3.0, 4.0, Better.toward, Unit.count, 3.0), Trend.worsening),
    ((2.0, 4.0, Better.toward, Unit.count, 3.0), Trend.flat),  # as far from 3 as before
]


@pytest.mark.parametrize(("args", "expected"), CASES)
def test_trend_at_the_boundaries(args: tuple[float, float, Better, Unit, float | None],
                                 expected: Trend) -> None:
    previous, latest, way, unit, required = args
    assert trend(previous, latest, way=way, unit=unit, required=required) is expected


def test_direction_comes_from_the_target(run: object) -> None:
    from bizenv_cli.loading.targets import index_targets
    from bizenv_cli.validation.pipeline import load_usable
    from conftest import MEASURES

    refs = index_targets(load_usable(MEASURES))
    assert better(refs["m05-high-voltage-connection-days"].target) is Better.down  # <=
    assert better(refs["m06-live-working-rate"].target) is Better.up  # >=
    assert better(refs["m05-zero-visit-application"].target) is Better.down  # <
    assert better(refs["m06-average-outage-time-cut"].target) is Better.down  # cut: decrease
    assert better(refs["m31-foreign-trade-growth"].target) is Better.up  # growth: increase
    assert better(refs["m04-substation-capacity-expansion"].target) is None  # milestone

"""Trend: is the latest reported value better, worse or the same as the one before it?

"Better" is the target's own direction: a ``<=`` target (a time, a count of visits)
improves when the value falls, a ``>=`` target (a rate) when it rises, a change target
by its direction (a cut improves as the value falls), an ``==`` target as the value
approaches the required one.

Noise is not a trend. A move is **flat** when it is smaller than the tolerance:

- percent values (a 0-100 scale): under ``PERCENT_POINTS`` (0.5) percentage points;
- every other unit: under ``RELATIVE`` (2 %) of the previous value. From a previous
  value of 0 any move counts (2 % of nothing is nothing).

A move of exactly the tolerance is a trend (2 working days -> 2.04 is worsening).
"""

from __future__ import annotations

from bizenv_cli.history.model import Better, Trend, TrendTolerance
from bizenv_cli.models import ChangeTarget, Direction, MilestoneTarget, Target
from bizenv_cli.models.units import Unit
from bizenv_cli.models.values import Comparator

RELATIVE = 0.02
PERCENT_POINTS = 0.5
_ROUNDING = 1e-9  # float noise never tips a move over the tolerance either way

TOLERANCE = TrendTolerance(relative=RELATIVE, percent_points=PERCENT_POINTS)


def better(target: Target) -> Better | None:
    """Which way the target's value should move; None for milestones (no values)."""
    if isinstance(target, MilestoneTarget):
        return None
    if isinstance(target, ChangeTarget):
        return Better.down if target.direction is Direction.decrease else Better.up
    if target.comparator in (Comparator.le, Comparator.lt):
        return Better.down
    if target.comparator in (Comparator.ge, Comparator.gt):
        return Better.up
    return Better.toward


def tolerance(previous: float, unit: Unit | None) -> float:
    """The smallest move that counts as a trend from ``previous``."""
    if unit is Unit.percent:
        return PERCENT_POINTS
    return RELATIVE * abs(previous)


def trend(
    previous: float, latest: float, *, way: Better, unit: Unit | None, required: float | None
) -> Trend:
    """The move from ``previous`` to ``latest`` judged in the direction ``way``."""
    move = latest - previous
    if abs(move) < tolerance(previous, unit) - _ROUNDING or abs(move) <= _ROUNDING:
        return Trend.flat
    if way is Better.toward:
        goal = required if required is not None else previous
        gain = abs(previous - goal) - abs(latest - goal)
        if abs(gain) <= _ROUNDING:
            return Trend.flat
        return Trend.improving if gain > 0 else Trend.worsening
    rising = move > 0
    return Trend.improving if rising == (way is Better.up) else Trend.worsening

"""Progress toward the due date: the observed rate against the rate the target needs.

Adapted from Open SDG's progress measure (Statistics Canada's method, after Eurostat):

    actual   = (x_t / x_0) ** (1 / (t - t_0)) - 1      compound annual growth rate so far
    required = (x* / x_0) ** (1 / (T - t_0)) - 1      the rate that reaches x* by the due date
    ratio    = actual / required

with x_0 the first reported value (on t_0), x_t the latest (on t), x* the value the target
asks for and T its due date; times in years (days / 365.25) from the days the values
hold on. Thresholds on the ratio:

    ratio >= 0.95          on_track             (Open SDG: on track)
    0 <= ratio < 0.95      needs_acceleration   (Open SDG: acceleration needed, limited)
    ratio < 0              moving_away          (Open SDG: deterioration)

Adaptations, each documented in docs/history.md:

- ``met`` when the target is met on the latest day; ``no_data`` with fewer than two
  reported values (or two on the same day): one point has no rate.
- Percent values, and any series where x_0, x_t or x* is 0, use **linear** rates
  (units per year): a compound rate is undefined from 0, and on a bounded 0-100 scale
  96 -> 100 % is the whole remaining gap, not 4 % growth. The ratio and its
  thresholds are the same.
- When x_0 already satisfied the target's direction (x_0 at or beyond x*) and the
  target is not met now, the value has slid back: ``moving_away``.
- When the due date is not after t_0, no finite rate reaches the target in time
  (``required_rate`` is null): ``moving_away`` if the value moves the wrong way, else
  ``needs_acceleration``.
- On or after the due date an unmet target is never ``on_track``: it is at most
  ``needs_acceleration``.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from datetime import date

from bizenv_cli.history.model import Better, Observation, ProgressDetail, ProgressStatus
from bizenv_cli.models.units import Unit

ON_TRACK = 0.95
DAYS_PER_YEAR = 365.25
_ROUNDING = 1e-9  # a ratio of exactly 0.95 (or 0) is not pushed below it by float noise


def _years(start: date, end: date) -> float:
    return (end - start).days / DAYS_PER_YEAR


def _rate(start: float, end: float, years: float, *, compound: bool) -> float:
    """The rate per year; one beyond a float (1e10 times in a day, 5e-324 -> 1.7e308) is
    held at the largest float of its sign, so the ratio and the status stay defined."""
    try:
        rate = float((end / start) ** (1.0 / years) - 1.0) if compound else (end - start) / years
    except OverflowError:
        rate = math.inf
    return _held(rate)


def _held(value: float) -> float:
    return max(-sys.float_info.max, min(sys.float_info.max, value))


def progress(
    observations: Sequence[Observation],
    *,
    target_value: float,
    due: date,
    way: Better,
    unit: Unit | None,
    met: bool,
) -> tuple[ProgressStatus, ProgressDetail | None]:
    """The status and, when a rate was computed, the figures behind it."""
    if met:
        return ProgressStatus.met, None
    if len(observations) < 2 or observations[-1].on <= observations[0].on:
        return ProgressStatus.no_data, None
    first, latest = observations[0], observations[-1]
    x0, xt = first.value, latest.value
    if way is Better.toward:
        sign = 1.0 if target_value >= x0 else -1.0
    else:
        sign = 1.0 if way is Better.up else -1.0
    compound = unit is not Unit.percent and min(x0, xt, target_value) > 0
    actual = _rate(x0, xt, _years(first.on, latest.on), compound=compound)
    to_go = _years(first.on, due)
    required = None
    if to_go > 0 and (target_value - x0) * sign > 0:
        required = _rate(x0, target_value, to_go, compound=compound)
    detail = ProgressDetail(
        method="compound" if compound else "linear",
        first=first,
        latest=latest,
        target_value=target_value,
        due=due,
        actual_rate=actual,
        required_rate=required,
        ratio=_held(actual / required) if required else None,
    )
    if (target_value - x0) * sign <= 0:
        return ProgressStatus.moving_away, detail  # it was there at first, and slid back
    if detail.ratio is None:
        wrong_way = actual * sign < 0
        status = ProgressStatus.moving_away if wrong_way else ProgressStatus.needs_acceleration
    elif detail.ratio >= ON_TRACK - _ROUNDING:
        status = ProgressStatus.on_track
    elif detail.ratio >= -_ROUNDING:
        status = ProgressStatus.needs_acceleration
    else:
        status = ProgressStatus.moving_away
    if status is ProgressStatus.on_track and latest.on >= due:
        status = ProgressStatus.needs_acceleration  # the date has come and it is not met
    return status, detail

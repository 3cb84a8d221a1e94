"""Progress toward the due date (Open SDG's ratio of actual to required rate), at each boundary."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bizenv_cli.history.model import Better, Observation, ProgressStatus
from bizenv_cli.history.progress import progress
from bizenv_cli.models.units import Unit

T0 = date(2021, 1, 1)
T1 = T0 + timedelta(days=100)
DUE = T0 + timedelta(days=200)  # the observed span is half the time to the due date


def obs(*points: tuple[date, float]) -> list[Observation]:
    return [Observation(period=d.isoformat(), on=d, value=v) for d, v in points]


def status(points: list[Observation], goal: float, way: Better, unit: Unit = Unit.percent,
           due: date = DUE, met: bool = False) -> ProgressStatus:
    return progress(points, target_value=goal, due=due, way=way, unit=unit, met=met)[0]


@pytest.mark.parametrize(
    ("latest", "expected"),
    [
        # percent: linear rates; ratio = 2 * (latest - 50) / (60 - 50)
        (54.75, ProgressStatus.on_track),  # ratio exactly 0.95
        (54.74, ProgressStatus.needs_acceleration),  # 0.948
        (52.5, ProgressStatus.needs_acceleration),  # 0.5: Open SDG's "moderate"
        (51.0, ProgressStatus.needs_acceleration),  # 0.2: "limited"
        (50.0, ProgressStatus.needs_acceleration),  # ratio 0: no move at all
        (49.99, ProgressStatus.moving_away),  # ratio < 0: deterioration
    ],
)
def test_ratio_thresholds(latest: float, expected: ProgressStatus) -> None:
    assert status(obs((T0, 50.0), (T1, latest)), 60.0, Better.up) is expected


def test_compound_rates_for_a_time_that_must_fall() -> None:
    # 11 -> 9 documents in 100 days, 8 needed by day 200
    found, detail = progress(
        obs((T0, 11.0), (T1, 9.0)), target_value=8.0, due=DUE, way=Better.down,
        unit=Unit.count, met=False,
    )
    assert detail is not None and detail.method == "compound"
    years = 100 / 365.25
    assert detail.actual_rate == pytest.approx((9 / 11) ** (1 / years) - 1)
    assert detail.required_rate == pytest.approx((8 / 11) ** (1 / (2 * years)) - 1)
    assert detail.ratio == pytest.approx(detail.actual_rate / detail.required_rate)
    assert found is ProgressStatus.on_track  # ratio 1.17: faster than needed
    slower = status(obs((T0, 11.0), (T1, 10.0)), 8.0, Better.down, Unit.count)
    assert slower is ProgressStatus.needs_acceleration


def test_met_and_no_data() -> None:
    assert status(obs((T0, 50.0), (T1, 60.0)), 60.0, Better.up, met=True) is ProgressStatus.met
    assert status(obs((T1, 55.0)), 60.0, Better.up) is ProgressStatus.no_data  # one point
    assert status([], 60.0, Better.up) is ProgressStatus.no_data
    assert status(obs((T1, 55.0), (T1, 56.0)), 60.0, Better.up) is ProgressStatus.no_data


def test_zero_values_use_linear_rates() -> None:
    # a zero-cost target (<= 0 yuan): the compound rate is undefined at 0
    found, detail = progress(
        obs((T0, 1200.0), (T1, 600.0)), target_value=0.0, due=DUE, way=Better.down,
        unit=Unit.yuan, met=False,
    )
    assert detail is not None and detail.method == "linear"
    assert detail.ratio == pytest.approx(1.0)
    assert found is ProgressStatus.on_track
    rising_from_zero = status(obs((T0, 0.0), (T1, 5.0)), 10.0, Better.up, Unit.count)
    assert rising_from_zero is ProgressStatus.on_track  # half of 10 in half the time: ratio 1
    assert status(obs((T0, 0.0), (T1, 2.0)), 10.0, Better.up, Unit.count) is (
        ProgressStatus.needs_acceleration  # 2 of 10 in half the time: ratio 0.4
    )


def test_percent_near_100_is_judged_on_points() -> None:
    # 96 -> 98 % in half the time, 100 % needed: half the gap closed, on track
    found, detail = progress(
        obs((T0, 96.0), (T1, 98.0)), target_value=100.0, due=DUE, way=Better.up,
        unit=Unit.percent, met=False,
    )
    assert detail is not None and (detail.method, detail.ratio) == ("linear", pytest.approx(1.0))
    assert found is ProgressStatus.on_track


def test_already_there_at_first_then_slid_back_is_moving_away() -> None:
    assert status(obs((T0, 28.0), (T1, 32.0)), 30.0, Better.down, Unit.working_day) is (
        ProgressStatus.moving_away
    )


def test_due_before_the_first_report() -> None:
    late = T0 - timedelta(days=30)
    found, detail = progress(
        obs((T0, 22.0), (T1, 24.0)), target_value=25.0, due=late, way=Better.up,
        unit=Unit.count, met=False,
    )
    assert detail is not None and detail.required_rate is None and detail.ratio is None
    assert found is ProgressStatus.needs_acceleration
    assert status(obs((T0, 22.0), (T1, 21.0)), 25.0, Better.up, Unit.count, due=late) is (
        ProgressStatus.moving_away
    )


def test_never_on_track_once_the_due_date_has_come() -> None:
    # the rate would be enough, but the due day is the latest report's day and it is not met
    assert status(obs((T0, 50.0), (T1, 59.9)), 60.0, Better.up, due=T1) is (
        ProgressStatus.needs_acceleration
    )
    assert status(obs((T0, 50.0), (T1, 59.9)), 60.0, Better.up, due=T1 + timedelta(days=1)) is (
        ProgressStatus.on_track
    )

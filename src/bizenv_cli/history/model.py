"""The result of `bizenv history` (``schemas/history.schema.json``). Fields are only ever added."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import Field

from bizenv_cli.evaluation.result import Status
from bizenv_cli.models.base import Bilingual, StrictModel
from bizenv_cli.models.submission import MilestoneState
from bizenv_cli.models.units import Unit
from bizenv_cli.models.values import Comparator


class Trend(StrEnum):
    improving = "improving"
    worsening = "worsening"
    flat = "flat"


class ProgressStatus(StrEnum):
    met = "met"
    on_track = "on_track"
    needs_acceleration = "needs_acceleration"
    moving_away = "moving_away"
    no_data = "no_data"


class Better(StrEnum):
    """Which way a target's reported value should move."""

    down = "lower"
    up = "higher"
    toward = "closer"  # an '==' target: towards the required value


class PeriodInfo(StrictModel):
    period: str = Field(description="The period's label: '2021-Q2', or the date given with --at")
    as_of: date = Field(description="The day the targets were evaluated on")


class Point(StrictModel):
    period: str = Field(description="The column's label (see 'periods')")
    as_of: date
    value: float | None = Field(description="The value in use on that day, in the target's unit")
    state: MilestoneState | None = Field(description="A milestone's state in use on that day")
    status: Status = Field(description="What `bizenv check --as-of` says on that day")
    reported_in: str | None = Field(
        description="The period of the submission the value comes from (null: nothing reported)"
    )


class Observation(StrictModel):
    period: str = Field(description="The period of the submission")
    on: date = Field(description="The day the value holds on")
    value: float


class ProgressDetail(StrictModel):
    method: Literal["compound", "linear"] = Field(
        description="compound: CAGR ratio (Open SDG); linear: units per year (percent, zeros)"
    )
    first: Observation
    latest: Observation
    target_value: float = Field(description="The value to reach, in the target's unit")
    due: date
    actual_rate: float = Field(description="Observed rate per year (fraction, or units per year)")
    required_rate: float | None = Field(
        description="Rate per year needed from the first observation to reach the target by "
        "the due date; null when the due date is not after the first observation"
    )
    ratio: float | None = Field(description="actual_rate / required_rate")


class TargetHistory(StrictModel):
    measure: int
    target: str
    kind: Literal["threshold", "change", "milestone", "frequency"]
    what: Bilingual
    unit: Unit | None = Field(description="Unit of the values (a change target's quantity unit)")
    comparator: Comparator | None
    required: float | None = Field(description="As in check: a change target's size in percent")
    due: date | None
    better: Better | None = Field(description="Which way the value should move (null: milestone)")
    series: list[Point] = Field(description="One point per period, oldest first")
    trend: Trend | None = Field(
        description="The latest reported value against the one reported before it, in the "
        "target's direction; null with fewer than two reported values"
    )
    progress: ProgressStatus | None = Field(
        description="Progress toward the due date; null for milestones and undated targets"
    )
    progress_detail: ProgressDetail | None = Field(
        description="The figures behind 'progress' when a rate was computed"
    )


class TrendTolerance(StrictModel):
    relative: float = Field(description="A change under this share of the previous value is flat")
    percent_points: float = Field(description="For percent targets: points under which it is flat")


class HistoryResult(StrictModel):
    version: Literal[1] = 1
    plan: Bilingual
    periods: list[PeriodInfo] = Field(description="The evaluation days, oldest first")
    trend_tolerance: TrendTolerance
    targets: list[TargetHistory] = Field(description="Sorted as in check: measure, target order")

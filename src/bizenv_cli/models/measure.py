"""A measure of the plan (one YAML file each) and the targets it sets."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from bizenv_cli.models.base import Bilingual, Id, IsoDate, NonEmptyStr, StrictModel
from bizenv_cli.models.deadline import DeadlineField
from bizenv_cli.models.review import ReviewNote
from bizenv_cli.models.title import TargetTitle
from bizenv_cli.models.units import Unit
from bizenv_cli.models.values import Comparator, Number

TargetId = Annotated[
    str,
    StringConstraints(strict=True, pattern=r"^m[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
]


class Aggregation(StrEnum):
    """How individual cases combine into the reported value."""

    each = "each"  # every single case must satisfy the limit
    average = "average"  # mean over cases in the period
    maximum = "maximum"  # the worst case (e.g. per line per year)
    total = "total"  # a sum or a count over the period
    rate = "rate"  # share of cases, in percent


class Period(StrEnum):
    year = "year"
    quarter = "quarter"
    month = "month"


class Baseline(StrEnum):
    """What a change target is measured against."""

    previous_year = "previous_year"  # 再压减20%: on last year's value
    same_period_last_year = "same_period_last_year"  # 同比增长10%


class Direction(StrEnum):
    decrease = "decrease"
    increase = "increase"


class ScopeCondition(StrictModel):
    """A number that bounds where a target applies (not a target itself)."""

    subject: Bilingual = Field(description="What the bound is on, e.g. 负荷 / load")
    comparator: Comparator
    value: Number
    unit: Unit
    quote: NonEmptyStr = Field(description="Exact words of the measure's source text")


class Limit(StrictModel):
    """An absolute ceiling or floor that a change target must also respect."""

    comparator: Comparator
    value: Number
    unit: Unit
    quote: NonEmptyStr = Field(description="Exact words of the measure's source text")


class _TargetBase(StrictModel):
    id: TargetId = Field(description="Stable id: 'm' + two-digit measure number + '-' + slug")
    title: TargetTitle = Field(
        description="Short title people read in tables, charts and the meeting pack "
        "(the id stays for machines), in the words of the quote"
    )
    what: Bilingual = Field(description="What is measured or delivered")
    quote: NonEmptyStr = Field(
        description="Exact words of the measure's source text this target comes from "
        "(whitespace is ignored when matching)"
    )
    strive: bool = Field(
        default=False,
        strict=True,  # 'no' stays text in our YAML; pydantic's lax mode would read it as False
        description="True where the plan says 力争/争取 (strive to), not a firm promise",
    )
    due: IsoDate | None = Field(
        default=None,
        description="The target's own date when the text gives one; "
        "otherwise the measure's deadline applies",
    )


class ThresholdTarget(_TargetBase):
    """A value against a limit: <= 30 working days, >= 90 %."""

    kind: Literal["threshold"]
    comparator: Comparator
    value: Number
    unit: Unit
    aggregation: Aggregation | None = None
    period: Period | None = Field(default=None, description="Period a count or maximum refers to")
    scope: list[ScopeCondition] = Field(default_factory=list)


class ChangeTarget(_TargetBase):
    """A change relative to a baseline, in percent: cut by >= 20 %, grow by >= 10 %."""

    kind: Literal["change"]
    direction: Direction
    comparator: Comparator = Field(description="Applied to the size of the change, in percent")
    value: Number = Field(description="Size of the change in percent (20 for 'cut by 20 %')")
    unit: Unit = Field(description="Always 'percent': the unit of the change")
    quantity_unit: Unit = Field(description="Unit of the reported value and its baseline")
    baseline: Baseline
    aggregation: Aggregation | None = None
    limit: Limit | None = Field(default=None, description="An absolute bound that must also hold")
    scope: list[ScopeCondition] = Field(default_factory=list)


class MilestoneTarget(_TargetBase):
    """Something done by a date: the target's own ``due`` or the measure's deadline."""

    kind: Literal["milestone"]
    scope: list[ScopeCondition] = Field(default_factory=list)


class FrequencyTarget(_TargetBase):
    """Something done at least N times per period: 每年集中组织一次."""

    kind: Literal["frequency"]
    comparator: Comparator
    value: Number
    unit: Unit
    period: Period


Target = Annotated[
    ThresholdTarget | ChangeTarget | MilestoneTarget | FrequencyTarget,
    Field(discriminator="kind"),
]


class Acknowledgement(StrictModel):
    """A warning the zone has reviewed and accepts for this measure, and why."""

    code: Annotated[str, StringConstraints(strict=True, pattern=r"^[A-Z][0-9]{3}$")] = Field(
        description="The warning's code (e.g. R011); errors cannot be acknowledged"
    )
    reason: NonEmptyStr = Field(
        description="Why the warning is accepted: what the plan says, who reviewed it"
    )


class Measure(StrictModel):
    """One numbered measure (举措) of the plan."""

    number: int = Field(ge=1, le=99, strict=True, description="The plan's measure number")
    id: Id = Field(description="Stable id: 'm' + two-digit number + '-' + slug")
    chapter: int = Field(ge=1, strict=True, description="Chapter number (一 = 1)")
    section: int = Field(ge=1, strict=True, description="Section number, counted across the plan")
    title: Bilingual
    source: NonEmptyStr = Field(description="The measure's full text, verbatim from the plan")
    lead: list[Id] = Field(default_factory=list, description="牵头单位, by department id")
    responsible: list[Id] = Field(default_factory=list, description="责任单位, by department id")
    deadline: DeadlineField
    targets: list[Target] = Field(min_length=1)
    acknowledged: list[Acknowledgement] = Field(
        default_factory=list,
        description="Warnings of this measure reviewed and accepted, each with a reason",
    )
    review: list[ReviewNote] = Field(
        default_factory=list,
        description="Left by `bizenv extract`: what a person must still check (R020 warns "
        "until the entry is deleted)",
    )

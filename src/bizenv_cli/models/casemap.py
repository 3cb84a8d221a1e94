"""How targets are computed from case records (``measures/cases.yaml``).

A *source* is one kind of record export (营销系统高压新装工单, 工程建设项目审批...): which
files hold it, which columns hold the case id and the timestamps, and the targets
computed from it. Each target says which rows count (``where``), how a case's duration
is counted and how the cases combine into the value ``bizenv check`` compares.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from bizenv_cli.models.base import NonEmptyStr, StrictModel
from bizenv_cli.models.measure import TargetId
from bizenv_cli.models.values import Number

ColumnName = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=200)]


class Duration(StrEnum):
    """How long a case took, from its start to its end."""

    working_days = "working_days"  # whole working days in (start date, end date]
    calendar_days = "calendar_days"  # days in (start date, end date]
    office_days = "office_days"  # office time on working days, in office days (0.5 = half)
    office_hours = "office_hours"  # office time on working days, in hours


class Aggregate(StrEnum):
    """How the cases combine into the reported value."""

    average = "average"  # mean duration of the closed cases
    maximum = "maximum"  # the longest closed case: what an 'each' target is judged on
    within_limit = "within_limit"  # percent of closed cases whose duration is <= 'within'
    share = "share"  # percent of the rows that match 'match' (作业方式 = 带电)
    # rows; with 'per', the largest count of rows sharing those columns (per line)
    count = "count"  # type: ignore[assignment]  # shadows str.count; the name wins


DURATION_AGGREGATES = (Aggregate.average, Aggregate.maximum, Aggregate.within_limit)


class Condition(StrictModel):
    """A test on one column's cell (text, spaces around it ignored): exactly one of
    ``equals``, ``one_of`` and ``not_empty``."""

    column: ColumnName = Field(description="The column's header, as written in the file")
    equals: str | None = Field(default=None, description="The cell is this text")
    one_of: list[str] | None = Field(
        default=None, min_length=1, description="The cell is one of these texts"
    )
    not_empty: Literal[True] | None = Field(default=None, description="The cell is not empty")

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        given = [self.equals is not None, self.one_of is not None, self.not_empty is not None]
        if sum(given) != 1:
            raise ValueError("give exactly one of 'equals', 'one_of' and 'not_empty'")
        return self


class Categories(StrictModel):
    """One measure, several limits: the target for each value of a column."""

    column: ColumnName = Field(description="The column that names the category")
    targets: dict[NonEmptyStr, TargetId] = Field(
        min_length=1, description="Category as written in the column -> target id"
    )


class TargetMap(StrictModel):
    """One target (or, with ``categories``, one per category) computed from a source."""

    target: TargetId | None = Field(default=None, description="The target id")
    categories: Categories | None = Field(
        default=None, description="Instead of 'target': a target per value of a column"
    )
    where: list[Condition] = Field(
        default_factory=list, description="Only rows meeting every condition count"
    )
    aggregate: Aggregate
    duration: Duration | None = Field(
        default=None, description="How a case's time is counted (average, maximum, within_limit)"
    )
    within: Number | None = Field(
        default=None, description="within_limit: the limit a case must keep, in 'duration' units"
    )
    match: list[Condition] = Field(
        default_factory=list, description="share: the rows counted as a share of all rows"
    )
    per: list[ColumnName] = Field(
        default_factory=list, description="count: count the rows per value of these columns"
    )

    @model_validator(mode="after")
    def _consistent(self) -> TargetMap:
        if (self.target is None) == (self.categories is None):
            raise ValueError("give exactly one of 'target' and 'categories'")
        if (self.aggregate in DURATION_AGGREGATES) != (self.duration is not None):
            raise ValueError(
                "'duration' is needed for average, maximum and within_limit, and only for them"
            )
        if (self.aggregate is Aggregate.within_limit) != (self.within is not None):
            raise ValueError("'within' is needed for within_limit, and only for it")
        if (self.aggregate is Aggregate.share) != bool(self.match):
            raise ValueError("'match' is needed for share, and only for it")
        if self.per and self.aggregate is not Aggregate.count:
            raise ValueError("'per' is only for count")
        return self

    def expanded(self) -> list[tuple[str, list[Condition]]]:
        """(target id, conditions) for the target, or for each category."""
        if self.categories is None:
            assert self.target is not None
            return [(self.target, list(self.where))]
        column = self.categories.column
        return [
            (target, [*self.where, Condition(column=column, equals=value)])
            for value, target in self.categories.targets.items()
        ]


class Source(StrictModel):
    """One kind of record export and the targets computed from it."""

    name: NonEmptyStr = Field(description="What the records are, e.g. 营销系统高压新装工单")
    files: list[NonEmptyStr] = Field(
        min_length=1, description="File name patterns ('power-connections*.csv', '*高压*')"
    )
    sheet: NonEmptyStr | None = Field(
        default=None, description="XLSX: the sheet to read (default: the first)"
    )
    case_id: ColumnName | None = Field(
        default=None,
        description="The column with the case id (工单编号). Without it a case is named by "
        "its row, and duplicates cannot be found",
    )
    start: ColumnName = Field(description="The column with the case's start (受理时间)")
    end: ColumnName | None = Field(
        default=None,
        description="The column with the case's end (办结时间); empty cells are open cases. "
        "Without it each row is an event dated by 'start' (share and count only)",
    )
    targets: list[TargetMap] = Field(min_length=1)

    @model_validator(mode="after")
    def _events(self) -> Source:
        if self.end is None and any(t.aggregate in DURATION_AGGREGATES for t in self.targets):
            raise ValueError("a duration needs an 'end' column")
        return self


class CaseMap(StrictModel):
    """Which targets are computed from which case records."""

    reporter: NonEmptyStr = Field(
        default="optimization-office",
        description="The department the written submission is from (id, name or alias)",
    )
    sources: list[Source] = Field(min_length=1)

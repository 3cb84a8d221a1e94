"""What a department reports: a submission file (YAML, JSON or a spreadsheet).

One file states who reports (``department``: an id or any alias from
departments.yaml), for which ``period`` ("2021-Q2", "2021-H1", "2021-06",
"2021") and/or on which ``as_of`` date, and one entry per target id. An entry
whose ``value`` and ``state`` are both empty counts as "not reported", so a
freshly written template is a valid submission.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from bizenv_cli.models.base import IsoDate, NonEmptyStr, StrictModel
from bizenv_cli.models.measure import TargetId
from bizenv_cli.models.periods import PERIOD_PATTERN
from bizenv_cli.models.units import Unit
from bizenv_cli.models.values import Number

# Years 1000-9999: four digits that date arithmetic can always take one period past.
_PERIOD_RE = re.compile(PERIOD_PATTERN)
_PERIOD_SHAPE_RE = re.compile(r"[0-9]{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?")
MAX_SAMPLE_SIZE = 100_000_000  # as the spreadsheet template allows


def _period_text(value: Any) -> Any:
    """A plain ``2021`` in YAML is read as a number; the period means the year."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and _PERIOD_SHAPE_RE.fullmatch(value) and value < "1000":
        raise ValueError(
            f"period {value!r}: year {value[:4]} is out of range: write a year from 1000 to "
            "9999 in full, e.g. '2021-Q2'"
        )
    if isinstance(value, str) and not _PERIOD_RE.match(value):
        raise ValueError(
            f"period {value!r} is not understood: write a year ('2021'), a half ('2021-H1'), "
            "a quarter ('2021-Q2') or a month ('2021-06')"
        )
    return value


PeriodText = Annotated[
    str,
    BeforeValidator(_period_text),
    StringConstraints(strict=True, pattern=PERIOD_PATTERN),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": PERIOD_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "A year '2021', a half '2021-H1', a quarter '2021-Q2' "
            "or a month '2021-06'",
            "examples": ["2021-Q2", "2021-H1", "2021-06", "2021"],
        }
    ),
]


def _sample_size(value: Any) -> int:
    """A count of cases: a whole number from 0 to MAX_SAMPLE_SIZE, written as a number."""
    if isinstance(value, bool) or not isinstance(value, int):
        shown = repr(value) if isinstance(value, str) and len(value) <= 40 else None
        got = shown or ("empty" if value is None else type(value).__name__)
        if isinstance(value, float):
            got = f"{value:g}"
        elif isinstance(value, str) and value.isdigit():
            got = f"a number of {len(value):,} digits"
        raise ValueError(f"must be a whole number of cases (0 or more), got {got}")
    if not 0 <= value <= MAX_SAMPLE_SIZE:
        raise ValueError(
            f"must be a whole number of cases from 0 to {MAX_SAMPLE_SIZE:,}, got "
            + (f"{value:,}" if abs(value) < 10**31 else "a number of more than 31 digits")
        )
    return value


SampleSize = Annotated[
    int,
    PlainValidator(_sample_size),
    WithJsonSchema({"type": "integer", "minimum": 0, "maximum": MAX_SAMPLE_SIZE}),
]


def _not_negative(value: float) -> float:
    if value < 0:
        raise ValueError(
            f"must not be negative, got {value:g} (for a change target, report the value "
            "now and its baseline, not the change)"
        )
    return value


# Every reported quantity (days, hours, percent, counts, yuan) is 0 or more.
Amount = Annotated[
    Number, AfterValidator(_not_negative), WithJsonSchema({"type": "number", "minimum": 0})
]


class MilestoneState(StrEnum):
    done = "done"
    in_progress = "in_progress"
    not_started = "not_started"


class EntryBaseline(StrictModel):
    """The earlier value a change target is measured against."""

    value: Number | None = Field(
        default=None,
        description="The earlier value, in the entry's unit (needed once a value is reported)",
    )
    period: PeriodText | None = Field(
        default=None, description="The period of the earlier value, e.g. '2020'"
    )


class Entry(StrictModel):
    """What is reported for one target. Empty value and state: not reported."""

    value: Amount | None = Field(
        default=None,
        description="The reported value in the target's unit (or in 'unit'); for a frequency "
        "target the count in the period; percent as 0-100",
    )
    unit: Unit | None = Field(
        default=None, description="Unit of 'value' when not the target's own (must convert to it)"
    )
    state: MilestoneState | None = Field(default=None, description="For a milestone target")
    completed: IsoDate | None = Field(
        default=None, description="When a milestone was done (YYYY-MM-DD)"
    )
    sample_size: SampleSize | None = Field(
        default=None, description="How many cases the value is computed from"
    )
    baseline: EntryBaseline | None = Field(default=None, description="For a change target")
    evidence: Annotated[str, StringConstraints(max_length=2000)] | None = Field(
        default=None, description="A document reference backing the value"
    )
    note: Annotated[str, StringConstraints(max_length=2000)] | None = None

    @property
    def reported(self) -> bool:
        return self.value is not None or self.state is not None


def _empty_entry(value: Any) -> Any:
    """``m05-x:`` with nothing under it is an entry left empty: not reported."""
    return {} if value is None else value


# An entry, or nothing at all (the template says "leave a target empty").
EntryOrEmpty = Annotated[Entry, BeforeValidator(_empty_entry, json_schema_input_type=Entry | None)]


class Submission(StrictModel):
    """One department's report for one period."""

    model_config = ConfigDict(
        # what _period_or_date checks, for editors that validate with the schema
        json_schema_extra={
            "anyOf": [
                {"required": [key], "properties": {key: {"not": {"type": "null"}}}}
                for key in ("period", "as_of")
            ]
        },
    )

    department: NonEmptyStr = Field(description="Department id or any of its names/aliases")
    period: PeriodText | None = Field(default=None)
    as_of: IsoDate | None = Field(
        default=None, description="The date the values hold on (YYYY-MM-DD)"
    )
    entries: dict[TargetId, EntryOrEmpty] = Field(
        default_factory=dict, description="Target id -> what is reported for it"
    )

    @model_validator(mode="after")
    def _period_or_date(self) -> Submission:
        if self.period is None and self.as_of is None:
            raise ValueError("give the reporting 'period' (e.g. '2021-Q2') or an 'as_of' date")
        return self

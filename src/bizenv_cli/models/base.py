"""Shared building blocks for every model: strictness, bilingual text, ids."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(strict=True, pattern=ID_PATTERN, max_length=80)]


def _has_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must contain text, not only spaces")
    return value


# At least one character that is not whitespace: a title of only spaces says nothing.
NonEmptyStr = Annotated[
    str,
    StringConstraints(strict=True, min_length=1),
    AfterValidator(_has_text),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": "\\S"}),
]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: Any) -> date:
    """A calendar date written YYYY-MM-DD (or already a date, e.g. from a spreadsheet cell).

    pydantic's own date parsing also takes numbers as Unix timestamps, so
    ``due: 0`` would silently become 1970-01-01: only the written form is accepted.
    """
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise ValueError(f"must be a date without a time of day, got {value.isoformat()}")
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            why = " (there is no year 0000)" if value.startswith("0000") else ""
            raise ValueError(f"{value!r} is not a calendar date{why}") from None
    shown = repr(value) if isinstance(value, str | int | float) else type(value).__name__
    raise ValueError(f"must be a date written YYYY-MM-DD, got {shown}")


IsoDate = Annotated[
    date, PlainValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date"})
]


class StrictModel(BaseModel):
    """Base of every model: unknown keys are errors, models are immutable."""

    # allow_inf_nan: no plain float field takes NaN or infinity either (Number says so in
    # the user's words; results only ever hold finite numbers, the loader sees to that)
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, allow_inf_nan=False
    )


class Bilingual(StrictModel):
    """A text in Chinese (the plan's words) with an English rendering beside it."""

    zh: NonEmptyStr = Field(description="Chinese text")
    en: NonEmptyStr = Field(description="English translation")

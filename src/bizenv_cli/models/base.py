"""Shared building blocks for every model: strictness, bilingual text, ids."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(strict=True, pattern=ID_PATTERN, max_length=80)]
NonEmptyStr = Annotated[str, StringConstraints(strict=True, min_length=1, strip_whitespace=False)]


class StrictModel(BaseModel):
    """Base of every model: unknown keys are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Bilingual(StrictModel):
    """A text in Chinese (the plan's words) with an English rendering beside it."""

    zh: NonEmptyStr = Field(description="Chinese text")
    en: NonEmptyStr = Field(description="English translation")

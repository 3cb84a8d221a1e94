"""Marks left by `bizenv extract` on what a person must check in a drafted measure set."""

from __future__ import annotations

from pydantic import Field

from bizenv_cli.models.base import NonEmptyStr, StrictModel


class ReviewNote(StrictModel):
    """Something the extractor was unsure of. `bizenv validate` warns (R020) while the
    entry is there: check the field against the plan, correct it, then delete the entry."""

    field: NonEmptyStr = Field(description="The field to check: deadline, lead, targets[2]...")
    note: NonEmptyStr = Field(description="What to check, and why the extractor was unsure")

"""Waivers: approved exemptions for single targets, each until an expiry date."""

from __future__ import annotations

from pydantic import Field

from bizenv_cli.models.base import IsoDate, NonEmptyStr, StrictModel
from bizenv_cli.models.measure import TargetId


class Waiver(StrictModel):
    target: TargetId = Field(description="The target id the waiver covers")
    reason: NonEmptyStr = Field(description="Why the target is exempt")
    approved_by: NonEmptyStr = Field(description="Who approved the waiver (a unit or a person)")
    expires: IsoDate = Field(description="Last day the waiver applies (YYYY-MM-DD)")


class Waivers(StrictModel):
    """A waivers file: ``waivers:`` and a list."""

    waivers: list[Waiver] = Field(default_factory=list)

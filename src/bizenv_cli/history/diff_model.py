"""The result of `bizenv diff` (``schemas/diff.schema.json``). Fields are only ever added."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import Field

from bizenv_cli.evaluation.result import Status
from bizenv_cli.models.base import Bilingual, StrictModel
from bizenv_cli.models.submission import MilestoneState


class Transition(StrEnum):
    newly_met = "newly_met"  # now met; before at_risk, pending or waived
    recovered = "recovered"  # before failing (overdue, not_met, missing); now met or not failing
    newly_overdue = "newly_overdue"  # now overdue; before not failing
    newly_failing = "newly_failing"  # now not_met or missing; before not failing
    worsened = "worsened"  # a worse status that is none of the above (met -> at_risk)
    improved = "improved"  # a better status that is none of the above (at_risk -> pending)
    changed = "changed"  # another status of the same severity (overdue -> missing)
    unchanged = "unchanged"
    new_target = "new_target"  # only in the new result
    gone = "gone"  # only in the old result


class TargetChange(StrictModel):
    target: str
    measure: int
    transition: Transition
    worse: bool = Field(description="The new status is more severe than the old one")
    old_status: Status | None
    new_status: Status | None
    old_value: float | None = Field(description="Reported value in the target's unit")
    new_value: float | None
    delta: float | None = Field(
        description="new_value - old_value, when both are numbers (null when the difference "
        "is too large for a number: 1.7e308 - -1.7e308)"
    )
    old_state: MilestoneState | None
    new_state: MilestoneState | None
    moved: bool = Field(description="The reported value or milestone state changed")
    explanation: str = Field(description="The new result's explanation (else the old one's)")
    explanation_zh: str | None = Field(
        default=None, description="The same in Chinese, when the saved result has it"
    )


class DiffResult(StrictModel):
    version: Literal[1] = 1
    plan: Bilingual
    old_as_of: date
    new_as_of: date
    old_summary: dict[Status, int]
    new_summary: dict[Status, int]
    counts: dict[Transition, int] = Field(description="Targets per transition (every one present)")
    transitions: dict[Transition, list[str]] = Field(
        description="The target ids of each transition but 'unchanged' (every one present)"
    )
    moved: list[str] = Field(description="The target ids whose value or milestone state moved")
    changes: list[TargetChange] = Field(
        description="Targets whose status changed or whose value moved, in plan order"
    )

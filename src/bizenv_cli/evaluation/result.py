"""The result of `bizenv check`: one status per target on one date.

These models are the JSON output (``CheckResult.model_dump(mode="json")``)
and generate schemas/check-result.schema.json. Fields are only ever added.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import Field, PrivateAttr

from bizenv_cli.evaluation.returns import Returns
from bizenv_cli.i18n.phrases import Explanation
from bizenv_cli.models.base import Bilingual, StrictModel
from bizenv_cli.models.measure import Direction
from bizenv_cli.models.submission import MilestoneState
from bizenv_cli.models.title import TargetTitle
from bizenv_cli.models.units import Unit
from bizenv_cli.models.values import Comparator


class Status(StrEnum):
    met = "met"
    at_risk = "at_risk"
    overdue = "overdue"
    not_met = "not_met"
    missing = "missing"
    pending = "pending"
    waived = "waived"


# Statuses that need someone to act (``--only failing``).
NEEDS_ACTION: tuple[Status, ...] = (Status.overdue, Status.not_met, Status.missing, Status.at_risk)
# Statuses that make `bizenv check` exit 1 by default.
FAILING_BY_DEFAULT: tuple[Status, ...] = (Status.overdue, Status.not_met, Status.missing)


class Location(StrictModel):
    path: str = Field(description="File path as given on the command line (or relative to the cwd)")
    line: int = Field(ge=0, description="1-based line; 0 when unknown")
    column: int = Field(default=0, ge=0, description="1-based column; 0 when unknown")


class DeadlineInfo(StrictModel):
    text: str = Field(description="完成时限 as the plan words it")
    due: date | None = Field(description="The measure deadline's date, if any")
    ongoing: bool = Field(description="True for 长期推进/持续推进 (alone or after a date)")


class ChangeDetails(StrictModel):
    baseline: float = Field(description="The earlier value, in the target's quantity unit")
    baseline_period: str | None
    change_percent: float = Field(
        description="(reported - baseline) / baseline * 100; negative for a cut"
    )
    required_percent: float = Field(
        description="The size of change the target asks for, in percent"
    )
    direction: Direction
    limit_comparator: Comparator | None = Field(
        default=None, description="The absolute bound, if any"
    )
    limit_value: float | None = None
    limit_unit: Unit | None = None


class WaiverInfo(StrictModel):
    reason: str
    approved_by: str
    expires: date
    expired: bool = Field(
        description="True when the as-of date is after the expiry: the waiver no longer applies"
    )


class TargetResult(StrictModel):
    measure: int = Field(description="The plan's measure number")
    measure_id: str
    measure_title: Bilingual
    chapter: int
    section: int
    target: str = Field(description="Target id")
    title: TargetTitle | None = Field(
        default=None, description="The target's short title, as people read it (zh, en)"
    )
    kind: Literal["threshold", "change", "milestone", "frequency"]
    what: Bilingual
    strive: bool = Field(description="力争/争取: the plan says 'strive to'")
    status: Status
    late: bool = Field(description="A milestone done after its due date")
    due_soon: bool = Field(
        description="at_risk or pending with the due date within --due-within days"
    )
    reported: float | None = Field(description="The reported value converted to 'unit'")
    reported_as: float | None = Field(description="The value exactly as written in the submission")
    reported_unit: Unit | None = Field(
        description="The unit the submission used ('unit' when not given)"
    )
    state: MilestoneState | None
    completed: date | None
    sample_size: int | None
    evidence: str | None
    note: str | None
    unit: Unit | None = Field(
        description="Unit of the reported value (a change target's quantity unit)"
    )
    comparator: Comparator | None = Field(
        description="How the value (or the size of a change) is compared"
    )
    required: float | None = Field(
        description="The required value (the size of a change in percent)"
    )
    required_unit: Unit | None
    change: ChangeDetails | None
    failed_parts: list[str] = Field(
        description="Which parts failed: 'value', 'change', 'limit', 'state'"
    )
    explanation: str = Field(
        description="One line saying what was reported against what is required"
    )
    explanation_zh: str | None = Field(
        default=None, description="The explanation in Chinese, as the zh outputs write it"
    )
    deadline: DeadlineInfo
    due: date | None = Field(
        description="Effective due date: the target's own, else the measure deadline's"
    )
    days_left: int | None = Field(
        description="Days until 'due' (0 on the due day), for at_risk and pending"
    )
    days_overdue: int | None = Field(description="Days since 'due', for overdue and missing")
    lead: list[str] = Field(description="牵头单位 ids")
    responsible: list[str] = Field(description="责任单位 ids")
    target_location: Location = Field(
        description="Where the target is defined in the measure files"
    )
    reported_location: Location | None = Field(
        description="Where the used entry is in the submission"
    )
    reporter: str | None = Field(description="Department id of the submission used")
    period: str | None = Field(description="Period (or as-of date) of the submission used")
    waiver: WaiverInfo | None
    # The explanation as data, for outputs in another language (i18n.phrases); not
    # in the JSON. Empty for a result read back from JSON: use 'explanation' then.
    _explained: Explanation = PrivateAttr(default=())

    @property
    def explained(self) -> Explanation:
        return self._explained

    def explain(self, explained: Explanation) -> TargetResult:
        """Attach the explanation as data (once, as the result is made)."""
        self._explained = explained
        return self


class CheckResult(StrictModel):
    version: Literal[1] = 1
    as_of: date
    plan: Bilingual = Field(description="The plan's title")
    due_within: int = Field(description="Days ahead that count as due soon")
    summary: dict[Status, int] = Field(description="Count per status (every status present)")
    results: list[TargetResult] = Field(description="Sorted by measure number, then target order")
    notes: list[str] = Field(default_factory=list, description="E.g. waivers that have expired")
    returns: Returns | None = Field(
        default=None,
        description="The period's returns per unit: files received, targets still unreported; "
        "units that sent nothing first",
    )
    department: str | None = Field(
        default=None,
        description="With --department: the unit's id; results and summary then hold only "
        "the targets it leads or is responsible for",
    )
    period: str | None = Field(
        default=None,
        description="The period checked: --period, else the latest period given, moved on to "
        "the last one of its kind ended by --as-of. A result whose own 'period' differs from "
        "it uses another period's value",
    )

    @property
    def checked_period(self) -> str | None:
        """The period the check is for: --period, else the returns' (the latest given)."""
        return self.period or (self.returns.period if self.returns else None)

    def count(self, *statuses: Status) -> int:
        return sum(self.summary.get(s, 0) for s in statuses)

    def for_department(self, department: str) -> CheckResult:
        """Only the targets ``department`` leads or is responsible for, counted alone, and
        only that unit's row of the returns."""
        mine = [r for r in self.results if department in r.lead or department in r.responsible]
        returns = self.returns
        if returns is not None:
            units = [u for u in returns.units if u.department == department]
            returns = returns.model_copy(update={"units": units})
        update = {
            "results": mine,
            "summary": count_statuses(mine),
            "department": department,
            "returns": returns,
        }
        return self.model_copy(update=update)


def count_statuses(results: list[TargetResult]) -> dict[Status, int]:
    """Count per status, every status present (0 when none)."""
    summary = dict.fromkeys(Status, 0)
    for result in results:
        summary[result.status] += 1
    return summary

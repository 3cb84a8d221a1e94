"""The scoring rules of the year's assessment (年度考核): ``measures/scoring.yaml``.

A unit's score is ``base`` plus the points of every line: one line per target outcome
per period for the unit's role (lead or responsible), per return, per supervision item;
caps per rule and overall appear as lines of their own. Every rule has a ``name`` (what
each line shows) and a one-line ``reason``. See docs/score.md.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, PlainValidator, StringConstraints, WithJsonSchema

from bizenv_cli.models.base import Id, StrictModel
from bizenv_cli.models.measure import TargetId
from bizenv_cli.models.values import _number

MAX_POINTS = 1000


def _bounded(value: float) -> float:
    if abs(value) > MAX_POINTS:
        raise ValueError(f"must be between -{MAX_POINTS} and {MAX_POINTS}, got {value:g}")
    return float(value)


def _positive(value: float) -> float:
    if value <= 0:
        raise ValueError(f"must be greater than 0, got {value:g}")
    return value


Points = Annotated[
    float,
    PlainValidator(_number),
    AfterValidator(_bounded),
    WithJsonSchema({"type": "number", "minimum": -MAX_POINTS, "maximum": MAX_POINTS}),
]
PositivePoints = Annotated[
    float,
    PlainValidator(_number),
    AfterValidator(_bounded),
    AfterValidator(_positive),
    WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "maximum": MAX_POINTS}),
]
# One line of printable text: no line breaks or control characters.
_ONE_LINE = r"^[^\x00-\x1f\x7f-\x9f]*\S[^\x00-\x1f\x7f-\x9f]*$"
RuleName = Annotated[str, StringConstraints(strict=True, max_length=60, pattern=_ONE_LINE)]
Reason = Annotated[str, StringConstraints(strict=True, max_length=300, pattern=_ONE_LINE)]


class Role(StrEnum):
    lead = "lead"  # 牵头单位 (for a measure that names none: its first responsible unit)
    responsible = "responsible"  # 责任单位/配合单位: every other unit the measure names


class TargetOutcome(StrEnum):
    """A target's status at a period end, as `bizenv check` judges it (waived never scores)."""

    met = "met"  # met on time (a milestone done by its due date)
    met_late = "met_late"  # a milestone done after its due date
    at_risk = "at_risk"
    overdue = "overdue"
    not_met = "not_met"
    missing = "missing"
    pending = "pending"


class ReturnOutcome(StrEnum):
    on_time = "on_time"  # the unit sent its return for the period
    late = "late"  # sent after the return was due (needs the feedback cycle: docs/score.md)
    missing = "missing"  # nothing came from the unit for the period


class SupervisionOutcome(StrEnum):
    closed_on_time = "closed_on_time"  # a 督办 item closed by its rectification deadline
    closed_late = "closed_late"
    red = "red"  # an item past its rectification deadline, or escalated


class _Rule(StrictModel):
    name: RuleName = Field(description="What the rule is called; every line it makes shows it")
    reason: Reason = Field(description="One line: why the rule exists (the method it follows)")
    points: Points = Field(description="Points per line: positive a bonus, negative a deduction")
    cap: PositivePoints | None = Field(
        default=None,
        description="The most this rule adds or takes away per unit in the year (a cap line "
        "gives back the rest)",
    )


class TargetRule(_Rule):
    role: Role = Field(description="Whose line it is: the lead unit's or a responsible unit's")
    outcomes: list[TargetOutcome] = Field(
        min_length=1, description="The target statuses at a period end that make a line"
    )


class ReturnRule(_Rule):
    outcome: ReturnOutcome = Field(description="The unit's return for a period")


class SupervisionRule(_Rule):
    outcome: SupervisionOutcome = Field(description="A supervision (督办) item of the ledger")


class Weights(StrictModel):
    # YAML keys are read as text: "2" is chapter 2 (a key that is not a number is an error)
    chapters: dict[Annotated[int, Field(ge=1)], PositivePoints] = Field(
        default_factory=dict,
        description="Chapter number -> factor for the target lines of its targets",
    )
    targets: dict[TargetId, PositivePoints] = Field(
        default_factory=dict, description="Target id -> factor; wins over its chapter's"
    )


class OverallCap(StrictModel):
    name: RuleName = Field(description="What the cap's lines are called")
    reason: Reason = Field(description="One line: why the cap exists")
    bonus: PositivePoints | None = Field(
        default=None, description="The most all bonuses together add in the year"
    )
    deduction: PositivePoints | None = Field(
        default=None, description="The most all deductions together take away in the year"
    )


class Excellent(StrictModel):
    name: RuleName = Field(description="What the rule is called (e.g. 优秀等次资格)")
    reason: Reason = Field(description="One line: why (the plan's measure 53)")
    min_score: Points | None = Field(
        default=None, description="A score below this is not eligible for 优秀"
    )
    disqualifying_rules: list[RuleName] = Field(
        default_factory=list,
        description="Names of rules: one line of any of them makes the unit not eligible",
    )


class ScoringRules(StrictModel):
    """The scoring rules: base score, points per outcome, weights, caps, eligibility."""

    title: Reason = Field(description="The method's title, printed on every output")
    default: bool = Field(
        strict=True,
        description="true: the shipped example, used until the zone's own 考核办法 replaces "
        "it; every output says so",
    )
    source: Reason = Field(description="Where the method comes from (a document, a decision)")
    base: Points = Field(description="Every unit's starting score (often 100)")
    lead_office: Id | None = Field(
        default=None,
        description="The unit charged as lead for a target whose only units are collectives "
        "(区直各有关部门); none: the unit of bizenv.toml's [office], else such targets score "
        "nobody",
    )
    targets: list[TargetRule] = Field(default_factory=list, description="Per target outcome")
    returns: list[ReturnRule] = Field(default_factory=list, description="Per return")
    supervision: list[SupervisionRule] = Field(
        default_factory=list, description="Per supervision item of the ledger (督办台账)"
    )
    weights: Weights = Field(default_factory=Weights, description="Optional weights")
    overall_cap: OverallCap | None = Field(default=None, description="Caps over all rules")
    excellent: Excellent | None = Field(
        default=None, description="When a unit is not eligible for 优秀"
    )

    def rule_names(self) -> list[str]:
        return [r.name for r in (*self.targets, *self.returns, *self.supervision)]

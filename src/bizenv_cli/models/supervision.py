"""The supervision rules (``measures/supervision.yaml``): who issues the notices, how long a
unit has to rectify, when a light turns yellow or red, when returns are due, the contact
line. Reviewed data, like calendar.yaml: every value is documented here and in
docs/supervision.md. The ledger the loop keeps is in ``models/ledger.py``."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from bizenv_cli.models.base import Id, NonEmptyStr, StrictModel

WorkingDays = Annotated[int, Field(ge=0, le=250, strict=True)]


class Cycle(StrEnum):
    """How often a unit sends its return (反馈周期)."""

    monthly = "monthly"
    quarterly = "quarterly"
    half_yearly = "half_yearly"
    yearly = "yearly"


class Issuer(StrictModel):
    """The office that issues the notices (measure 51: 区优化办). A data folder's
    bizenv.toml [office] table, when it sets a value, wins over the value here."""

    name: NonEmptyStr = Field(
        description="The office's full name as it signs documents (落款), e.g. "
        "葛店开发区优化营商环境工作领导小组办公室"
    )
    short_name: NonEmptyStr = Field(description="The short name in running text, e.g. 区优化办")
    number_prefix: NonEmptyStr = Field(
        description="The document-number prefix (文号) before 〔YEAR〕N号, e.g. 葛开优办督; "
        "numbers run from 1 each year without gaps, kept in the ledger"
    )
    unit: Id = Field(
        description="The department id of the office (departments.yaml): items of a target "
        "whose only units are collectives (区直各有关部门) go to it"
    )


class RectifyDays(StrictModel):
    """Working days a unit has to rectify, from the as-of date the failure was found, by the
    check status that opened the item."""

    overdue: WorkingDays = Field(description="A target reported, not met, past its due date")
    not_met: WorkingDays = Field(description="An ongoing target reported and not met")
    missing: WorkingDays = Field(
        description="A target not reported although due (its deadline passed, or ongoing)"
    )


class Lights(StrictModel):
    """The warning lights (红黄绿灯) of an open item. Red: past its rectification deadline, or
    escalated by the office. Yellow: within ``yellow_within`` working days of the deadline,
    or its feedback for a period is late. Green: otherwise (and every closed item)."""

    yellow_within: WorkingDays = Field(
        description="Yellow when the rectification deadline is this many working days away "
        "or fewer (0: only on the deadline day)"
    )
    late_feedback_yellow: bool = Field(
        default=True,
        strict=True,
        description="Yellow when the unit's feedback for a period that has ended is late",
    )


class Feedback(StrictModel):
    """The feedback cycle (反馈周期): returns are due a number of working days after each
    period ends. Quarterly unless a target says otherwise."""

    cycle: Cycle = Field(default=Cycle.quarterly, description="The default cycle")
    due_days: WorkingDays = Field(
        description="Working days after a period's last day by which its return is due"
    )
    remind_within: WorkingDays = Field(
        description="A reminder (催报) lists units whose return is due within this many "
        "working days, and those already late"
    )
    targets: dict[NonEmptyStr, Cycle] = Field(
        default_factory=dict,
        description="Target id -> its own cycle, where the plan or the office asks for "
        "another one (e.g. monthly)",
    )


class Contact(StrictModel):
    """The contact line printed on every notice."""

    person: NonEmptyStr = Field(description="Who to call (联系人)")
    phone: NonEmptyStr = Field(description="Their telephone number (联系电话)")
    email: NonEmptyStr | None = Field(default=None, description="An e-mail address, if any")


class SupervisionRules(StrictModel):
    """measures/supervision.yaml: the rules of the supervision loop (督办整改闭环)."""

    issuer: Issuer = Field(description="The issuing office and its document numbers")
    rectify_days: RectifyDays = Field(
        description="The rectification period in working days, by status"
    )
    lights: Lights = Field(description="When an item's light is yellow or red")
    feedback: Feedback = Field(description="When returns and feedback are due")
    contact: Contact = Field(description="The contact line printed on notices")

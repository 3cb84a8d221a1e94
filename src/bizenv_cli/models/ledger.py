"""The supervision ledger (督办台账): the items the office supervises, kept in the data
repository as YAML (schemas/ledger.schema.json). ``bizenv ledger update`` writes the
fields marked *machine*; staff write ``feedback``, ``extensions``, ``notes`` and
``escalated`` (by hand or with ``bizenv ledger feedback``), and no update ever drops them."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from bizenv_cli.models.base import Id, IsoDate, NonEmptyStr, StrictModel

ITEM_ID_PATTERN = r"^DB[0-9]{4}-[0-9]{3,6}$"
ItemId = Annotated[str, StringConstraints(strict=True, pattern=ITEM_ID_PATTERN)]
Text = Annotated[str, StringConstraints(strict=True, max_length=2000)]


class ItemState(StrEnum):
    open = "open"
    closed = "closed"


class FoundStatus(StrEnum):
    """The check status that opened an item."""

    overdue = "overdue"
    not_met = "not_met"
    missing = "missing"


class FeedbackEntry(StrictModel):
    """A unit's feedback on an item (整改情况反馈), as staff typed it."""

    date: IsoDate = Field(description="The day the feedback came in")
    text: NonEmptyStr = Field(description="What the unit reported (at most 2,000 characters)")


class Extension(StrictModel):
    """An agreed extension (延期): the old deadline is kept."""

    date: IsoDate = Field(description="The day it was agreed")
    old: IsoDate = Field(description="The rectification deadline before the extension")
    new: IsoDate = Field(description="The new rectification deadline")
    reason: NonEmptyStr = Field(description="Why it was agreed")


class Event(StrictModel):
    """One line of an item's history (machine-written)."""

    date: IsoDate = Field(description="The as-of date of the run that wrote it")
    event: Literal["opened", "status", "past_deadline", "closed", "reopened", "notice"] = Field(
        description="What happened"
    )
    detail: Text = Field(default="", description="The facts, in words")


class Item(StrictModel):
    """One supervised item: a target that failed, for one responsible unit."""

    id: ItemId = Field(description="The item's id: DB + year opened + '-' + serial (DB2021-001)")
    target: NonEmptyStr = Field(description="The target id (machine)")
    unit: Id = Field(description="The responsible unit's department id (machine)")
    opened: IsoDate = Field(description="The as-of date of the check that found it (machine)")
    found: FoundStatus = Field(description="The status that opened it (machine)")
    status_now: Annotated[str, StringConstraints(strict=True, max_length=40)] = Field(
        description="The target's status at the latest update (machine)"
    )
    reported: Text = Field(default="", description="What was reported when found (machine)")
    rectify_by: IsoDate = Field(
        description="The rectification deadline (办结时限): opened + the rules' working days; "
        "an extension moves it (machine, then staff through extensions)"
    )
    state: ItemState = Field(default=ItemState.open, description="open or closed (machine)")
    closed: IsoDate | None = Field(
        default=None, description="The as-of date of the check that showed it met (machine)"
    )
    evidence: Text = Field(
        default="", description="What the check that closed it saw (成效检验, machine)"
    )
    notices: list[NonEmptyStr] = Field(
        default_factory=list, description="Document numbers of the notices that carried it"
    )
    escalated: bool = Field(
        default=False, strict=True, description="Escalated by the office: the light is red (staff)"
    )
    feedback: list[FeedbackEntry] = Field(default_factory=list, description="Feedback (staff)")
    extensions: list[Extension] = Field(
        default_factory=list, description="Agreed extensions, oldest first (staff)"
    )
    notes: Text = Field(default="", description="Free notes (staff)")
    history: list[Event] = Field(default_factory=list, description="What happened (machine)")


class IssuedNotice(StrictModel):
    """A notice issued with a number: numbers never repeat and leave no gaps."""

    number: NonEmptyStr = Field(description="The document number (文号)")
    serial: int = Field(ge=1, strict=True, description="N of the year")
    year: int = Field(ge=1000, le=9999, strict=True, description="The year of the number")
    unit: Id = Field(description="The addressee's department id")
    date: IsoDate = Field(description="The notice's date")
    items: list[ItemId] = Field(default_factory=list, description="The items it carried")


class Ledger(StrictModel):
    """The supervision ledger: items and the notices issued."""

    version: Literal[1] = Field(default=1, description="The format's version")
    notices: list[IssuedNotice] = Field(
        default_factory=list,
        description="Every numbered notice, in order: the numbering state (the next number of "
        "a year is one more than the highest there)",
    )
    items: list[Item] = Field(default_factory=list, description="The items, oldest first")

"""An item's whole life (`bizenv history --ledger FILE --item ID`): every dated thing the
ledger knows of it, oldest first — opened, notices, feedback, extensions (the old
deadline kept), status changes, past its deadline, closed with its evidence (成效检验)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bizenv_cli.models.ledger import Item, Ledger
from bizenv_cli.supervision.feedback import UnknownItem, closest


@dataclass(frozen=True)
class Step:
    date: date
    kind: str  # an Event kind (opened, status, ...), or feedback / extension
    detail: str


def find_item(ledger: Ledger, item_id: str) -> Item:
    """The item ``item_id``; UnknownItem naming the one meant otherwise (as `ledger
    feedback` does: an id is never guessed)."""
    for item in ledger.items:
        if item.id == item_id:
            return item
    raise UnknownItem(item_id, closest(item_id, [i.id for i in ledger.items]))


def life(item: Item) -> list[Step]:
    """The item's steps in date order (events of one day in the order they were written)."""
    steps = [Step(e.date, e.event, e.detail) for e in item.history]
    steps += [Step(f.date, "feedback", f.text) for f in item.feedback]
    steps += [
        Step(x.date, "extension", f"{x.old.isoformat()} -> {x.new.isoformat()}: {x.reason}")
        for x in item.extensions
    ]
    return sorted(steps, key=lambda s: s.date)

"""Supervision items (督办台账) in the score: the one place the ledger plugs in.

``load_items`` reads the ledger (`bizenv ledger`, docs/supervision.md) into ``Item``
values as they stood on the as-of day: an item closed later is still open then, and its
light is the ledger's own (``supervision.lights``) on that day."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bizenv_cli.models.ledger import ItemState
from bizenv_cli.models.scoring import ScoringRules, SupervisionOutcome
from bizenv_cli.scoring.lines import Lines
from bizenv_cli.scoring.model import Cause, ScoreLine


@dataclass(frozen=True)
class Item:
    """What the score needs of a ledger item."""

    id: str
    unit: str
    target: str | None
    rectify_by: date  # the rectification deadline (after any agreed extension)
    closed: date | None  # the day it was closed (成效检验), None while open
    red: bool  # the ledger's light on the as-of day


def load_items(ledger: Path, measures_dir: Path, year: int, as_of: date) -> list[Item]:
    """The ledger's items opened in ``year`` up to ``as_of``; BizenvError (exit 3) for a
    ledger or supervision rules that cannot be used."""
    from bizenv_cli.calendar.load import load_calendar
    from bizenv_cli.supervision.ledger_file import read_ledger
    from bizenv_cli.supervision.lights import light
    from bizenv_cli.supervision.rules import load_rules

    book = read_ledger(ledger)
    rules = load_rules(measures_dir)
    calendar = load_calendar(measures_dir)
    items = []
    for entry in book.items:
        if entry.opened.year != year or entry.opened > as_of:
            continue
        closed = entry.closed if entry.closed is not None and entry.closed <= as_of else None
        as_then = entry if closed is not None or entry.closed is None else entry.model_copy(
            update={"state": ItemState.open, "closed": None}
        )
        red = closed is None and light(as_then, as_of, rules, calendar).colour == "red"
        items.append(Item(entry.id, entry.unit, entry.target, entry.rectify_by, closed, red))
    return items


def item_outcome(item: Item) -> SupervisionOutcome | None:
    if item.closed is not None:
        on_time = item.closed <= item.rectify_by
        return SupervisionOutcome.closed_on_time if on_time else SupervisionOutcome.closed_late
    return SupervisionOutcome.red if item.red else None


def supervision_lines(items: Sequence[Item], rules: ScoringRules, into: Lines) -> None:
    """A line per item and rule of its outcome; an open item that is not red makes none."""
    for item in items:
        found = item_outcome(item)
        for rule in rules.supervision:
            if found is None or rule.outcome is not found:
                continue
            why = f"supervision item {item.id}: {found.value} (rectify by {item.rectify_by})"
            line = ScoreLine(rule=rule.name, target=item.target, period=None,
                             points=round(rule.points, 2), why=why)
            cause = Cause("supervision", found.value, detail=item.id)
            into.setdefault(item.unit, []).append(line.caused_by(cause))

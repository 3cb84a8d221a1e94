"""Supervision items (督办台账) in the score: the one place the ledger plugs in.

The ledger (`bizenv ledger`, docs/supervision.md) is built beside this command. Until it
is on this branch, ``--ledger`` is a usage error that says so. At the merge, ``load_items``
reads the ledger into ``Item`` values; everything after it (the outcome of an item, its
lines) is ready and tested here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bizenv_cli.errors import EXIT_USAGE, BizenvError
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


def load_items(ledger: Path, year: int, as_of: date) -> list[Item]:
    """The ledger's items of ``year`` up to ``as_of``. Not available yet: a usage error."""
    raise BizenvError(
        "--ledger: the supervision ledger (督办台账) is not available yet in this version of "
        "bizenv; score without --ledger (the supervision rules then make no lines)",
        exit_code=EXIT_USAGE,
    )


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

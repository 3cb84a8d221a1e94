"""The ledger as shown on a date: each item with its light, working days left, feedback
and history; red first, then yellow, then green; open before closed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bizenv_cli.calendar import WorkCalendar
from bizenv_cli.models.ledger import Item, ItemState, Ledger
from bizenv_cli.models.supervision import SupervisionRules
from bizenv_cli.supervision.lights import Light, light

_RANK = {"red": 0, "yellow": 1, "green": 2}


@dataclass(frozen=True)
class Shown:
    item: Item
    light: Light


def show(ledger: Ledger, day: date, rules: SupervisionRules, cal: WorkCalendar) -> list[Shown]:
    rows = [Shown(item, light(item, day, rules, cal)) for item in ledger.items]
    return sorted(
        rows,
        key=lambda s: (s.item.state is ItemState.closed, _RANK[s.light.colour], s.item.rectify_by),
    )

"""A submission as loaded: the validated model, where its values are, who reported it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from bizenv_cli.models.periods import period_bounds
from bizenv_cli.models.submission import Entry, Submission
from bizenv_cli.reading.yamlsafe import PathKey, Pos, PositionMap

Day = date  # ``LoadedSubmission.date`` shadows the type inside the class


@dataclass
class LoadedSubmission:
    submission: Submission
    path: str  # as displayed in messages
    positions: PositionMap
    department: str  # resolved department id
    date: date  # the day the values hold on: ``as_of``, else the period's last day
    # Entries another unit's entry for the same period end replaces (loading/overlap.py).
    set_aside: set[str] = field(default_factory=set)
    # Text written below a returned sheet's table (备注: ..., 填表人: 张三), kept as notes.
    remarks: list[str] = field(default_factory=list)
    # A spreadsheet's cell names for findings ('区供电公司!B2'); None for YAML and JSON.
    cell_name: Callable[[Pos], str] | None = None

    @property
    def start(self) -> Day:
        """The first day the submission covers: its ``as_of``, else its period's first day."""
        return self.submission.as_of or period_bounds(self.submission.period or "")[0]

    @property
    def period(self) -> str:
        """The period as written, else the as-of date."""
        return self.submission.period or self.date.isoformat()

    def pos(self, path: PathKey, *, key: bool = False) -> Pos:
        found = self.positions.key_pos(path) if key else self.positions.value_pos(path)
        return found or self.positions.key_pos(path) or Pos(0, 0)

    def entry_pos(self, target_id: str) -> Pos:
        """Where an entry's value is (its key when the value is not written)."""
        for name in ("value", "state"):
            found = self.positions.value_pos(("entries", target_id, name))
            if found:
                return found
        return self.pos(("entries", target_id), key=True)

    def reported(self) -> dict[str, Entry]:
        return {
            tid: e
            for tid, e in self.submission.entries.items()
            if e.reported and tid not in self.set_aside
        }

"""Every target of a measure set, in plan order, with its effective due date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bizenv_cli.loading.measureset import LoadedMeasure, MeasureSet
from bizenv_cli.models import ChangeTarget, Measure, MilestoneTarget, Target
from bizenv_cli.models.units import Unit


@dataclass(frozen=True)
class TargetRef:
    loaded: LoadedMeasure
    target: Target
    index: int  # position in the measure's ``targets`` list

    @property
    def measure(self) -> Measure:
        return self.loaded.measure

    @property
    def due(self) -> date | None:
        """The target's own date, else the measure deadline's (None: ongoing only)."""
        return self.target.due or self.measure.deadline.due

    @property
    def value_unit(self) -> Unit | None:
        """The unit a reported value is in: a change target's quantity unit; None for milestones."""
        if isinstance(self.target, MilestoneTarget):
            return None
        if isinstance(self.target, ChangeTarget):
            return self.target.quantity_unit
        return self.target.unit

    def line(self) -> tuple[int, int]:
        pos = self.loaded.positions.key_pos(("targets", self.index))
        pos = self.loaded.positions.value_pos(("targets", self.index, "id")) or pos
        return (pos.line, pos.col) if pos else (0, 0)


def index_targets(measure_set: MeasureSet) -> dict[str, TargetRef]:
    """Target id -> reference, in plan order (measure number, then target order)."""
    refs: dict[str, TargetRef] = {}
    for loaded in measure_set.measures:
        for i, target in enumerate(loaded.measure.targets):
            refs.setdefault(target.id, TargetRef(loaded, target, i))
    return refs

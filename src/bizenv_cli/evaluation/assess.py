"""Does a reported entry satisfy its target? Values, changes with limits, milestones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bizenv_cli.evaluation.result import ChangeDetails
from bizenv_cli.i18n.numbers import percent, percent_apart
from bizenv_cli.i18n.phrases import Arg, Explanation, Phrase, Qty, Req, Word, phrase
from bizenv_cli.models import ChangeTarget, Direction, MilestoneTarget, Target
from bizenv_cli.models.submission import Entry, MilestoneState
from bizenv_cli.models.units import Unit, conversion_factor


@dataclass
class Assessment:
    satisfied: bool
    explanation: Explanation
    reported: float | None = None  # converted to the target's value unit
    change: ChangeDetails | None = None
    failed_parts: list[str] = field(default_factory=list)
    late: bool = False


def convert(value: float, source: Unit | None, target: Unit) -> float:
    """``value`` in ``source`` as ``target`` (the loader has checked the units convert)."""
    factor = conversion_factor(source, target) if source else 1.0
    if factor is None:
        raise ValueError(f"unit {source} does not convert to {target}")
    return value * factor


def _as_written(entry: Entry, converted: float, unit: Unit) -> Qty | Phrase:
    if entry.unit is None or entry.unit == unit or entry.value is None:
        return Qty(converted, unit)
    return phrase("written", written=Qty(entry.value, entry.unit), converted=Qty(converted, unit))


def assess(
    target: Target, entry: Entry, due: date | None, as_of: date | None = None
) -> Assessment:
    """The assessment of a reported entry (``entry.reported`` is true) on ``as_of``."""
    if isinstance(target, MilestoneTarget):
        return _milestone(entry, due, as_of)
    if entry.value is None:
        state = Word("state", str(entry.state))
        return Assessment(False, (phrase("no_value", state=state),), failed_parts=["value"])
    if isinstance(target, ChangeTarget):
        return _change(target, entry)
    value = convert(entry.value, entry.unit, target.unit)
    ok = target.comparator.holds(value, target.value)
    required = Req(target.comparator, target.value, target.unit)
    text = [phrase("versus", reported=_as_written(entry, value, target.unit), required=required)]
    if target.kind == "frequency":
        text.append(phrase("per", period=Word("period", target.period.value)))
    return Assessment(ok, tuple(text), value, failed_parts=[] if ok else ["value"])


def _change(target: ChangeTarget, entry: Entry) -> Assessment:
    unit = target.quantity_unit
    assert (
        entry.value is not None and entry.baseline is not None and entry.baseline.value is not None
    )
    value = convert(entry.value, entry.unit, unit)
    base = convert(entry.baseline.value, entry.unit, unit)
    change = (value - base) / base * 100.0
    size = -change if target.direction is Direction.decrease else change
    sign = -1 if target.direction is Direction.decrease else 1
    failed = [] if target.comparator.holds(size, target.value) else ["change"]
    # a change that fails is never shown rounded onto the target ("-19.96 %", not "-20 %")
    shown = percent_apart(change, sign * target.value) if failed else percent(change)
    said: dict[str, Arg] = {"value": Qty(value, unit), "base": Qty(base, unit), "shown": shown}
    said["target"] = percent(sign * target.value)
    if entry.baseline.period:
        text = [phrase("change_period", period=entry.baseline.period, **said)]
    else:
        text = [phrase("change", **said)]
    details = ChangeDetails(
        baseline=base,
        baseline_period=entry.baseline.period,
        change_percent=change,
        required_percent=target.value,
        direction=target.direction,
    )
    if target.limit is not None:
        limit = target.limit
        in_limit_unit = convert(value, unit, limit.unit)
        ok = limit.comparator.holds(in_limit_unit, limit.value)
        bound = Req(limit.comparator, limit.value, limit.unit)
        text.append(phrase("limit_ok" if ok else "limit_not_met", bound=bound))
        if not ok:
            failed.append("limit")
        details = details.model_copy(
            update={
                "limit_comparator": limit.comparator,
                "limit_value": limit.value,
                "limit_unit": limit.unit,
            }
        )
    if failed:
        text.append(phrase("failed", parts=tuple(Word("part", part) for part in failed)))
    return Assessment(not failed, tuple(text), value, details, failed)


def _milestone(entry: Entry, due: date | None, as_of: date | None) -> Assessment:
    if entry.state is MilestoneState.done and as_of and entry.completed and entry.completed > as_of:
        # The report itself says the work was not done yet on the as-of date.
        said = phrase("done_after", completed=str(entry.completed), as_of=str(as_of))
        return Assessment(False, (said,), failed_parts=["state"])
    if entry.state is not MilestoneState.done:
        state = Word("state", (entry.state or MilestoneState.not_started).value, en_label=True)
        return Assessment(False, (phrase("state", state=state),), failed_parts=["state"])
    if entry.completed is None:
        return Assessment(True, (phrase("done_undated"),))
    late = due is not None and entry.completed > due
    text = [phrase("done_on", completed=str(entry.completed))]
    if late and due is not None:
        text.append(phrase("late", days=(entry.completed - due).days))
    return Assessment(True, tuple(text), late=late)

"""Check one submission entry against its target: the right fields, a unit that converts."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from bizenv_cli.loading.targets import TargetRef
from bizenv_cli.models import ChangeTarget, MilestoneTarget
from bizenv_cli.models.submission import Entry, MilestoneState
from bizenv_cli.models.units import Unit, conversion_factor, convertible_units, scaled
from bizenv_cli.reading.yamlsafe import PathKey

CODE_UNIT = "C010"
CODE_FIELD = "C011"
CODE_BASELINE = "C012"
CODE_COMPLETED = "C013"
CODE_RANGE = "C014"


@dataclass(frozen=True)
class Message:
    code: str
    text: str
    at_key: bool = False  # point at the key (a field that does not belong) rather than its value


def check_entry(ref: TargetRef, entry: Entry, day: date) -> list[tuple[PathKey, Message]]:
    """Problems with ``entry`` for ``ref``'s target, each with the key path inside the entry."""
    target = ref.target
    if isinstance(target, MilestoneTarget):
        return _milestone(entry, day)
    out: list[tuple[PathKey, Message]] = []
    for name in ("state", "completed"):
        if getattr(entry, name) is not None:
            out.append(
                (
                    (name,),
                    Message(
                        CODE_FIELD,
                        f"'{name}' is for milestone targets; "
                        f"{target.id} is a {target.kind} target: report 'value'",
                        at_key=True,
                    ),
                )
            )
    unit = ref.value_unit
    assert unit is not None
    if entry.unit is not None and conversion_factor(entry.unit, unit) is None:
        allowed = ", ".join(u.value for u in convertible_units(unit))
        out.append(
            (
                ("unit",),
                Message(
                    CODE_UNIT,
                    f"unit {entry.unit.value!r} does not convert to {unit.value!r} "
                    f"(the unit of {target.id}): use one of {allowed}",
                ),
            )
        )
    if not out:
        out.extend(_too_large(ref, entry))
    if isinstance(target, ChangeTarget):
        out.extend(_baseline(target, entry))
    elif entry.baseline is not None:
        out.append(
            (
                ("baseline",),
                Message(
                    CODE_BASELINE,
                    f"'baseline' is only for change targets; {target.id} is a {target.kind} target",
                    at_key=True,
                ),
            )
        )
    return out


def _too_large(ref: TargetRef, entry: Entry) -> list[tuple[PathKey, Message]]:
    """A value (or a change) that no longer is a finite number once converted into the
    target's unit: 1e308 as a ratio is infinity as a percent. Found here, so the
    evaluation only ever meets finite numbers."""
    unit = ref.value_unit
    if entry.value is None or unit is None:
        return []
    where = f"value {entry.value}" + (
        f" {entry.unit.value} is too large to compute with as {unit.value}"
        if entry.unit is not None and entry.unit != unit
        else " is too large to compute with"
    )
    converted = scaled(entry.value, entry.unit, unit)
    if not math.isfinite(converted):
        return [(("value",), Message(CODE_RANGE, where))]
    is_rate = getattr(ref.target, "aggregation", None) == "rate"
    if is_rate and unit is Unit.percent and converted > 100:  # 87 as a ratio: 8700 % "met"
        written = f"{entry.value:g} {entry.unit.value} is {converted:g} %" if (
            entry.unit is not None and entry.unit != unit
        ) else f"{entry.value:g} %"
        hint = "a ratio is 0-1" if entry.unit is Unit.ratio else "a ratio 0-1 takes 'unit: ratio'"
        return [
            (
                ("value",),
                Message(CODE_RANGE, f"value {written}: a percent is 0-100 ({hint})"),
            )
        ]
    target = ref.target
    if not isinstance(target, ChangeTarget):
        return []
    if target.limit is not None:
        in_limit = scaled(scaled(entry.value, entry.unit, unit), unit, target.limit.unit)
        if not math.isfinite(in_limit):
            return [(("value",), Message(CODE_RANGE, where))]
    if entry.baseline is None or entry.baseline.value is None or entry.baseline.value <= 0:
        return []
    base = scaled(entry.baseline.value, entry.unit, unit)
    if not math.isfinite(base):
        message = "the baseline is too large to compute with"
        return [(("baseline", "value"), Message(CODE_RANGE, message))]
    value = scaled(entry.value, entry.unit, unit)
    if base == 0 or not math.isfinite((value - base) / base * 100.0):
        return [
            (
                ("baseline", "value"),
                Message(
                    CODE_RANGE,
                    f"the change from the baseline ({entry.baseline.value}) to the value "
                    f"({entry.value}) is too large to compute in percent: check both",
                ),
            )
        ]
    return []


def _baseline(target: ChangeTarget, entry: Entry) -> list[tuple[PathKey, Message]]:
    if entry.value is None:
        return []
    if entry.baseline is None or entry.baseline.value is None:
        where: PathKey = ("baseline",) if entry.baseline is not None else ()
        return [
            (
                where,
                Message(
                    CODE_BASELINE,
                    f"{target.id} is a change target ({target.direction.value} by "
                    f"{target.comparator.value} {target.value:g} % on the "
                    f"{target.baseline.value.replace('_', ' ')} "
                    "value): add 'baseline: {value: ..., period: ...}' with the earlier value",
                    at_key=True,
                ),
            )
        ]
    if entry.baseline.value <= 0:
        return [
            (
                ("baseline", "value"),
                Message(
                    CODE_BASELINE,
                    "the baseline must be greater than 0 to compute a change in percent",
                ),
            )
        ]
    return []


def _milestone(entry: Entry, day: date) -> list[tuple[PathKey, Message]]:
    out: list[tuple[PathKey, Message]] = []
    for name in ("value", "unit", "baseline"):
        if getattr(entry, name) is not None:
            out.append(
                (
                    (name,),
                    Message(
                        CODE_FIELD,
                        f"'{name}' does not apply to a milestone: report "
                        "'state' (done, in_progress, not_started) and 'completed'",
                        at_key=True,
                    ),
                )
            )
    if entry.completed is not None:
        if entry.state is not MilestoneState.done:
            shown = entry.state.value if entry.state else "empty"
            out.append(
                (
                    ("completed",),
                    Message(
                        CODE_COMPLETED,
                        f"'completed' is given but state is {shown}: set 'state: done' "
                        "or remove 'completed'",
                    ),
                )
            )
        elif entry.completed > day:
            out.append(
                (
                    ("completed",),
                    Message(
                        CODE_COMPLETED,
                        f"completed {entry.completed} is after the date this submission "
                        f"holds on ({day})",
                    ),
                )
            )
    return out

"""Short, plain-English wording of values and units for result explanations."""

from __future__ import annotations

import math

from bizenv_cli.models.units import Unit
from bizenv_cli.models.values import Comparator

# Units as they read after a number: "8.2 h", "95 %", "30 working days".
_SHORT: dict[Unit, str] = {
    Unit.working_day: "working days",
    Unit.calendar_day: "days",
    Unit.hour: "h",
    Unit.minute: "min",
    Unit.month: "months",
    Unit.year: "years",
    Unit.percent: "%",
    Unit.ratio: "(ratio)",
    Unit.count: "",
    Unit.km: "km",
    Unit.m: "m",
    Unit.m2: "m2",
    Unit.kW: "kW",
    Unit.kVA: "kVA",
    Unit.kV: "kV",
    Unit.yuan: "yuan",
    Unit.ten_thousand_yuan: "x 10,000 yuan",
    Unit.usd: "USD",
    Unit.ten_thousand_usd: "x 10,000 USD",
}
# Words that take a singular after exactly 1: "1 working day", "1 day".
_SINGULAR = {"working days": "working day", "days": "day", "months": "month", "years": "year"}


def number(value: float) -> str:
    """12 -> '12', 8.25 -> '8.25', 22.6415 -> '22.64' (at most 2 decimals, no trailing zeros)."""
    rounded = round(value, 2)
    if not math.isfinite(rounded):  # the loader refuses these; never crash on one
        return str(rounded)
    if abs(rounded) >= 1e15:  # 1.5e308 is not printed as 309 digits
        return f"{rounded:.6g}"
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.2f}".rstrip("0").rstrip(".")


def quantity(value: float, unit: Unit | None) -> str:
    label = _SHORT[unit] if unit else ""
    shown = number(value)
    if shown == "1":
        label = _SINGULAR.get(label, label)
    return f"{shown} {label}".rstrip()


def requirement(comparator: Comparator, value: float, unit: Unit | None) -> str:
    return f"{comparator.value} {quantity(value, unit)}"


def percent(value: float, digits: int = 1) -> str:
    """A signed change: -22.6 %, +10 % (``digits`` decimals at most)."""
    rounded = round(value, digits)
    if not math.isfinite(rounded):
        return f"{rounded:+} %"
    if abs(rounded) >= 1e15:
        return f"{rounded:+.6g} %"
    if rounded == int(rounded):
        return f"{int(rounded):+d} %"
    return f"{rounded:+.{digits}f}".rstrip("0") + " %"


def percent_apart(value: float, other: float) -> str:
    """``value`` as a percent, with the decimals it takes not to read as ``other``."""
    for digits in range(1, 7):
        if percent(value, digits) != percent(other, digits):
            return percent(value, digits)
    return percent(value, 6)

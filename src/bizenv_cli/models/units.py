"""The closed unit vocabulary, and which units convert into which.

Every value in the measure files carries one of these units. Percent is
always 0-100. A submission may report in a convertible unit (e.g. ``ratio``
0-1 for a percent target, ``m`` for a ``km`` target); conversion is exact
multiplication by the factor below.
"""

from __future__ import annotations

from enum import StrEnum


class Unit(StrEnum):
    working_day = "working_day"
    calendar_day = "calendar_day"
    hour = "hour"
    minute = "minute"
    month = "month"
    year = "year"
    percent = "percent"
    ratio = "ratio"
    count = "count"  # type: ignore[assignment]  # shadows str.count; the unit name wins
    km = "km"
    m = "m"
    m2 = "m2"
    kW = "kW"
    kVA = "kVA"
    kV = "kV"
    yuan = "yuan"
    ten_thousand_yuan = "ten_thousand_yuan"
    usd = "usd"
    ten_thousand_usd = "ten_thousand_usd"


UNIT_DESCRIPTIONS: dict[Unit, tuple[str, str]] = {
    Unit.working_day: ("工作日", "working days"),
    Unit.calendar_day: ("日(自然日)", "calendar days"),
    Unit.hour: ("小时", "hours"),
    Unit.minute: ("分钟", "minutes"),
    Unit.month: ("月", "months"),
    Unit.year: ("年", "years"),
    Unit.percent: ("%", "percent (0-100)"),
    Unit.ratio: ("比例(0-1)", "ratio (0-1), converts to percent"),
    Unit.count: ("个/项/次/件/份", "count (steps, documents, items, times)"),
    Unit.km: ("公里", "kilometres"),
    Unit.m: ("米", "metres"),
    Unit.m2: ("平方米", "square metres"),
    Unit.kW: ("千瓦", "kilowatts"),
    Unit.kVA: ("千伏安", "kilovolt-amperes"),
    Unit.kV: ("千伏", "kilovolts"),
    Unit.yuan: ("元", "yuan"),
    Unit.ten_thousand_yuan: ("万元", "10,000 yuan"),
    Unit.usd: ("美元", "US dollars (never converted to yuan: no exchange rate is assumed)"),
    Unit.ten_thousand_usd: ("万美元", "10,000 US dollars"),
}

# (from, to) -> factor such that value_in_to = value_in_from * factor
_CONVERSIONS: dict[tuple[Unit, Unit], float] = {
    (Unit.ratio, Unit.percent): 100.0,
    (Unit.m, Unit.km): 0.001,
    (Unit.ten_thousand_yuan, Unit.yuan): 10_000.0,
    (Unit.ten_thousand_usd, Unit.usd): 10_000.0,
    (Unit.minute, Unit.hour): 1 / 60,
    (Unit.calendar_day, Unit.hour): 24.0,
}


def conversion_factor(source: Unit, target: Unit) -> float | None:
    """Factor to turn a value in ``source`` into ``target``; None if they do not convert."""
    if source == target:
        return 1.0
    if (source, target) in _CONVERSIONS:
        return _CONVERSIONS[(source, target)]
    if (target, source) in _CONVERSIONS:
        return 1.0 / _CONVERSIONS[(target, source)]
    return None


def convertible_units(target: Unit) -> list[Unit]:
    """Every unit a value for ``target`` may be reported in (``target`` first)."""
    return [target] + [u for u in Unit if u != target and conversion_factor(u, target) is not None]


def scaled(value: float, source: Unit | None, target: Unit) -> float:
    """``value`` in ``source`` (None: already ``target``) as ``target``; may be infinite
    (1e308 ratio as percent), which the loader reports. ``value`` unchanged when the
    units do not convert (the loader reports that too)."""
    factor = conversion_factor(source, target) if source is not None else 1.0
    return value * factor if factor is not None else value

"""A ratio typed where a percent belongs: 0.92 in the value cell of a ">= 90 %" target.

A percent target's value is reported as 0-100. A value in (0, 1], written without a unit
(no % sign, no percent cell format, no ``unit:``), for a percent target whose requirement is
above 1, is ambiguous: 0.92 % or 92 %? Nobody reaches a ">= 90 %" target with 0.92 %; a rate
copied from a system that keeps fractions (or an .xls percent cell, whose format is not read)
is 0.92. So:

- a target to reach (>= or >): the value is read as a ratio (0.92 -> 92 %), with a warning
  at the cell saying so;
- a target to stay under (<= or <, an error rate "<= 5 %"): 0.92 % is plausible, so the value
  is kept as written (0.92 %), with a warning saying how to mean 92 %.

A value with its unit stated (95%, a percent-formatted cell, ``unit: percent`` or
``unit: ratio``) is taken at its word. The code is C015 (a warning: the check goes on).
"""

from __future__ import annotations

from collections.abc import Callable

from bizenv_cli.models import Target, ThresholdTarget
from bizenv_cli.models.submission import Submission
from bizenv_cli.models.units import Unit
from bizenv_cli.models.values import Comparator
from bizenv_cli.reading.yamlsafe import PathKey

CODE_RATIO = "C015"
_TO_REACH = (Comparator.ge, Comparator.gt)


def _shown(value: float) -> str:
    return f"{value:g}"


def read_ratios(
    model: Submission, target_of: Callable[[str], Target | None]
) -> tuple[Submission, list[tuple[PathKey, str]]]:
    """``model`` with ambiguous ratios read as percent, and a warning for each ambiguous value
    (at the entry's value). ``target_of``: the target of an id (None when unknown)."""
    entries = dict(model.entries)
    warnings: list[tuple[PathKey, str]] = []
    for target_id, entry in model.entries.items():
        target = target_of(target_id)
        value = entry.value
        if (
            not isinstance(target, ThresholdTarget)
            or target.unit is not Unit.percent
            or target.value <= 1
            or entry.unit is not None
            or value is None
            or not 0 < value <= 1
        ):
            continue
        where = ("entries", target_id, "value")
        required = f"{target.comparator.value} {_shown(target.value)} %"
        if target.comparator in _TO_REACH:
            percent = round(value * 100, 9)
            entries[target_id] = entry.model_copy(update={"value": percent})
            warnings.append((where, f"{_shown(value)} for a percent target ({required}) is read "
                             f"as the ratio {_shown(value)} = {_shown(percent)} %; if "
                             f"{_shown(value)} % is meant, write {_shown(value)}%"))
        else:
            warnings.append((where, f"{_shown(value)} for a percent target ({required}) is read "
                             f"as {_shown(value)} %; if the ratio {_shown(value)} = "
                             f"{_shown(value * 100)} % is meant, write {_shown(value * 100)}"))
    if not warnings:
        return model, []
    return model.model_copy(update={"entries": entries}), warnings

"""The pydantic models: the single source of truth for every file bizenv reads.

The names below are imported on first use (PEP 562), so that a command reading one
kind of file (`bizenv workdays`: the calendar file) does not build every model.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bizenv_cli.models.deadline import Deadline, parse_deadline
    from bizenv_cli.models.measure import (
        Aggregation,
        Baseline,
        ChangeTarget,
        Direction,
        FrequencyTarget,
        Limit,
        Measure,
        MilestoneTarget,
        Period,
        ScopeCondition,
        Target,
        ThresholdTarget,
    )
    from bizenv_cli.models.plan import (
        Chapter,
        Department,
        DepartmentKind,
        Departments,
        Plan,
        Section,
    )
    from bizenv_cli.models.review import ReviewNote
    from bizenv_cli.models.title import TargetTitle, target_title
    from bizenv_cli.models.units import Unit
    from bizenv_cli.models.values import Comparator

_HOMES = {
    "deadline": ("Deadline", "parse_deadline"),
    "measure": (
        "Aggregation",
        "Baseline",
        "ChangeTarget",
        "Direction",
        "FrequencyTarget",
        "Limit",
        "Measure",
        "MilestoneTarget",
        "Period",
        "ScopeCondition",
        "Target",
        "ThresholdTarget",
    ),
    "plan": ("Chapter", "Department", "DepartmentKind", "Departments", "Plan", "Section"),
    "review": ("ReviewNote",),
    "title": ("TargetTitle", "target_title"),
    "units": ("Unit",),
    "values": ("Comparator",),
}
_HOME = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "Aggregation",
    "Baseline",
    "ChangeTarget",
    "Chapter",
    "Comparator",
    "Deadline",
    "Department",
    "DepartmentKind",
    "Departments",
    "Direction",
    "FrequencyTarget",
    "Limit",
    "Measure",
    "MilestoneTarget",
    "Period",
    "Plan",
    "ReviewNote",
    "ScopeCondition",
    "Section",
    "Target",
    "TargetTitle",
    "ThresholdTarget",
    "Unit",
    "parse_deadline",
    "target_title",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value

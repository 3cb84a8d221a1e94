"""The pydantic models: the single source of truth for every file bizenv reads."""

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
from bizenv_cli.models.plan import Chapter, Department, DepartmentKind, Departments, Plan, Section
from bizenv_cli.models.review import ReviewNote
from bizenv_cli.models.units import Unit
from bizenv_cli.models.values import Comparator

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
    "ThresholdTarget",
    "Unit",
    "parse_deadline",
]

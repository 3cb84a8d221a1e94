"""What a template sheet holds: one row per target, described in Chinese, for one department.

Both writers lay out the same ``TemplateSheet``. A row says which fill-in
columns apply to its target (a milestone takes a state and a date, a change
target a baseline); the workbook locks and greys the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.loading.targets import index_targets
from bizenv_cli.models import (
    ChangeTarget,
    Comparator,
    Department,
    FrequencyTarget,
    Measure,
    MilestoneTarget,
    Target,
    ThresholdTarget,
)
from bizenv_cli.models.units import UNIT_DESCRIPTIONS, Unit
from bizenv_cli.templates.rows import ZONE_REPORTER, template_rows

_SYMBOL = {
    Comparator.le: "≤", Comparator.lt: "<", Comparator.ge: "≥", Comparator.gt: ">",
    Comparator.eq: "=",
}
_AGGREGATION = {
    "average": "平均", "each": "每件", "maximum": "最多", "total": "合计", "rate": "比率",
}
_PER = {"year": "每年", "quarter": "每季度", "month": "每月"}
_BASELINE = {"previous_year": "较上年", "same_period_last_year": "同比"}
_DIRECTION = {"decrease": "减少", "increase": "增长"}

NUMERIC = frozenset({"threshold", "change", "frequency"})
APPLIES: dict[str, frozenset[str]] = {
    "value": NUMERIC,
    "state": frozenset({"milestone"}),
    "completed": frozenset({"milestone"}),
    "sample_size": frozenset({"threshold", "change"}),
    "baseline_value": frozenset({"change"}),
    "baseline_period": frozenset({"change"}),
}


@dataclass(frozen=True)
class TemplateRow:
    kind: str
    cells: dict[str, str]  # describe-column key -> text

    def applies(self, key: str) -> bool:
        """Whether fill-in column ``key`` is meant for this row's target."""
        return self.kind in APPLIES.get(key, {self.kind})


@dataclass(frozen=True)
class TemplateSheet:
    department: Department | None  # None: every target, the department is filled in
    period: str | None
    plan_title: str
    rows: list[TemplateRow]

    @property
    def title(self) -> str:
        """The sheet name: the department's Chinese name (Excel allows 31 characters)."""
        name = self.department.name if self.department else "填报表"
        return "".join(ch for ch in name if ch not in "[]:*?/\\")[:31] or "填报表"


def number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def unit_text(unit: Unit | None) -> str:
    return UNIT_DESCRIPTIONS[unit][0] if unit else ""


def requirement(target: Target) -> str:
    """'平均 ≤ 30', '较上年减少 ≥ 20%,且 ≤ 8.5 小时', '≥ 1 次/每年', '完成'."""
    strive = "力争" if target.strive else ""
    if isinstance(target, MilestoneTarget):
        return f"{strive}完成"
    if isinstance(target, ChangeTarget):
        text = (f"{_BASELINE[target.baseline.value]}{_DIRECTION[target.direction.value]} "
                f"{_SYMBOL[target.comparator]} {number(target.value)}%")
        if target.limit:
            limit = target.limit
            text += f",且 {_SYMBOL[limit.comparator]} {number(limit.value)} {unit_text(limit.unit)}"
        return strive + text
    text = f"{_SYMBOL[target.comparator]} {number(target.value)}"
    if isinstance(target, ThresholdTarget):
        if target.aggregation:
            text = f"{_AGGREGATION[target.aggregation.value]} {text}"
        if target.period:
            text = f"{_PER[target.period.value]} {text}"
    elif isinstance(target, FrequencyTarget):
        text = f"{_PER[target.period.value]} {text}"
    return strive + text


def value_unit(target: Target) -> Unit | None:
    if isinstance(target, MilestoneTarget):
        return None
    return target.quantity_unit if isinstance(target, ChangeTarget) else target.unit


def row(measure: Measure, target: Target) -> TemplateRow:
    deadline = target.due.isoformat() if target.due else measure.deadline.text
    return TemplateRow(target.kind, {
        "target_id": target.id,
        "measure": f"{measure.number}. {measure.title.zh}",
        "what": target.what.zh,
        "required": requirement(target),
        "unit": unit_text(value_unit(target)),
        "deadline": deadline,
    })


def build_sheet(
    measure_set: MeasureSet, department: str | None, period: str | None
) -> TemplateSheet:
    """The targets of ``department`` (an id) as lead or responsible unit, in plan order; every
    target when None, reported by the zone's compiling office as in the YAML template."""
    refs = index_targets(measure_set)
    rows = [row(refs[r.target_id].measure, refs[r.target_id].target)
            for r in template_rows(measure_set, department)]
    who = measure_set.index.by_id.get(department or ZONE_REPORTER)
    return TemplateSheet(who, period, measure_set.plan.title.zh, rows)

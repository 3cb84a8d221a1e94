"""Ready-to-fill submission templates: which targets, described how, written as YAML.

``template_rows`` picks the targets (all, or one department's as lead or
responsible unit) and describes each in plain data; each output format only
lays the rows out (``yaml_template`` here; spreadsheets elsewhere). Values are
left empty: an empty entry means "not reported", so an untouched template is a
valid submission and `bizenv check` reports its targets as pending or missing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from bizenv_cli.i18n.numbers import requirement
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.loading.targets import TargetRef, index_targets
from bizenv_cli.models import ChangeTarget, FrequencyTarget, MilestoneTarget, ThresholdTarget
from bizenv_cli.models.units import UNIT_DESCRIPTIONS, Unit, convertible_units

# Who reports in a whole-zone template: the office that compiles the plan's progress.
ZONE_REPORTER = "optimization-office"


@dataclass(frozen=True)
class TemplateRow:
    target_id: str
    kind: str
    measure_number: int
    measure_title_zh: str
    what_zh: str
    what_en: str
    required: str  # e.g. "<= 30 working days (average)", "done by 2021-06-30"
    unit: Unit | None  # the unit to report 'value' in; None for milestones
    other_units: tuple[Unit, ...]  # units that convert to ``unit``
    due: date | None
    deadline_text: str
    lead: tuple[str, ...]
    responsible: tuple[str, ...]


def _required(ref: TargetRef) -> str:
    target = ref.target
    if isinstance(target, MilestoneTarget):
        return "done"
    if isinstance(target, ChangeTarget):
        word = "cut" if target.direction.value == "decrease" else "growth"
        text = (
            f"{word} {requirement(target.comparator, target.value, target.unit)} on the "
            f"{target.baseline.value.replace('_', ' ')} value"
        )
        if target.limit:
            limit = target.limit
            text += f", and {requirement(limit.comparator, limit.value, limit.unit)}"
        return text
    text = requirement(target.comparator, target.value, target.unit)
    if isinstance(target, FrequencyTarget):
        return f"{text} per {target.period.value} (report the count in the period)"
    if isinstance(target, ThresholdTarget) and target.aggregation:
        text += f" ({target.aggregation.value})"
    return text


def template_rows(measure_set: MeasureSet, department: str | None = None) -> list[TemplateRow]:
    """Every target in plan order, or those of ``department`` (an id) as lead or responsible."""
    rows = []
    for ref in index_targets(measure_set).values():
        measure = ref.measure
        if department and department not in (*measure.lead, *measure.responsible):
            continue
        unit = ref.value_unit
        rows.append(
            TemplateRow(
                target_id=ref.target.id,
                kind=ref.target.kind,
                measure_number=measure.number,
                measure_title_zh=measure.title.zh,
                what_zh=ref.target.what.zh,
                what_en=ref.target.what.en,
                required=_required(ref),
                unit=unit,
                other_units=tuple(convertible_units(unit)[1:]) if unit else (),
                due=ref.due,
                deadline_text=measure.deadline.text,
                lead=tuple(measure.lead),
                responsible=tuple(measure.responsible),
            )
        )
    return rows


def _comment(text: str) -> str:
    return " ".join(text.split())


def _unit_lines(row: TemplateRow, zh: bool) -> list[str]:
    assert row.unit is not None
    described = UNIT_DESCRIPTIONS[row.unit][0]
    if zh:
        lines = [f"    value:        # 单位 {row.unit.value}({described})"]
    else:
        lines = [f"    value:        # in {row.unit.value} ({described})"]
    if row.other_units:
        others = " / ".join(u.value for u in row.other_units)
        if zh:
            lines.append(f"    unit:         # 不填 = {row.unit.value}; 也可填 {others}")
        else:
            lines.append(f"    unit:         # empty = {row.unit.value}; or {others}")
    return lines


# The template's fixed comments in Chinese (--lang zh); keys and values stay as they are.
_ZH = {
    "# Fill in 'value' (in the unit named beside it; percent as 0-100), or for a milestone": (
        "# 填写 'value'(按旁边注明的单位; 百分比填 0-100), 节点类指标填"
    ),
    "# 'state' (done / in_progress / not_started) and 'completed' (YYYY-MM-DD).": (
        "# 'state'(done 已完成 / in_progress 推进中 / not_started 未开始)和 'completed'(完成日期)。"
    ),
    "# Leave a target empty when you do not report it. Then run: bizenv check THIS-FILE": (
        "# 不报送的指标留空即可。填好后运行: bizenv check 本文件"
    ),
    "# Whole-zone template: change 'department' to the unit that reports, if not 区优化办.": (
        "# 全区模板: 报送单位不是区优化办时, 把 'department' 改为报送单位。"
    ),
    "    state:        # done | in_progress | not_started": (
        "    state:        # done(已完成) | in_progress(推进中) | not_started(未开始)"
    ),
    "    completed:    # YYYY-MM-DD, when done": "    completed:    # 完成日期 YYYY-MM-DD",
    "    baseline:     # the earlier value the change is measured against": (
        "    baseline:     # 基期值: 变化幅度据此计算"
    ),
    "      value:      # the earlier value, in the same unit as value": (
        "      value:      # 基期的数值, 单位与 value 相同"
    ),
    '      period:     # e.g. "2020"': '      period:     # 基期, 如 "2020"',
    "    sample_size:  # number of cases, if any": "    sample_size:  # 办件数(如有)",
    "    evidence:     # document reference": "    evidence:     # 佐证材料(文号等)",
}


def yaml_template(
    measure_set: MeasureSet, *, period: str, department: str | None = None, lang: str = "en"
) -> str:
    """The YAML text of a template for ``period`` ("2021-Q2"), all targets or ``department``'s;
    its comments in Chinese with ``lang="zh"`` (the requirement itself stays as written)."""
    rows = template_rows(measure_set, department)
    zh = lang == "zh"
    who = department or ZONE_REPORTER
    name = measure_set.index.by_id[who].name if who in measure_set.index.by_id else who
    title = (
        f"# bizenv 报送模板: {name}({who}), 报送期 {period}, 共 {len(rows)} 项指标。"
        if zh
        else f"# bizenv submission template: {name} ({who}), period {period}, {len(rows)} targets."
    )
    out = [
        title,
        "# Fill in 'value' (in the unit named beside it; percent as 0-100), or for a milestone",
        "# 'state' (done / in_progress / not_started) and 'completed' (YYYY-MM-DD).",
        "# Leave a target empty when you do not report it. Then run: bizenv check THIS-FILE",
    ]
    if department is None:
        out.append(
            "# Whole-zone template: change 'department' to the unit that reports, if not 区优化办."
        )
    out += [f"department: {who}", f"period: {json.dumps(period)}", "entries:"]
    if not rows:
        out[-1] = "entries: {}"
    measure = 0
    for row in rows:
        if row.measure_number != measure:
            measure = row.measure_number
            out.append(
                f"  # {measure}. {_comment(row.measure_title_zh)} (完成时限: {row.deadline_text})"
            )
        out.append(f"  {row.target_id}:")
        out.append(f"    # {_comment(row.what_zh)}")
        out.append(f"    # {_comment(row.what_en)}")
        if zh:
            due = f"; 期限 {row.due}" if row.due else "; 长期推进"
            out.append(f"    # 要求: {_comment(row.required)}{due}")
        else:
            due = f"; due {row.due}" if row.due else "; ongoing"
            out.append(f"    # required: {_comment(row.required)}{due}")
        if row.kind == "milestone":
            out.append("    state:        # done | in_progress | not_started")
            out.append("    completed:    # YYYY-MM-DD, when done")
        else:
            out.extend(_unit_lines(row, zh))
            if row.kind == "change":
                out.append("    baseline:     # the earlier value the change is measured against")
                out.append("      value:      # the earlier value, in the same unit as value")
                out.append('      period:     # e.g. "2020"')
            out.append("    sample_size:  # number of cases, if any")
        out.append("    evidence:     # document reference")
        out.append("    note:")
    if zh:
        out = [_ZH.get(line, line) for line in out]
    return "\n".join(out) + "\n"

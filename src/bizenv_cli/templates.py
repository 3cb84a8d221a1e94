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

from bizenv_cli.evaluation.explain import requirement
from bizenv_cli.evaluation.targets import TargetRef, index_targets
from bizenv_cli.loading.measureset import MeasureSet
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


def _unit_lines(row: TemplateRow) -> list[str]:
    assert row.unit is not None
    lines = [f"    value:        # in {row.unit.value} ({UNIT_DESCRIPTIONS[row.unit][0]})"]
    if row.other_units:
        others = " / ".join(u.value for u in row.other_units)
        lines.append(f"    unit:         # empty = {row.unit.value}; or {others}")
    return lines


def yaml_template(measure_set: MeasureSet, *, period: str, department: str | None = None) -> str:
    """The YAML text of a template for ``period`` ("2021-Q2"), all targets or ``department``'s."""
    rows = template_rows(measure_set, department)
    who = department or ZONE_REPORTER
    name = measure_set.index.by_id[who].name if who in measure_set.index.by_id else who
    out = [
        f"# bizenv submission template: {name} ({who}), period {period}, {len(rows)} targets.",
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
        due = f"; due {row.due}" if row.due else "; ongoing"
        out.append(f"    # required: {_comment(row.required)}{due}")
        if row.kind == "milestone":
            out.append("    state:        # done | in_progress | not_started")
            out.append("    completed:    # YYYY-MM-DD, when done")
        else:
            out.extend(_unit_lines(row))
            if row.kind == "change":
                out.append("    baseline:     # the earlier value the change is measured against")
                out.append("      value:      # the earlier value, in the same unit as value")
                out.append('      period:     # e.g. "2020"')
            out.append("    sample_size:  # number of cases, if any")
        out.append("    evidence:     # document reference")
        out.append("    note:")
    return "\n".join(out) + "\n"

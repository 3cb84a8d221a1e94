"""What every `bizenv check` output format shares: the context, status words, short cells."""

from __future__ import annotations

from dataclasses import dataclass, field

from bizenv_cli.evaluation.explain import quantity, requirement
from bizenv_cli.evaluation.result import FAILING_BY_DEFAULT, CheckResult, Status, TargetResult
from bizenv_cli.models.plan import Department

STATUS_ORDER: tuple[Status, ...] = tuple(Status)


@dataclass(frozen=True)
class ReportContext:
    names: dict[str, str] = field(default_factory=dict)  # department id -> Chinese name
    failing: frozenset[Status] = frozenset(FAILING_BY_DEFAULT)  # statuses that make the check fail
    departments: tuple[Department, ...] = ()  # departments.yaml, in its order (xlsx sheets)


def status_label(result: TargetResult) -> str:
    """``overdue``, ``met (late)``, ``at_risk (due soon)``."""
    label = result.status.value
    if result.late:
        label += " (late)"
    if result.due_soon:
        label += " (due soon)"
    return label


def days_text(result: TargetResult) -> str:
    if result.days_overdue is not None:
        return f"{result.days_overdue} days overdue"
    if result.days_left is not None:
        return f"{result.days_left} days left"
    return ""


def due_text(result: TargetResult) -> str:
    if result.due is None:
        return result.deadline.text
    return result.due.isoformat() + (" then ongoing" if result.deadline.ongoing else "")


def required_text(result: TargetResult) -> str:
    """What the target asks for, in one short phrase."""
    if result.kind == "milestone":
        return "done"
    assert result.comparator is not None and result.required is not None
    if result.change is not None or result.kind == "change":
        word = (
            "cut"
            if result.change is None or result.change.direction.value == "decrease"
            else "growth"
        )
        return f"{word} {requirement(result.comparator, result.required, result.required_unit)}"
    return requirement(result.comparator, result.required, result.required_unit)


def reported_text(result: TargetResult) -> str:
    if result.state is not None and result.kind == "milestone":
        text = result.state.value
        return text + (f" {result.completed}" if result.completed else "")
    if result.reported is None:
        return ""
    return quantity(result.reported, result.unit)


def units_text(ids: list[str], names: dict[str, str]) -> str:
    return "、".join(names.get(i, i) for i in ids)


def lead_text(result: TargetResult, names: dict[str, str]) -> str:
    """The lead units, or the responsible units in brackets when the measure names no lead."""
    if result.lead:
        return units_text(result.lead, names)
    if result.responsible:
        return f"({units_text(result.responsible, names)})"
    return ""


def summary_line(result: CheckResult) -> str:
    counts = ", ".join(f"{s.value} {result.summary.get(s, 0)}" for s in STATUS_ORDER)
    total = sum(result.summary.values())
    return f"{total} targets on {result.as_of}: {counts}"

"""What every `bizenv check` output format shares: the context, status words, short cells."""

from __future__ import annotations

from dataclasses import dataclass, field

from bizenv_cli.evaluation.result import FAILING_BY_DEFAULT, CheckResult, Status, TargetResult
from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.explain import render
from bizenv_cli.i18n.numbers import quantity, requirement
from bizenv_cli.i18n.zh_words import zh_date
from bizenv_cli.models.plan import Department

STATUS_ORDER: tuple[Status, ...] = tuple(Status)


@dataclass(frozen=True)
class ReportContext:
    names: dict[str, str] = field(default_factory=dict)  # department id -> Chinese name
    failing: frozenset[Status] = frozenset(FAILING_BY_DEFAULT)  # statuses that make the check fail
    departments: tuple[Department, ...] = ()  # departments.yaml, in its order (xlsx sheets)
    # The language of the words around the data (--lang); junit and github stay English.
    msg: Messages = field(default_factory=lambda: Messages("en"))

    @property
    def zh(self) -> bool:
        return self.msg.lang == "zh"


def status_label(result: TargetResult, msg: Messages | None = None) -> str:
    """``overdue``, ``met (late)``, ``at_risk (due soon)``; 逾期, 达标(逾期完成)... in zh."""
    if msg is not None and msg.lang == "zh":
        label = msg.status(result.status.value) + ("（逾期完成）" if result.late else "")
        return label + ("（即将到期）" if result.due_soon else "")
    label = result.status.value
    if result.late:
        label += " (late)"
    if result.due_soon:
        label += " (due soon)"
    return label


def period_mark(result: TargetResult, checked: str | None, zh: bool) -> str:
    """' (reported for 2021-Q1)' when the value used is another period's than the one
    checked; '' otherwise."""
    if result.period is None or checked is None or result.period == checked:
        return ""
    if result.reported is None and result.state is None:
        return ""
    return f"（报送期{result.period}）" if zh else f" (reported for {result.period})"


def explanation(result: TargetResult, msg: Messages) -> str:
    """The explanation in ``msg``'s language (English: the JSON's own text)."""
    if msg.lang == "en" or not result.explained:
        return result.explanation
    return render(result.explained, msg)


def days_text(result: TargetResult, msg: Messages | None = None) -> str:
    zh = msg is not None and msg.lang == "zh"
    if result.days_overdue is not None:
        days = result.days_overdue
        return f"逾期 {days} 天" if zh else f"{days} days overdue"
    if result.days_left is not None:
        days = result.days_left
        return f"剩 {days} 天" if zh else f"{days} days left"
    return ""


def due_text(result: TargetResult, msg: Messages | None = None) -> str:
    if result.due is None:
        return result.deadline.text
    if msg is not None and msg.lang == "zh":  # 2021年6月30日后长期推进
        return zh_date(result.due) + ("后长期推进" if result.deadline.ongoing else "")
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


def lead_text(result: TargetResult, names: dict[str, str], zh: bool = False) -> str:
    """The lead units, or the responsible units in brackets when the measure names no lead."""
    if result.lead:
        return units_text(result.lead, names)
    if result.responsible:
        shown = units_text(result.responsible, names)
        return f"（{shown}）" if zh else f"({shown})"
    return ""


def summary_line(result: CheckResult, ctx: ReportContext | None = None) -> str:
    """``101 targets on 2021-06-30: met 30, ...``; with --department, whose targets they are."""
    total = sum(result.summary.values())
    unit = ctx.names.get(result.department, result.department) if ctx and result.department else ""
    if ctx is not None and ctx.zh:
        counts = "，".join(f"{ctx.msg.status(s)} {result.summary.get(s, 0)}" for s in STATUS_ORDER)
        return f"{unit + ' ' if unit else ''}{total} 项目标，截至{zh_date(result.as_of)}：{counts}"
    counts = ", ".join(f"{s.value} {result.summary.get(s, 0)}" for s in STATUS_ORDER)
    return f"{total} targets{' of ' + unit if unit else ''} on {result.as_of}: {counts}"

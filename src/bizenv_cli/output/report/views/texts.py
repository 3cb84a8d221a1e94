"""The words of one target's row, in the report's language: reported, required, days.

Shared by the terminal renderers and the Markdown reporter. Numbers read as in
`bizenv check` (at most two decimals); units come from the message catalogue.
"""

from __future__ import annotations

import re
from datetime import date

from bizenv_cli.evaluation.result import Status, TargetResult
from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.numbers import number, percent
from bizenv_cli.i18n.zh_words import zh_amount, zh_date, zh_requirement
from bizenv_cli.models.plan import Department


def quantity(value: float, unit: str | None, msg: Messages) -> str:
    if msg.lang == "zh":
        return zh_amount(value, unit)  # 27.5个工作日, as everywhere in Chinese
    label = msg.unit(unit)
    if label in ("%", ""):
        return f"{number(value)}{label}"
    return f"{number(value)} {label}"


def reported(result: TargetResult, msg: Messages) -> str:
    """What was reported, converted to the target's unit ("(none)" when nothing)."""
    if result.kind == "milestone":
        if result.state is None:
            return msg("value.none")
        text = msg(f"state.{result.state.value}")
        if result.completed is not None:
            text = msg("value.completed", state=text, date=day(result.completed, msg))
        return text + (msg("value.late") if result.late else "")
    if result.reported is None:
        return msg("value.none")
    text = quantity(result.reported, result.unit, msg)
    change = result.change
    if change is not None:
        text += ", " + msg("value.change", change=percent(change.change_percent))
        parts = [p for p in result.failed_parts if p in ("change", "limit")]
        if change.limit_comparator is not None and parts:
            # Two conditions (a cut and a ceiling): say which one failed.
            text += "; " + msg("value.failed", parts=", ".join(msg(f"part.{p}") for p in parts))
    return text


def required(result: TargetResult, msg: Messages) -> str:
    """What the target asks for: "<= 30 working days", "cut >= 20 %, <= 8.5 h", "done"."""
    if result.kind == "milestone":
        return msg("milestone.required")
    if result.comparator is None or result.required is None:
        return ""
    change = result.change
    if change is not None and msg.lang == "zh":  # 降低不少于20%，且不超过8.5小时
        direction = msg(f"direction.{change.direction.value}")
        text = f"{direction}{zh_requirement(result.comparator, result.required, None)}%"
        if change.limit_comparator is not None and change.limit_value is not None:
            limit = zh_requirement(change.limit_comparator, change.limit_value, change.limit_unit)
            text += f"，且{limit}"
        return text
    if change is not None:
        text = msg(
            "value.required_change",
            direction=msg(f"direction.{change.direction.value}"),
            comparator=result.comparator.value,
            value=number(result.required),
        )
        if change.limit_comparator is not None and change.limit_value is not None:
            limit = quantity(change.limit_value, change.limit_unit, msg)
            text += f", {change.limit_comparator.value} {limit}"
        return text
    if msg.lang == "zh":
        return zh_requirement(result.comparator, result.required, result.required_unit)
    return f"{result.comparator.value} {quantity(result.required, result.required_unit, msg)}"


def days(result: TargetResult, msg: Messages) -> str:
    """Days overdue for overdue and missing targets, days left for the ones still ahead."""
    if result.status in (Status.overdue, Status.missing) and result.days_overdue is not None:
        return msg("days.overdue", days=result.days_overdue)
    if result.days_left is not None and result.status in (Status.at_risk, Status.pending):
        return (
            msg("days.today") if result.days_left == 0 else msg("days.left", days=result.days_left)
        )
    return ""


def deadline(result: TargetResult, msg: Messages) -> str:
    """The effective due date, else the plan's words for ongoing work."""
    if result.due is not None:
        return day(result.due, msg)
    return msg("deadline.ongoing") if result.deadline.ongoing else result.deadline.text


def day(when: date, msg: Messages) -> str:
    """2021年6月30日 in Chinese, 2021-06-30 in English."""
    return msg.date(when)


def unit_name(unit_id: str, departments: dict[str, Department], msg: Messages) -> str:
    dept = departments.get(unit_id)
    if dept is None:
        return unit_id
    return dept.name if msg.lang == "zh" else dept.en


def acting_units(result: TargetResult, departments: dict[str, Department], msg: Messages) -> str:
    """ "lead: A, B"; "responsible: C" when the measure names no lead unit."""
    sep = "、" if msg.lang == "zh" else ", "
    role, units = ("lead", result.lead) if result.lead else ("responsible", result.responsible)
    if not units:
        return ""
    names = sep.join(unit_name(u, departments, msg) for u in units)
    return msg("units.line", role=msg(f"role.{role}"), names=names)


def waiver_note(result: TargetResult, msg: Messages) -> str:
    """The waiver a waived target rests on ("豁免至 ..., 理由 ..."); empty otherwise."""
    waiver = result.waiver
    if waiver is None or result.status is not Status.waived:
        return ""
    return msg(
        "waiver.note",
        reason=waiver.reason,
        approved_by=waiver.approved_by,
        expires=day(waiver.expires, msg),
    )


def listed(result: TargetResult, status: Status, msg: Messages) -> str:
    """A target in a unit's list: "高压用户平均办电时间（逾期）" in zh (the status in words,
    on the same line as the title); "! m05-high-voltage-connection-days" in en."""
    if msg.lang == "zh":
        return f"{msg.label(result.target)}（{msg.status(status)}）"
    from bizenv_cli.output.report.views.bars import BAR_CHAR

    return f"{BAR_CHAR[status]} {result.target}"


_EXPIRED = re.compile(
    r"waiver for (?P<target>\S+) \(approved by (?P<by>.*)\) expired on (?P<day>\d{4}-\d\d-\d\d): "
    r"it no longer applies and the target is judged on what was reported"
)
_SLUG = re.compile(r"\bm\d\d-[a-z0-9-]+")


def note(text: str, msg: Messages) -> str:
    """A note on the input (``evaluation.waivers.expired_note``) in the report's language:
    under zh in Chinese, each target by its title."""
    if msg.lang != "zh":
        return text
    found = _EXPIRED.fullmatch(text)
    if found is None:  # another note: at least the targets by their titles
        return _SLUG.sub(lambda m: msg.label(m[0]), text)
    day = zh_date(date.fromisoformat(found["day"]))
    return (
        f"{msg.label(found['target'])}的豁免（批准：{found['by']}）已于{day}到期，"
        "不再适用，该目标按报送情况判定。"
    )

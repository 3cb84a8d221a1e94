"""The 督办通知: one per unit with open items, with everything the office signs: title,
document number, date, addressee, the items, what to send back and by when, the contact
line and the issuer. Numbers come from the ledger when one is kept (numbering.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from bizenv_cli.models.ledger import Event, ItemState, Ledger
from bizenv_cli.models.plan import Department
from bizenv_cli.models.supervision import SupervisionRules
from bizenv_cli.supervision.found import Found
from bizenv_cli.supervision.numbering import issue
from bizenv_cli.supervision.wording import CYCLE_ZH, document_number, zh_date

TITLE = "督办通知"


@dataclass(frozen=True)
class Notice:
    unit: str
    unit_name: str
    number: str  # the document number; a blank for the serial when no ledger is kept
    numbered: bool  # the number was issued from the ledger
    date: date
    subject: str
    intro: str
    items: tuple[Found, ...]
    reply: str  # what to send back and by when
    contact: str
    issuer: str
    plan: str


def contact_line(rules: SupervisionRules) -> str:
    c = rules.contact
    line = f"联系人：{c.person}；联系电话：{c.phone}"
    return line + (f"；电子邮箱：{c.email}" if c.email else "") + "。"


def reply_text(items: Sequence[Found], rules: SupervisionRules) -> str:
    """What to send back, to whom and by when (the earliest deadline of the items)."""
    reply_by = min(f.rectify_by for f in items)
    cycle = CYCLE_ZH[rules.feedback.cycle]
    return (
        f"请于{zh_date(reply_by)}前将整改落实情况及佐证材料书面报送{rules.issuer.short_name}"
        f"（各项整改时限见上表）；整改完成前，{cycle}结束后{rules.feedback.due_days}个工作日内"
        "报送进展情况。"
    )


def build(
    found: Sequence[Found],
    departments: Mapping[str, Department],
    rules: SupervisionRules,
    day: date,
    plan_title: str,
) -> list[Notice]:
    """The notices of ``found`` dated ``day``, unnumbered, units in departments.yaml order."""
    order = {unit: i for i, unit in enumerate(departments)}
    units = sorted({f.unit for f in found}, key=lambda u: (order.get(u, len(order)), u))
    office = rules.issuer
    notices = []
    for unit in units:
        mine = tuple(f for f in found if f.unit == unit)
        name = departments[unit].name if unit in departments else unit
        notices.append(
            Notice(
                unit=unit,
                unit_name=name,
                number=document_number(office.number_prefix, day.year, None),
                numbered=False,
                date=day,
                subject=f"关于督促{name}限期整改营商环境目标任务的通知",
                intro=f"根据{zh_date(day)}对《{plan_title}》目标任务完成情况的检查，你单位牵头"
                f"或负责的以下{len(mine)}项目标任务未达到要求，现予督办。请逐项整改落实：",
                items=mine,
                reply=reply_text(mine, rules),
                contact=contact_line(rules),
                issuer=office.name,
                plan=plan_title,
            )
        )
    return notices


def number(
    notices: Sequence[Notice], ledger: Ledger, rules: SupervisionRules
) -> tuple[list[Notice], Ledger]:
    """The notices numbered from ``ledger`` (recorded in it, with each item's notice), and
    each item's deadline as the ledger has it (an agreed extension moves it)."""
    numbered = []
    for notice in notices:
        open_items = {(i.target, i.unit): i for i in ledger.items if i.state is ItemState.open}
        mine = [open_items.get((f.target, f.unit)) for f in notice.items]
        ids = [i.id for i in mine if i is not None]
        ledger, issued = issue(ledger, rules.issuer.number_prefix, notice.unit, notice.date, ids)
        items = tuple(
            replace(f, rectify_by=i.rectify_by) if i is not None else f
            for f, i in zip(notice.items, mine, strict=True)
        )
        marked = []
        for item in ledger.items:
            if item.id in ids and issued.number not in item.notices:
                event = Event(date=notice.date, event="notice", detail=issued.number)
                item = item.model_copy(
                    update={
                        "notices": [*item.notices, issued.number],
                        "history": [*item.history, event],
                    }
                )
            marked.append(item)
        ledger = ledger.model_copy(update={"items": marked})
        numbered.append(
            replace(
                notice,
                number=issued.number,
                numbered=True,
                items=items,
                reply=reply_text(items, rules),
            )
        )
    return numbered, ledger

"""`bizenv ledger update`: a check's failures into the ledger. New failures open items,
open items stay open, an item whose target a later check shows met is closed with the date
and what the check saw (成效检验), items past their rectification deadline are marked.
Staff fields (feedback, extensions, notes, escalated) are carried over untouched."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bizenv_cli.evaluation.result import CheckResult, Status, TargetResult
from bizenv_cli.models.ledger import Event, FoundStatus, Item, ItemState, Ledger
from bizenv_cli.supervision.found import Found, reported_text
from bizenv_cli.supervision.wording import status_zh


@dataclass(frozen=True)
class Changes:
    opened: int
    closed: int
    still_open: int
    past_deadline: int


def _serials(ledger: Ledger, year: int) -> int:
    prefix = f"DB{year}-"
    serials = (int(i.id[len(prefix) :]) for i in ledger.items if i.id.startswith(prefix))
    return max(serials, default=0)


def evidence(result: TargetResult, names: Mapping[str, str]) -> str:
    """What the check that closes an item saw: the period, the unit, the value, the proof."""
    reporter = names.get(result.reporter or "", result.reporter or "")
    parts = [f"{result.period or ''} {reporter}".strip(), reported_text(result)]
    if result.evidence:
        parts.append(f"佐证：{result.evidence}")
    if result.status is Status.waived and result.waiver is not None:
        parts = [f"已豁免：{result.waiver.reason}（{result.waiver.approved_by}）"]
    return "；".join(p for p in parts if p)


def _event(item: Item, day: date, kind: str, detail: str) -> list[Event]:
    return [*item.history, Event(date=day, event=kind, detail=detail)]


def update(
    ledger: Ledger,
    found: Sequence[Found],
    result: CheckResult,
    names: Mapping[str, str] | None = None,
) -> tuple[Ledger, Changes]:
    """The ledger after the check ``result`` (on ``result.as_of``) found ``found``;
    ``names``: unit id -> Chinese name, for the evidence."""
    day = result.as_of
    results = {r.target: r for r in result.results}
    now = {(f.target, f.unit): f for f in found}
    items: list[Item] = []
    seen: set[tuple[str, str]] = set()
    closed = past = 0
    for item in ledger.items:
        key = (item.target, item.unit)
        if item.state is ItemState.closed:
            items.append(item)
            continue
        seen.add(key)
        r = results.get(item.target)
        if key in now or r is None or r.status not in (Status.met, Status.waived):
            status = now[key].status.value if key in now else (r.status.value if r else "")
            if status and status != item.status_now:
                history = _event(item, day, "status", status_zh(status))
                item = item.model_copy(update={"status_now": status, "history": history})
            if day > item.rectify_by and not any(e.event == "past_deadline" for e in item.history):
                detail = f"整改时限为{item.rectify_by.isoformat()}"
                history = _event(item, day, "past_deadline", detail)
                item = item.model_copy(update={"history": history})
                past += 1
            items.append(item)
            continue
        proof = evidence(r, names or {})
        items.append(
            item.model_copy(
                update={
                    "state": ItemState.closed,
                    "closed": day,
                    "evidence": proof,
                    "status_now": r.status.value,
                    "history": _event(item, day, "closed", proof),
                }
            )
        )
        closed += 1
    opened = 0
    serial = _serials(ledger, day.year)
    for f in found:
        if (f.target, f.unit) in seen:
            continue
        serial += 1
        opened += 1
        items.append(
            Item(
                id=f"DB{day.year}-{serial:03d}",
                target=f.target,
                unit=f.unit,
                opened=day,
                found=FoundStatus(f.status.value),
                status_now=f.status.value,
                reported=f.reported,
                rectify_by=f.rectify_by,
                history=[Event(date=day, event="opened", detail=status_zh(f.status.value))],
            )
        )
    still = sum(1 for i in items if i.state is ItemState.open)
    changed = ledger.model_copy(update={"items": items})
    return changed, Changes(opened, closed, still - opened, past)


def last_update(ledger: Ledger) -> date | None:
    """The as-of date of the latest update (its latest opened, closed or status event)."""
    kinds = ("opened", "status", "past_deadline", "closed")
    days = [e.date for i in ledger.items for e in i.history if e.event in kinds]
    return max(days, default=None)

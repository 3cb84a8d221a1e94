"""`bizenv ledger show`: the items as JSON (exactly the issue's keys), a table (zh or en)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bizenv_cli.sanitize import clean, no_commands
from bizenv_cli.supervision.view import Shown
from bizenv_cli.supervision.wording import EVENT_ZH, LIGHT_ZH, STATE_ZH, status_zh, zh_date


def ledger_json(rows: Sequence[Shown]) -> dict[str, Any]:
    return {
        "items": [
            {
                "id": s.item.id,
                "target": s.item.target,
                "unit": s.item.unit,
                "opened": s.item.opened.isoformat(),
                "rectify_by": s.item.rectify_by.isoformat(),
                "status": s.item.state.value,
                "light": s.light.colour,
                "feedback": [{"date": f.date.isoformat(), "text": f.text} for f in s.item.feedback],
            }
            for s in rows
        ]
    }


def days_text(s: Shown, zh: bool) -> str:
    left = s.light.days_left
    if left is None:
        closed = s.item.closed.isoformat() if s.item.closed else ""
        return f"{zh_date(s.item.closed)}办结" if zh and s.item.closed else f"closed {closed}"
    if left < 0:
        return f"超期{-left}个工作日" if zh else f"{-left} working days overdue"
    return f"剩{left}个工作日" if zh else f"{left} working days left"


def row_texts(
    s: Shown, names: Mapping[str, str], zh: bool, titles: Mapping[str, str] | None = None
) -> dict[str, str]:
    """One item's cells, cleaned (control and bidi characters as escapes); under zh the
    target by its short title (``titles``: id -> title), else its id."""
    item = s.item
    feedback = "\n".join(f"{f.date.isoformat()} {f.text}" for f in item.feedback)
    extended = "\n".join(
        f"{e.date.isoformat()} {e.old.isoformat()}→{e.new.isoformat()} {e.reason}"
        for e in item.extensions
    )
    history = "\n".join(
        f"{e.date.isoformat()} {EVENT_ZH[e.event] if zh else e.event} {e.detail}".strip()
        for e in item.history
    )
    late = s.light.feedback_due
    cells = {
        "id": item.id,
        "light": LIGHT_ZH[s.light.colour] if zh else s.light.colour,
        "unit": names.get(item.unit, item.unit),
        "target": (titles or {}).get(item.target, item.target) if zh else item.target,
        "found": status_zh(item.found.value) if zh else item.found.value,
        "opened": item.opened.isoformat(),
        "rectify_by": item.rectify_by.isoformat(),
        "days": days_text(s, zh),
        "state": STATE_ZH[item.state.value] if zh else item.state.value,
        "feedback": feedback
        + (f"\n反馈逾期（应于{zh_date(late)}前）" if late and zh else "")
        + (f"\nfeedback late (due {late})" if late and not zh else ""),
        "extensions": extended,
        "notes": item.notes,
        "evidence": item.evidence,
        "history": history,
        "escalated": ("已升级" if zh else "escalated") if item.escalated else "",
    }
    return {key: clean(value, keep="\n") for key, value in cells.items()}


HEADS = {
    "zh": ("编号", "灯", "单位", "指标", "发现时", "发现日期", "整改时限", "剩余", "状态", "反馈"),
    "en": (
        "id",
        "light",
        "unit",
        "target",
        "found",
        "opened",
        "rectify by",
        "left",
        "state",
        "feedback",
    ),
}
KEYS = (
    "id",
    "light",
    "unit",
    "target",
    "found",
    "opened",
    "rectify_by",
    "days",
    "state",
    "feedback",
)


def ledger_table(
    rows: Sequence[Shown],
    names: Mapping[str, str],
    zh: bool,
    titles: Mapping[str, str] | None = None,
) -> str:
    """A plain table: tab-separated, a line per item (feedback lines indented under it),
    then each item's history."""
    heads = HEADS["zh" if zh else "en"]
    lines = ["\t".join(heads)]
    for s in rows:
        cells = row_texts(s, names, zh, titles)
        first, *more = cells["feedback"].split("\n") if cells["feedback"] else [""]
        lines.append("\t".join([*(cells[k] for k in KEYS[:-1]), first]))
        lines += [f"\t\t{line}" for line in more]
        for line in cells["history"].split("\n") if cells["history"] else []:
            lines.append(f"\t\t{'经过' if zh else 'history'}: {line}")
    open_count = sum(1 for s in rows if s.item.state.value == "open")
    red = sum(1 for s in rows if s.light.colour == "red" and s.item.state.value == "open")
    lines.append(
        f"共{len(rows)}项，在办{open_count}项，其中红灯{red}项。"
        if zh
        else f"{len(rows)} items, {open_count} open, {red} red."
    )
    return no_commands("\n".join(lines))

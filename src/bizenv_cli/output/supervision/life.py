"""An item's whole life as text (zh or en) or JSON: ``history --ledger FILE --item ID``."""

from __future__ import annotations

import json
from collections.abc import Mapping

from bizenv_cli.models.ledger import Item
from bizenv_cli.sanitize import clean, json_safe, no_commands
from bizenv_cli.supervision.life import Step
from bizenv_cli.supervision.wording import EVENT_ZH, STATE_ZH, STATUS_ZH, zh_date

KIND_ZH = {**EVENT_ZH, "feedback": "单位反馈", "extension": "同意延期"}


def life_json(item: Item, steps: list[Step]) -> str:
    data = {
        "item": {
            "id": item.id, "target": item.target, "unit": item.unit,
            "opened": item.opened.isoformat(), "rectify_by": item.rectify_by.isoformat(),
            "status": item.state.value,
            "closed": item.closed.isoformat() if item.closed else None,
        },
        "life": [{"date": s.date.isoformat(), "kind": s.kind, "detail": s.detail} for s in steps],
    }  # fmt: skip
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2))


def life_text(
    item: Item, steps: list[Step], names: Mapping[str, str], lang: str, title: str | None = None
) -> str:
    """``title``: the target's Chinese title (its id when None)."""
    unit = clean(names.get(item.unit, item.unit))
    if lang == "zh":
        head = [
            f"督办事项 {item.id}：{unit}，指标“{clean(title or item.target)}”",
            f"立项：{zh_date(item.opened)}（{STATUS_ZH.get(item.found.value, item.found.value)}）"
            f"；整改时限：{zh_date(item.rectify_by)}；状态：{STATE_ZH[item.state.value]}",
        ]
        lines = [f"{zh_date(s.date)}  {KIND_ZH.get(s.kind, s.kind)}：{clean(s.detail)}"
                 for s in steps]  # fmt: skip
    else:
        head = [
            f"Supervision item {item.id}: {unit}, target {clean(item.target)}",
            f"opened {item.opened} ({item.found.value}); rectify by {item.rectify_by}; "
            f"{item.state.value}",
        ]
        lines = [f"{s.date}  {s.kind}: {clean(s.detail)}" for s in steps]
    return no_commands("\n".join([*head, "", *lines]))

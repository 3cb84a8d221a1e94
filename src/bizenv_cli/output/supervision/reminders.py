"""The return reminders (催报): a table in Chinese, or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from bizenv_cli.sanitize import clean, no_commands
from bizenv_cli.supervision.reminders import Reminder
from bizenv_cli.supervision.wording import CYCLE_ZH, zh_date


def reminders_json(found: Sequence[Reminder], day: date) -> dict[str, Any]:
    return {
        "as_of": day.isoformat(),
        "reminders": [
            {
                "unit": r.unit,
                "unit_name": r.unit_name,
                "cycle": r.cycle.value,
                "period": {"start": r.period_start.isoformat(), "end": r.period_end.isoformat()},
                "due": r.due.isoformat(),
                "days_left": r.days_left,
                "late": r.late,
            }
            for r in found
        ],
    }


def reminders_table(found: Sequence[Reminder], day: date) -> str:
    """One line per unit, late ones first: 单位、周期、应报日期、状态."""
    if not found:
        return f"截至{zh_date(day)}，没有需要催报的单位。"
    lines = [f"催报清单（截至{zh_date(day)}）", "单位\t报送周期\t所属期间\t应报日期\t情况"]
    for r in found:
        state = f"已逾期{-r.days_left}个工作日" if r.late else f"还剩{r.days_left}个工作日"
        period = f"{zh_date(r.period_start)}至{zh_date(r.period_end)}"
        lines.append(
            "\t".join((clean(r.unit_name), CYCLE_ZH[r.cycle], period, zh_date(r.due), state))
        )
    return no_commands("\n".join(lines))

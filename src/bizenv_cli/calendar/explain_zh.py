"""``bizenv workdays --lang zh``: the count of ``explain.count`` told in Chinese, dates as
2021年6月30日, full-width punctuation."""

from __future__ import annotations

from datetime import date, datetime

from bizenv_cli.calendar.explain import Count
from bizenv_cli.i18n.dates import zh_date

WEEKDAYS = "一二三四五六日"


def _shown(moment: date | datetime) -> str:
    if isinstance(moment, datetime):
        return f"{zh_date(moment.date())} {moment:%H:%M}"
    return zh_date(moment)


def _days(days: list[date], limit: int = 12) -> str:
    shown = "、".join(f"{zh_date(d)}（周{WEEKDAYS[d.weekday()]}）" for d in days[:limit])
    return shown + (f"等，另有 {len(days) - limit} 天" if len(days) > limit else "")


def describe_zh(found: Count) -> list[str]:
    """Text lines: the number first, then what it is made of."""
    rest = found.calendar_days - found.working_days
    lines = [
        f"从{_shown(found.start)}到{_shown(found.end)}：{found.working_days} 个工作日",
        f"  起始日之后共 {found.calendar_days} 个自然日：工作日 {found.working_days} 天，"
        f"休息日 {rest} 天",
    ]
    if found.holiday_weekdays:
        lines.append(f"  放假的工作日（不计）：{_days(found.holiday_weekdays)}")
    if found.makeup_days:
        lines.append(f"  调休上班的周末（计入）：{_days(found.makeup_days)}")
    if found.office_seconds is not None:
        minutes = found.office_seconds // 60
        share = found.office_seconds / found.office_day_seconds
        hours = found.office_day_seconds / 3600
        lines.append(
            f"  办公时间：{minutes // 60} 小时 {minutes % 60:02d} 分钟，"
            f"合 {share:.2f} 个办公日（每个办公日 {hours:g} 小时）"
        )
    return lines

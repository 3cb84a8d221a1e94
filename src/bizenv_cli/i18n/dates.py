"""Dates in Chinese text: 2021年6月30日 (ISO dates stay in JSON, YAML and file names)."""

from __future__ import annotations

from datetime import date


def zh_date(day: date) -> str:
    """2021-06-30 -> 2021年6月30日."""
    return f"{day.year}年{day.month}月{day.day}日"


def day_text(day: date, lang: str) -> str:
    """``day`` as Chinese text under zh, ISO otherwise."""
    return zh_date(day) if lang == "zh" else day.isoformat()

"""Messages of the report's charts (``output.report.chart_build``): key -> (zh-CN, en).

Kept beside the main catalogue and merged into it (``catalogue.MESSAGES``); the same
rules hold (no East-Asian ambiguous-width characters; tests/report/test_i18n.py).
"""

from __future__ import annotations

CHART_MESSAGES: dict[str, tuple[str, str]] = {
    "chart.chapters": ("各章目标完成情况", "Targets by status, per chapter"),
    "chart.units": ("需督办单位的目标完成情况", "Targets by status, per unit that must act"),
    "chart.count": ("目标数（个）", "Targets"),
    "chart.chapter": ("章", "Chapter"),
    "chart.unit": ("单位", "Unit"),
    "chart.trend": ("各章到期目标达标率趋势", "Share of due targets met, by chapter: the trend"),
    "chart.period": ("报送期", "Period"),
    "chart.share": ("达标率（%）", "Share met (%)"),
    "chart.target": ("{title}：各期报送值", "{title}: reported by period"),
    "chart.value": ("报送值（{unit}）", "Reported ({unit})"),
    "chart.value_plain": ("报送值", "Reported"),
    "chart.limit": ("要求：{required}", "Required: {required}"),
    "chart.more": ("（另有{count}个单位未列出）", " ({count} more units not shown)"),
}

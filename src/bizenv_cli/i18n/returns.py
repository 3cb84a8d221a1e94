"""Messages of the report's returns view (``--by returns``): key -> (zh-CN, en).

Kept beside the main catalogue and merged into it (``catalogue.MESSAGES``); the same
rules hold (no East-Asian ambiguous-width characters; tests/report/test_i18n.py).
"""

from __future__ import annotations

RETURNS_MESSAGES: dict[str, tuple[str, str]] = {
    "view.returns": (
        "报送情况：{period}（{start} 至 {end}）",
        "Returns for {period} ({start} to {end})",
    ),
    "view.returns_none": ("报送情况：尚未收到任何报送", "Returns: no submission received"),
    # after the heading, by supervision.yaml's feedback cycle (supervision/returns_due.py)
    "view.returns_due": (
        "，报送截止{year}年{month}月{day}日", "; returns due {year}-{month:02d}-{day:02d}"
    ),
    "view.returns_late": ("（已过{days}个工作日）", " ({days} working days ago)"),
    "returns.chase": (
        "催报：本期未收到报送的单位（{count} 个）",
        "To chase: units that sent nothing this period ({count})",
    ),
    "returns.chase_none": ("所有单位均已报送。", "Every unit has sent a return."),
    "returns.received": ("已收到报送的单位（{count} 个）", "Units whose returns came in ({count})"),
    "returns.received_none": ("本期尚未收到任何单位的报送。", "No unit's return has come in."),
    "returns.all_reported": ("已全部报送", "all reported"),
    "col.must_report": ("应报", "Targets"),
    "col.as_lead": ("牵头", "Lead"),
    "col.unreported": ("未报", "Unreported"),
    "col.unreported_due": ("已到期", "Due"),
    "col.files_unreported": ("已收文件 / 未报送的目标", "Files received / unreported targets"),
    "col.unreported_targets": ("未报送的目标", "Unreported targets"),
    "col.files": ("已收文件", "Files received"),
}

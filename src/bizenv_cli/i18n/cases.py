"""Messages of `bizenv cases` (the text table): key -> (zh-CN, en). Merged into
``catalogue.MESSAGES``; same rules (no ambiguous-width characters, full-width punctuation)."""

from __future__ import annotations

CASES_MESSAGES: dict[str, tuple[str, str]] = {
    "cases.title": (
        "案件计算结果（{scope}截至{as_of}）：",
        "Cases computed ({scope}as of {as_of}):",
    ),
    "cases.scope": ("{period}，", "period {period}, "),
    "cases.head": (
        "指标|案件数|值|时限|超出|未办结|未办结超出|无法使用的行",
        "target|cases|value|limit|over|open|open over|bad rows",
    ),
    "cases.over": (
        "{target}：超出时限的案件 {count} 件",
        "{target}: {count} case(s) over the limit",
    ),
    "cases.case_head": (
        "案件|文件:行|开始|结束|用时|超出",
        "case|file:row|start|end|duration|over by",
    ),
    "cases.open": ("（未办结）", "(open)"),
    "cases.more": (
        "  另有 {count} 件：--exceptions FILE",
        "  ... {count} more: --exceptions FILE",
    ),
    "cases.bad": (
        "{target}：{count} 行未使用：{counts}",
        "{target}: {count} row(s) not used: {counts}",
    ),
}

# Why a row is not used (``cases.outcome.REASONS``), in Chinese; a test keeps the keys equal.
REASONS_ZH: dict[str, str] = {
    "missing_id": "没有案件编号",
    "bad_start": "开始时间为空或不是时间",
    "bad_end": "结束时间不是时间",
    "outside_calendar": "日期所在年份没有工作日历",
    "end_before_start": "结束早于开始",
    "date_only": "没有具体时刻，无法计算办公时间",
    "duplicate_id": "案件编号与前面的行重复（采用第一行）",
}

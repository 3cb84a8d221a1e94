"""The Chinese words of the supervision documents: dates, statuses, cycles, numbers."""

from __future__ import annotations

import re

# 2021年7月5日: the one helper, re-exported for the supervision outputs.
from bizenv_cli.i18n.dates import zh_date as zh_date
from bizenv_cli.models.supervision import Cycle

STATUS_ZH = {
    "met": "达标",
    "at_risk": "有风险",
    "overdue": "逾期",
    "not_met": "未达标",
    "missing": "未报送",
    "pending": "未到期",
    "waived": "已豁免",
}
STATE_ZH = {"open": "在办", "closed": "已办结"}
EVENT_ZH = {
    "opened": "立项",
    "status": "状态变化",
    "past_deadline": "超过整改时限",
    "closed": "办结",
    "reopened": "重新督办",
    "notice": "发出督办通知",
}
LIGHT_ZH = {"green": "绿灯", "yellow": "黄灯", "red": "红灯"}
CYCLE_ZH = {
    Cycle.monthly: "每月",
    Cycle.quarterly: "每季度",
    Cycle.half_yearly: "每半年",
    Cycle.yearly: "每年",
}


def document_number(prefix: str, year: int, serial: int | None) -> str:
    """葛开优办督〔2021〕7号; without a serial, a blank for the clerk to fill in."""
    return f"{prefix}〔{year}〕{serial if serial is not None else '　　'}号"


def status_zh(status: str) -> str:
    return STATUS_ZH.get(status, status)


_CJK = "\u3400-\u9fff\uff08\uff09"
_HALF_PUNCT = re.compile(rf"(?<=[{_CJK}0-9%])\s*([,;:])\s*|\s*([,;:])\s*(?=[{_CJK}])|([,;:])\s+")
_FULL = {",": "，", ";": "；", ":": "："}
_PARENS = re.compile(rf"\(([^()]*[{_CJK}][^()]*)\)")


def full_width(text: str) -> str:
    """Chinese text with full-width punctuation: '能力,优化' -> '能力，优化', '(注)' -> '（注）'."""
    text = _HALF_PUNCT.sub(lambda m: _FULL[m.group(1) or m.group(2) or m.group(3)], text)
    text = text.replace(" <= ", " ≤ ").replace(" >= ", " ≥ ")
    return _PARENS.sub(r"（\1）", text)

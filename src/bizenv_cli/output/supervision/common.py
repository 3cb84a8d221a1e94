"""What the notice formats share: the table of items as rows of Chinese text, and the
file name of a unit's notice."""

from __future__ import annotations

import re

from bizenv_cli.sanitize import clean
from bizenv_cli.supervision.notices import Notice
from bizenv_cli.supervision.wording import status_zh, zh_date

ITEM_HEADS = ("序号", "举措", "要求（方案原文）", "报送情况", "状态", "整改时限")
ITEM_WIDTHS = (4, 22, 22, 20, 7, 12)
SEAL_SPACE = "（盖章）"
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


def cell(text: str) -> str:
    """Data text for a document: control and bidi characters as visible escapes."""
    return clean(text)


def item_rows(notice: Notice) -> list[tuple[str, ...]]:
    return [
        (
            str(i),
            cell(f"第{f.measure}条 {f.measure_title}（{f.what}）"),
            cell(f.requirement),
            cell(f.reported),
            status_zh(f.status.value),
            zh_date(f.rectify_by),
        )
        for i, f in enumerate(notice.items, 1)
    ]


def file_stem(notice: Notice) -> str:
    """督办通知-区供电公司: the unit's Chinese name, safe as a file name anywhere."""
    name = _UNSAFE_NAME.sub("_", notice.unit_name).strip(" .") or notice.unit
    return f"督办通知-{name[:80]}"


def paragraphs(notice: Notice) -> dict[str, str]:
    """The running text of a notice, cleaned."""
    return {
        "number": cell(notice.number),
        "addressee": cell(f"{notice.unit_name}："),
        "subject": cell(notice.subject),
        "intro": cell(notice.intro),
        "reply": cell(notice.reply),
        "contact": cell(notice.contact),
        "issuer": cell(notice.issuer),
        "date": zh_date(notice.date),
    }

"""`bizenv ledger show --format xlsx -o FILE`: the ledger as a workbook for staff (督办台账),
in Chinese, the light cell filled; every text cell is text, never a formula."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from io import BytesIO

from bizenv_cli.output.check.xlsx import put
from bizenv_cli.output.supervision.ledger import row_texts
from bizenv_cli.supervision.view import Shown
from bizenv_cli.supervision.wording import zh_date

SHEET = "督办台账"
COLUMNS = (
    ("编号", "id", 12),
    ("灯", "light", 6),
    ("责任单位", "unit", 16),
    ("指标", "target", 30),
    ("发现时状态", "found", 10),
    ("发现日期", "opened", 12),
    ("整改时限", "rectify_by", 12),
    ("剩余/超期", "days", 16),
    ("状态", "state", 8),
    ("反馈", "feedback", 40),
    ("延期", "extensions", 30),
    ("备注", "notes", 24),
    ("成效检验", "evidence", 40),
    ("升级", "escalated", 8),
    ("经过", "history", 50),
)
FILL = {"绿灯": "C6EFCE", "黄灯": "FFEB9C", "红灯": "FFC7CE"}


def render(
    rows: Sequence[Shown],
    names: Mapping[str, str],
    day_text: str,
    titles: Mapping[str, str] | None = None,
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    for col, (head, _, width) in enumerate(COLUMNS, 1):
        put(ws, 1, col, head)
        ws.cell(1, col).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, shown in enumerate(rows, 2):
        cells = row_texts(shown, names, zh=True, titles=titles)
        for col, (_, key, _) in enumerate(COLUMNS, 1):
            put(ws, r, col, cells[key])
        colour = FILL.get(cells["light"])
        if colour:
            ws.cell(r, 2).fill = PatternFill("solid", fgColor=colour)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(1, len(rows) + 1)}"
    note = wb.create_sheet("说明")
    put(
        note,
        1,
        1,
        f"截至{day_text}的督办台账；灯：红灯超过整改时限或已升级，黄灯临近时限或反馈逾期。",
    )
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


__all__ = ["render", "zh_date"]

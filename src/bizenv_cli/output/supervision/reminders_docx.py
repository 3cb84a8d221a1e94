"""The return reminders as a 催报通知 (.docx): one document to the units listed, the
late ones first, with the due date of each and the contact line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from io import BytesIO

from bizenv_cli.models.supervision import SupervisionRules
from bizenv_cli.output.supervision.common import SEAL_SPACE, cell
from bizenv_cli.output.supervision.docx import FONT, TITLE_FONT, set_font
from bizenv_cli.supervision.notices import contact_line
from bizenv_cli.supervision.reminders import Reminder
from bizenv_cli.supervision.wording import CYCLE_ZH, zh_date

TITLE = "催报通知"
HEADS = ("序号", "单位", "报送周期", "所属期间", "应报日期", "情况")


def rows(found: Sequence[Reminder]) -> list[tuple[str, ...]]:
    return [
        (
            str(i),
            cell(r.unit_name),
            CYCLE_ZH[r.cycle],
            f"{zh_date(r.period_start)}至{zh_date(r.period_end)}",
            zh_date(r.due),
            f"已逾期{-r.days_left}个工作日" if r.late else f"还剩{r.days_left}个工作日",
        )
        for i, r in enumerate(found, 1)
    ]


def render(found: Sequence[Reminder], day: date, rules: SupervisionRules) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    doc.core_properties.title = TITLE
    office = rules.issuer

    def para(text: str, size: float = 14, align: object = None, bold: bool = False) -> None:
        p = doc.add_paragraph()
        if align is not None:
            p.alignment = align  # type: ignore[assignment]
        set_font(p.add_run(text), TITLE_FONT if bold else FONT, size, bold)

    para(TITLE, 22, WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    names = "、".join(cell(r.unit_name) for r in found)
    para(f"{names}：")
    para(
        f"截至{zh_date(day)}，以下单位的营商环境目标任务完成情况尚未报送。请于应报日期前（已逾期的"
        f"请立即）将报送表报送{cell(office.short_name)}。"
    )
    table = doc.add_table(rows=1, cols=len(HEADS))
    table.style = "Table Grid"
    for c, head in zip(table.rows[0].cells, HEADS, strict=True):
        set_font(c.paragraphs[0].add_run(head), TITLE_FONT, 10.5, bold=True)
    for row in rows(found):
        for c, value in zip(table.add_row().cells, row, strict=True):
            set_font(c.paragraphs[0].add_run(value), FONT, 10.5)
    para(cell(contact_line(rules)))
    doc.add_paragraph()
    para(cell(office.name), align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(f"{zh_date(day)}　{SEAL_SPACE}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()

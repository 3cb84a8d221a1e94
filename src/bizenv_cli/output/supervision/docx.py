"""A notice as .docx (python-docx): what the office edits in Word/WPS, signs and seals."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from bizenv_cli.output.supervision.common import (
    ITEM_HEADS,
    SEAL_SPACE,
    item_rows,
    paragraphs,
)
from bizenv_cli.supervision.notices import TITLE, Notice

FONT = "仿宋"  # the body font of Chinese official documents (GB/T 9704: 仿宋_GB2312)
TITLE_FONT = "宋体"


def set_font(run: object, name: str, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font = run.font  # type: ignore[attr-defined]
    font.name = name
    font.size = Pt(size)
    font.bold = bold
    rpr = run._element.get_or_add_rPr()  # type: ignore[attr-defined]
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def render(notice: Notice) -> bytes:
    """The notice as the bytes of a .docx file."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    text = paragraphs(notice)
    doc = Document()
    doc.core_properties.title = f"{TITLE} {text['number']}"
    doc.core_properties.author = text["issuer"]

    def para(body: str, size: float = 14, align: Any = None, bold: bool = False) -> None:
        p = doc.add_paragraph()
        if align is not None:
            p.alignment = align
        set_font(p.add_run(body), FONT if not bold else TITLE_FONT, size, bold)

    para(TITLE, 22, WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    para(text["number"], 14, WD_ALIGN_PARAGRAPH.CENTER)
    para(text["subject"], 16, WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    para(text["addressee"])
    para(text["intro"])
    table = doc.add_table(rows=1, cols=len(ITEM_HEADS))
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, ITEM_HEADS, strict=True):
        set_font(cell.paragraphs[0].add_run(head), TITLE_FONT, 10.5, bold=True)
    for row in item_rows(notice):
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            set_font(cell.paragraphs[0].add_run(value), FONT, 10.5)
    para(text["reply"])
    para(text["contact"])
    for _ in range(2):  # room for the seal above the issuer's name
        doc.add_paragraph().paragraph_format.space_after = Pt(12)
    para(text["issuer"], align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(f"{text['date']}　{SEAL_SPACE}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()

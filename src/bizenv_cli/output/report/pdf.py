"""`bizenv report --pdf FILE`: the printable document on A4 pages (fpdf2, an embedded CJK font).

Every block of ``output.report.document`` is laid out in order: headings,
"label: text" lines, tables with their header row repeated on each page, and
a new page at each page break (each view; each unit's notice). A footer
numbers the pages. The font is embedded as a subset of the glyphs used, so the
file shows and prints the same everywhere, with no font on the reader's side.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, TableBordersLayout, WrapMode, XPos, YPos
from fpdf.fonts import FontFace

from bizenv_cli.i18n import Messages
from bizenv_cli.output.report.blocks import Block, Heading, Line, PageBreak, Table

FONT = "cjk"
SIZES = {1: 16.0, 2: 13.0, 3: 11.0}
TEXT = 9.0
CELL = 7.5
GREY = (90, 90, 90)
HEAD_FILL = (225, 230, 238)
STRONG_FILL = (243, 245, 248)


class _Pages(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.footer_text = footer_text

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.set_text_color(*GREY)
        self.cell(0, 5, self.footer_text.replace("{page}", str(self.page_no())), align=Align.C)
        self.set_text_color(0, 0, 0)


def render(blocks: Sequence[Block], msg: Messages, title: str, font: Path) -> bytes:
    """``blocks`` as the bytes of a PDF file."""
    pdf = _Pages(msg("pdf.page", page="{page}", pages="{nb}"))
    pdf.set_title(title)
    pdf.set_lang("zh-CN" if msg.lang == "zh" else "en")
    pdf.set_creator("bizenv")
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font(FONT, "", str(font))
    pdf.add_page()
    fresh = True  # nothing on the page yet: a page break there would leave it empty
    for block in blocks:
        if isinstance(block, PageBreak):
            if not fresh:
                pdf.add_page()
                fresh = True
            continue
        fresh = False
        if isinstance(block, Heading):
            _heading(pdf, block)
        elif isinstance(block, Line):
            _line(pdf, block)
        else:
            _table(pdf, block)
    return bytes(pdf.output())


def _heading(pdf: FPDF, block: Heading) -> None:
    size = SIZES.get(block.level, TEXT)
    if pdf.get_y() > pdf.t_margin + 1:
        pdf.ln(size * 0.35)
    pdf.set_font(FONT, size=size)
    pdf.multi_cell(0, size * 0.5, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.5)


def _line(pdf: FPDF, block: Line) -> None:
    pdf.set_font(FONT, size=TEXT)
    if block.label:
        pdf.set_text_color(*GREY)
        pdf.cell(pdf.get_string_width(block.label) + 3, 5, block.label)
        pdf.set_text_color(0, 0, 0)
    pdf.multi_cell(0, 5, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _widths(pdf: FPDF, block: Table) -> list[float]:
    """Column widths in mm: a column of ids or statuses as wide as its longest cell (they
    never break; up to a third of the page), the other columns share the rest by weight."""
    pdf.set_font(FONT, size=CELL)
    total = pdf.epw
    fixed: dict[int, float] = {}
    for col in block.code | block.whole:
        cells = (block.heads[col], *(row[col] for row in block.rows))
        longest = max(pdf.get_string_width(cell) for cell in cells)
        fixed[col] = min(longest + 2 * PAD + 0.5, total / 3)
    rest = total - sum(fixed.values())
    weights = sum(w for i, w in enumerate(block.widths) if i not in fixed)
    return [fixed.get(i, rest * w / weights) for i, w in enumerate(block.widths)]


PAD = 1.0


def _table(pdf: FPDF, block: Table) -> None:
    pdf.ln(1)
    widths = _widths(pdf, block)
    heads = FontFace(emphasis="", fill_color=HEAD_FILL)
    strong = FontFace(fill_color=STRONG_FILL)
    first_number = len(block.heads) - block.right
    with pdf.table(
        col_widths=widths,
        width=min(sum(widths), pdf.epw),
        headings_style=heads,
        line_height=CELL * 0.5,
        text_align=Align.L,
        wrapmode=WrapMode.WORD,
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        padding=(0.8, PAD),
        v_align="TOP",
    ) as table:
        for i, cells in enumerate((block.heads, *block.rows)):
            style = strong if i - 1 in block.strong else None
            row = table.row()
            for col, text in enumerate(cells):
                row.cell(text, align=Align.R if col >= first_number else Align.L, style=style)
    pdf.ln(2)

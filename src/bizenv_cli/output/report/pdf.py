"""`bizenv report --pdf FILE`: the printable document on A4 pages (fpdf2, an embedded CJK font).

Every block of ``output.report.document`` is laid out in order: headings,
"label: text" lines, tables with their header row repeated on each page, and
a new page at each page break (each view; each unit's notice). A footer
numbers the pages. The font is embedded as a subset of the glyphs used, so the
file shows and prints the same everywhere, with no font on the reader's side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos
from fpdf.fonts import TTFFont

from bizenv_cli.i18n import Messages
from bizenv_cli.output.report import font_cut, pdf_table
from bizenv_cli.output.report.blocks import Block, Figure, Heading, Line, PageBreak, Table
from bizenv_cli.output.report.chart_model import chart_texts
from bizenv_cli.output.report.pdf_wrap import Measure, measure, wrap

FONT = "cjk"
SIZES = {1: 16.0, 2: 13.0, 3: 11.0}
TEXT = 9.0
GREY = (90, 90, 90)
HEADING_LINES = 4  # a heading or line longer than this is cut with "…"
LINE_LINES = 40

Fit = Callable[[str, float, float, int], list[str]]


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
    _add_font(pdf, font, blocks)
    cjk = pdf.fonts[FONT]
    assert isinstance(cjk, TTFFont)
    # The subset keeps the font's own bounding box: recomputing it from every glyph's
    # outline when the file is saved took a fifth of the time.
    cjk.ttfont.recalcBBoxes = False
    measures: dict[float, Measure] = {}

    def width(size: float) -> Measure:
        if size not in measures:
            measures[size] = measure(cjk.cw, size, pdf.k)
        return measures[size]

    def room(text: str, mm: float, size: float, max_lines: int) -> list[str]:
        return wrap(text, mm, width(size), max_lines)

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
            _heading(pdf, block, room)
        elif isinstance(block, Line):
            _line(pdf, block, room)
        elif isinstance(block, Figure):
            from bizenv_cli.output.report import chart_pdf

            chart_pdf.draw(pdf, block.chart)
        else:
            pdf.ln(1)
            pdf_table.draw(pdf, block, width(pdf_table.SIZE))
            pdf.ln(2)
    return bytes(pdf.output())


def _add_font(pdf: _Pages, font: Path, blocks: Sequence[Block]) -> None:
    """The TrueType cut of ``font`` (0.25 s faster) when it has every character the
    document prints and can be read, else ``font`` itself."""
    cut = font_cut.usable_cut(font)
    if cut is not None and font_cut.covers(_texts(blocks, pdf.footer_text)):
        try:
            pdf.add_font(FONT, "", str(cut))
            return
        except Exception:  # a damaged cut (any fontTools error): the full font
            pdf.fonts.pop(FONT, None)
    pdf.add_font(FONT, "", str(font))


def _texts(blocks: Sequence[Block], *more: str) -> Iterator[str]:
    """Every text the document prints."""
    yield from more
    for block in blocks:
        if isinstance(block, Heading):
            yield block.text
        elif isinstance(block, Line):
            yield block.label
            yield block.text
        elif isinstance(block, Figure):
            yield from chart_texts(block.chart)
        elif isinstance(block, Table):
            yield from block.heads
            for row in block.rows:
                yield from row


def _heading(pdf: FPDF, block: Heading, room: Fit) -> None:
    size = SIZES.get(block.level, TEXT)
    if pdf.get_y() > pdf.t_margin + 1:
        pdf.ln(size * 0.35)
    pdf.set_font(FONT, size=size)
    for text in room(block.text, pdf.epw, size, HEADING_LINES):
        pdf.cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.5)


def _line(pdf: FPDF, block: Line, room: Fit) -> None:
    pdf.set_font(FONT, size=TEXT)
    left = pdf.l_margin
    if block.label:
        label = room(block.label, pdf.epw / 3, TEXT, 1)[0]
        pdf.set_text_color(*GREY)
        pdf.cell(pdf.get_string_width(label) + 3, 5, label)
        pdf.set_text_color(0, 0, 0)
        left = pdf.get_x()
    for text in room(block.text, pdf.l_margin + pdf.epw - left, TEXT, LINE_LINES):
        pdf.set_x(left)
        pdf.cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

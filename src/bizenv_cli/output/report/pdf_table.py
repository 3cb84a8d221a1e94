"""A table of the printable document on the PDF's pages, drawn row by row.

Each cell is wrapped once (``pdf_wrap``) and its lines placed with ``FPDF.text``;
rows are set off by a thin rule, the header row and the strong rows (chapters) by
a fill, and the header row is repeated at the top of each page a table runs onto.
A row never splits across pages: a cell of more than 30 lines (or more than a page
holds) is cut, its last line ending in ``…``.
"""

from __future__ import annotations

from fpdf import FPDF

from bizenv_cli.output.report.blocks import Table
from bizenv_cli.output.report.pdf_wrap import Measure, wrap

SIZE = 7.5  # points
LEADING = SIZE * 0.5  # mm per line
PAD_X = 1.0
PAD_Y = 0.8
HEAD_FILL = (225, 230, 238)
STRONG_FILL = (243, 245, 248)
RULE = 0.2  # mm
MAX_LINES = 30  # a cell longer than this (a 19,000-character unit name) is cut with "…"


def widths(block: Table, room: float, width: Measure) -> list[float]:
    """Column widths in mm: a column of ids or statuses as wide as its longest cell (they
    never break; up to a third of the page), the other columns share the rest by weight."""
    fixed: dict[int, float] = {}
    for col in block.code | block.whole:
        cells = (block.heads[col], *(row[col] for row in block.rows))
        longest = max(width(cell) for cell in cells)
        fixed[col] = min(longest + 2 * PAD_X + 0.5, room / 3)
    rest = max(room - sum(fixed.values()), 0.0)
    weights = sum(w for i, w in enumerate(block.widths) if i not in fixed) or 1
    shares = [fixed.get(i, rest * w / weights) for i, w in enumerate(block.widths)]
    total = sum(shares)
    return shares if total <= room else [w * room / total for w in shares]


def draw(pdf: FPDF, block: Table, width: Measure) -> None:
    cols = widths(block, pdf.epw, width)
    first_number = len(block.heads) - block.right
    page_room = pdf.page_break_trigger - pdf.t_margin
    head = _lines(block.heads, cols, width, 0)
    max_lines = min(max(int((page_room - _height(head)) / LEADING) - 2, 1), MAX_LINES)
    pdf.set_font(pdf.font_family, size=SIZE)
    pdf.set_line_width(RULE)
    _row(pdf, head, cols, first_number, HEAD_FILL, width)
    for i, cells in enumerate(block.rows):
        lines = _lines(cells, cols, width, max_lines)
        if pdf.get_y() + _height(lines) > pdf.page_break_trigger:
            pdf.add_page()
            pdf.set_font(pdf.font_family, size=SIZE)
            _row(pdf, head, cols, first_number, HEAD_FILL, width)
        fill = STRONG_FILL if i in block.strong else None
        _row(pdf, lines, cols, first_number, fill, width)


def _lines(
    cells: tuple[str, ...], cols: list[float], width: Measure, max_lines: int
) -> list[list[str]]:
    return [
        wrap(text, col - 2 * PAD_X, width, max_lines) for text, col in zip(cells, cols, strict=True)
    ]


def _height(lines: list[list[str]]) -> float:
    return max(len(cell) for cell in lines) * LEADING + 2 * PAD_Y


def _row(
    pdf: FPDF,
    lines: list[list[str]],
    cols: list[float],
    first_number: int,
    fill: tuple[int, int, int] | None,
    measure: Measure,
) -> None:
    x0, y = pdf.l_margin, pdf.get_y()
    height = _height(lines)
    total = sum(cols)
    if fill is not None:
        pdf.set_fill_color(*fill)
        pdf.rect(x0, y, total, height, style="F")
    pdf.line(x0, y + height, x0 + total, y + height)
    base = y + PAD_Y + LEADING / 2 + 0.3 * pdf.font_size  # the first line's baseline
    x = x0
    for col, (cell, col_width) in enumerate(zip(lines, cols, strict=True)):
        for n, text in enumerate(cell):
            if not text:
                continue
            left = x + PAD_X
            if col >= first_number:
                left = x + col_width - PAD_X - measure(text)
            pdf.text(left, base + n * LEADING, text)
        x += col_width
    pdf.set_y(y + height)

"""A notice as PDF for the archive: laid out by the report's PDF writer (output/report/pdf.py)
with the same embedded Noto Sans SC, as blocks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bizenv_cli.i18n import Messages
from bizenv_cli.output.report.blocks import Block, Heading, Line, PageBreak, Table
from bizenv_cli.output.supervision.common import (
    ITEM_HEADS,
    ITEM_WIDTHS,
    SEAL_SPACE,
    item_rows,
    paragraphs,
)
from bizenv_cli.supervision.notices import TITLE, Notice


def blocks(notice: Notice) -> list[Block]:
    text = paragraphs(notice)
    return [
        Heading(TITLE, 1),
        Line(text["number"]),
        Heading(text["subject"], 2),
        Line(text["addressee"]),
        Line(text["intro"]),
        Table(ITEM_HEADS, tuple(item_rows(notice)), ITEM_WIDTHS, whole=frozenset({0, 4})),
        Line(text["reply"]),
        Line(text["contact"]),
        Line(" "),
        Line(" "),
        Line(f"{text['issuer']}"),
        Line(f"{text['date']}　{SEAL_SPACE}"),
    ]


def render(notices: Sequence[Notice], font: Path) -> bytes:
    """The notices as one PDF, a notice from a new page (one notice: one file)."""
    from bizenv_cli.output.report.pdf import render as render_pdf

    laid: list[Block] = []
    for notice in notices:
        laid += [PageBreak(), *blocks(notice)]
    title = f"{TITLE} {notices[0].number}" if len(notices) == 1 else TITLE
    return render_pdf(laid, Messages("zh"), title, font)

"""Stacked bars of status counts, their legend, and the table of counts per status."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from bizenv_cli.evaluation.counts import STATUS_ORDER, StatusCounts
from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.zh_words import colon
from bizenv_cli.output.report.style import STATUS_STYLE
from bizenv_cli.output.report.views.bars import BAR_CHAR, segments


def bar_width(console_width: int) -> int:
    """16 characters at 80 columns, 32 at 160; never under 10 or over 40."""
    return max(10, min(40, console_width // 5))


def bar(counts: StatusCounts, width: int) -> Text:
    """One bar: a run of each status's character, its length in proportion to the count."""
    text = Text(no_wrap=True, overflow="crop")
    for status, n in segments(counts, width):
        text.append(BAR_CHAR[status] * n, style=STATUS_STYLE[status])
    return text


def legend(msg: Messages) -> Text:
    text = Text(f"{msg('legend')}{colon(msg.lang)}", style="dim")
    for i, status in enumerate(STATUS_ORDER):
        if i:
            text.append("  ")
        text.append(BAR_CHAR[status], style=STATUS_STYLE[status])
        text.append(f" {msg.status(status)}")
    return text


def counts_table(counts: StatusCounts, msg: Messages, width: int = 0) -> RenderableType:
    """Every status with its count (a small table, so a name never parts from its number).

    When the names do not fit in ``width`` cells (a narrow terminal), the statuses
    go on as many pairs of rows as needed instead of being cut to "…".
    """
    cells = [
        (
            Text(msg.status(status), style=STATUS_STYLE[status]),
            Text(str(n), style=STATUS_STYLE[status] if n else "dim"),
        )
        for status, n in counts.counts
    ]
    cells.append((Text(msg("header.total"), style="bold"), Text(str(counts.total), style="bold")))
    chunks: list[list[tuple[Text, Text]]] = [[]]
    used = 0
    for name, number in cells:
        cell = max(name.cell_len, number.cell_len) + 1
        if width and chunks[-1] and used + cell - 1 > width:
            chunks.append([])
            used = 0
        chunks[-1].append((name, number))
        used += cell
    tables = []
    for chunk in chunks:
        table = Table.grid(padding=(0, 1, 0, 0))
        for _ in chunk:
            table.add_column(justify="right", no_wrap=True)
        table.add_row(*(name for name, _ in chunk))
        table.add_row(*(number for _, number in chunk))
        tables.append(table)
    return tables[0] if len(tables) == 1 else Group(*tables)

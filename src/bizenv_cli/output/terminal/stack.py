"""Narrow terminals: a table that does not fit becomes a list of small blocks.

A block is a head line (the target id, never split, and its status) and the row's
other cells below it, indented and wrapped: nothing a table would drop or fold
(the requirement, the deadline, the responsible unit) is lost at 60 or 80 columns.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

INDENT = 4


def table_fits(table: Table, width: int) -> bool:
    """Whether rich lays ``table`` out in ``width`` columns with every column at least as
    wide as it must be (an id whole): otherwise rich would crop or drop cells.

    ``_calculate_column_widths`` and ``_measure_column`` are rich's private layout steps
    (rich has no public way to ask for the widths); tests/test_narrow_terminal.py
    renders at 60, 80 and 120 columns and checks every cell survives."""
    console = Console(width=width, color_system=None)
    # As rich's own layout: the rules between columns and the edges take their share first.
    inner = width - table._extra_width
    options = console.options.update_width(inner)
    widths = table._calculate_column_widths(console, options)
    # An unwrapped column (an id, a status) needs its longest word; prose folds, so a
    # column of it needs only its declared minimum (a CJK phrase is one long "word").
    least = [
        table._measure_column(console, options, c).minimum if c.no_wrap else (c.min_width or 4)
        for c in table.columns
    ]
    return sum(widths) <= inner and all(w >= m for w, m in zip(widths, least, strict=True))


def block(head: Sequence[Text], body: Sequence[Text]) -> RenderableType:
    """``head`` on one line (wrapping only between its parts), ``body`` indented below."""
    line = Text("  ").join(part for part in head if part.plain)
    details = Text(" · ").join(part for part in body if part.plain)
    return Group(line, Padding(details, (0, 0, 0, INDENT), expand=False))


def stacked(blocks: Sequence[RenderableType]) -> RenderableType:
    return Group(*blocks)


def lines_block(head: Sequence[Text], body: Sequence[Text]) -> RenderableType:
    """``head`` on one line, then each part of ``body`` on a line of its own, indented:
    a value such as ``27.5 -> 26 (-1.5)`` is never wrapped in the middle by its neighbours."""
    line = Text("  ").join(part for part in head if part.plain)
    details = [Padding(part, (0, 0, 0, INDENT), expand=False) for part in body if part.plain]
    return Group(line, *details)

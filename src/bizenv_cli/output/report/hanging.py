"""Names that wrap in a narrow report: the lines after the first are indented, so a
chapter, section or unit that takes three lines still reads as one name."""

from __future__ import annotations

from functools import lru_cache

from rich.console import Console
from rich.text import Text


@lru_cache(maxsize=1)
def _console() -> Console:
    return Console(width=400, color_system=None)  # only to measure: never prints


def hanging(text: Text, width: int, indent: int = 2) -> Text:
    """``text`` wrapped to ``width`` cells, every line after the first ``indent`` further in
    (a word longer than a line is folded); unchanged when it fits on one line."""
    if text.cell_len <= width or width <= indent + 4:
        return text
    lines = text.wrap(_console(), width - indent, overflow="fold")
    out = Text()
    for i, line in enumerate(lines):
        line.rstrip()
        if i:
            out.append("\n" + " " * indent)
        out.append_text(line)
    return out

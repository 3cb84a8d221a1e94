"""The blocks of the printable document (``document.py``), laid out by pdf.py and html_page.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from bizenv_cli.output.report.chart_model import Chart


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: the report's title, 2: a view, 3: a part of a view


@dataclass(frozen=True)
class Line:
    text: str
    label: str = ""  # "label: text" with the label set off


@dataclass(frozen=True)
class Table:
    heads: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]  # relative column widths
    right: int = 0  # the last ``right`` columns are numbers (right-aligned)
    strong: frozenset[int] = field(default_factory=frozenset)  # rows set off (chapters)
    code: frozenset[int] = frozenset()  # columns of ids and bars (a monospace look)
    whole: frozenset[int] = frozenset()  # columns whose words never break (ids, statuses)


@dataclass(frozen=True)
class PageBreak:
    """A new page on paper; a new section on screen."""


@dataclass(frozen=True)
class Figure:
    """A chart (chart_model.py), drawn beside the section it explains."""

    chart: Chart


Block = Heading | Line | Table | PageBreak | Figure

"""The report's charts as plain data, already in the chosen language.

One model, two small renderers: ``chart_svg`` (inline SVG in the HTML page) and
``chart_pdf`` (fpdf2's own rect, line and text on the PDF page). Every text a chart
shows (title, axis labels, category labels, values, legend) is here, worded and
cleaned by ``chart_build``; the renderers only place it. Each status (and each line
series) has a ``key`` that picks its fill and hatch, so a chart reads the same printed
in black and white: every segment also carries its count.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    key: str  # a status ("met", "overdue"...): its fill and hatch pattern
    label: str  # the status's name
    value: int


@dataclass(frozen=True)
class BarRow:
    label: str  # a chapter, a unit
    segments: tuple[Segment, ...]  # only the statuses with a count, in STATUS_ORDER

    @property
    def total(self) -> int:
        return sum(s.value for s in self.segments)


@dataclass(frozen=True)
class BarChart:
    """Stacked horizontal bars: one row per category, one segment per status."""

    title: str
    x_label: str  # the count axis
    y_label: str  # what the rows are
    rows: tuple[BarRow, ...]
    legend: tuple[tuple[str, str], ...]  # (key, label) of the statuses that occur

    @property
    def largest(self) -> int:
        return max((r.total for r in self.rows), default=0)


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float | None, ...]  # one per point; None: no value there
    texts: tuple[str, ...]  # each value as printed beside its point ("" for None)


@dataclass(frozen=True)
class LineChart:
    """Values at each period end, with an optional limit drawn as a dashed line."""

    title: str
    x_label: str
    y_label: str
    points: tuple[str, ...]  # the x axis' labels (the periods), oldest first
    series: tuple[Series, ...]
    y_max: float  # the top of the y axis (0 is the bottom)
    limit: float | None = None
    limit_label: str = ""

    @property
    def texts(self) -> tuple[str, ...]:
        return (
            self.title,
            self.x_label,
            self.y_label,
            self.limit_label,
            *self.points,
            *(s.label for s in self.series),
            *(t for s in self.series for t in s.texts),
        )


Chart = BarChart | LineChart


def chart_texts(chart: Chart) -> tuple[str, ...]:
    """Every text the chart prints (the PDF's font must hold each character)."""
    if isinstance(chart, LineChart):
        return (*chart.texts, "0123456789.…")
    return (
        chart.title,
        chart.x_label,
        chart.y_label,
        *(label for _, label in chart.legend),
        *(r.label for r in chart.rows),
        *(str(s.value) for r in chart.rows for s in r.segments),
        "0123456789…",
    )

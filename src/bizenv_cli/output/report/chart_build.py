"""The report's charts, built once from its plain views (see chart_model.py).

Statuses per chapter and per unit that must act (stacked bars); with several periods,
each chapter's share of due targets met and the main numeric targets against their
limits (lines). Labels are in the chosen language and cleaned (``sanitize.clean``).
"""

from __future__ import annotations

from collections.abc import Iterable

from bizenv_cli.evaluation.counts import STATUS_ORDER, StatusCounts
from bizenv_cli.history.since import SinceView
from bizenv_cli.history.since_targets import TargetTrend
from bizenv_cli.history.since_texts import chapter_label
from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.numbers import number
from bizenv_cli.output.report.blocks import Block, Figure
from bizenv_cli.output.report.chart_model import BarChart, BarRow, LineChart, Segment, Series
from bizenv_cli.output.report.views import Report
from bizenv_cli.output.report.views.texts import required
from bizenv_cli.sanitize import clean

MAX_UNITS = 15  # the units with the most to act on; the rest are counted under the chart


def _row(label: str, counts: StatusCounts, msg: Messages) -> BarRow:
    segments = tuple(Segment(s.value, msg.status(s), n) for s, n in counts.counts if n)
    return BarRow(clean(label), segments)


def _bars(title: str, y_label: str, rows: Iterable[BarRow], msg: Messages) -> BarChart:
    rows = tuple(rows)
    seen = {s.key for r in rows for s in r.segments}
    legend = tuple((s.value, msg.status(s)) for s in STATUS_ORDER if s.value in seen)
    return BarChart(title, msg("chart.count"), y_label, rows, legend)


def chapter_chart(report: Report, msg: Messages) -> BarChart | None:
    if not report.chapters:
        return None
    rows = (_row(chapter_label(c.number, c.title, msg), c.counts, msg) for c in report.chapters)
    return _bars(msg("chart.chapters"), msg("chart.chapter"), rows, msg)


def unit_chart(report: Report, msg: Messages) -> BarChart | None:
    """Every target of each unit that must act (as lead or responsible), by status."""
    if not report.units:
        return None
    rows = []
    for unit in report.units[:MAX_UNITS]:
        mine = [r for r in report.results if unit.id in r.lead or unit.id in r.responsible]
        name = unit.name if msg.lang == "zh" else unit.en or unit.name
        rows.append(_row(name, StatusCounts.of(mine), msg))
    title = msg("chart.units")
    if len(report.units) > MAX_UNITS:
        title += msg("chart.more", count=len(report.units) - MAX_UNITS)
    return _bars(title, msg("chart.unit"), rows, msg)


def trend_chart(view: SinceView, msg: Messages) -> LineChart:
    series = []
    for row in view.chapters:
        values = tuple(None if s is None else round(s * 100, 1) for s in row.shares)
        texts = tuple("" if v is None else f"{number(v)}%" for v in values)
        series.append(Series(clean(chapter_label(row.number, row.title, msg)), values, texts))
    points = tuple(clean(p) for p in view.labels)
    return LineChart(
        msg("chart.trend"), msg("chart.period"), msg("chart.share"), points, tuple(series), 100.0
    )


def target_chart(trend: TargetTrend, labels: tuple[str, ...], msg: Messages) -> LineChart:
    result = trend.result
    title = clean(trend.title.zh if msg.lang == "zh" else trend.title.en)
    unit = msg.unit(result.unit)
    y_label = msg("chart.value", unit=unit) if unit else msg("chart.value_plain")
    texts = tuple("" if v is None else number(v) for v in trend.values)
    limit = result.required
    top = max([v for v in trend.values if v is not None] + [limit or 0.0])
    return LineChart(
        msg("chart.target", title=title),
        msg("chart.period"),
        y_label,
        tuple(clean(p) for p in labels),
        (Series(title, trend.values, texts),),
        top * 1.15 if top > 0 else 1.0,
        limit,
        msg("chart.limit", required=clean(required(result, msg))),
    )


def since_charts(view: SinceView, msg: Messages) -> list[LineChart]:
    """The trend per chapter, then each main numeric target against its limit."""
    return [trend_chart(view, msg), *(target_chart(t, view.labels, msg) for t in view.targets)]


def with_chart(section: list[Block], chart: BarChart | None) -> list[Block]:
    """The section with its chart right after its heading, before the table it sums up."""
    return section if chart is None else [section[0], Figure(chart), *section[1:]]

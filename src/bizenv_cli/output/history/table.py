"""`bizenv history --format table`: a row per target, its status per period and a sparkline.

Every cell is a ``Text`` (never markup): submitted text cannot style the output.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from bizenv_cli.history.model import HistoryResult, Trend
from bizenv_cli.output.check.table import STYLES
from bizenv_cli.output.history.common import number, sparkline
from bizenv_cli.output.terminal.console import plain_text
from bizenv_cli.sanitize import clean

TREND_STYLES = {Trend.improving: "green", Trend.worsening: "red", Trend.flat: ""}


def build_table(result: HistoryResult, *, plain: bool) -> Table:
    table = Table(
        box=box.ASCII2 if plain else box.SIMPLE_HEAD,
        header_style="" if plain else "bold",
        show_edge=not plain,
        pad_edge=False,
    )
    table.add_column("no.", justify="right", no_wrap=True)
    table.add_column("target", min_width=20, max_width=44, overflow="fold")
    for period in result.periods:
        table.add_column(period.period, no_wrap=True)
    table.add_column("values", no_wrap=True)
    table.add_column("trend", no_wrap=True)
    table.add_column("progress", no_wrap=True)
    for row in result.targets:
        values = [p.value for p in row.series]
        shown = [v for v in values if v is not None]
        spark = sparkline(values)
        if shown:
            spark += f" {number(shown[0])}..{number(shown[-1])}" if len(shown) > 1 else ""
        cells = [
            Text(p.status.value, style="" if plain else STYLES[p.status]) for p in row.series
        ]
        trend = row.trend
        trend_style = "" if plain or trend is None else TREND_STYLES[trend]
        table.add_row(
            Text(str(row.measure)),
            Text(clean(row.target)),
            *cells,
            Text(spark),
            Text(trend.value if trend else "", style=trend_style),
            Text(row.progress.value if row.progress else ""),
        )
    return table


def print_table(console: Console, result: HistoryResult) -> None:
    plain = not console.is_terminal or console.is_dumb_terminal or console.no_color
    labels = ", ".join(p.period for p in result.periods)
    title = clean(f"{result.plan.zh}: history over {labels}")
    console.print(Text(title, style="" if plain else "bold"))
    console.print(build_table(result, plain=plain))
    moving = [t for t in result.targets if t.trend]
    counts = {trend: sum(1 for t in moving if t.trend is trend) for trend in Trend}
    console.print(
        Text(
            f"{len(result.targets)} targets; trend (latest two reports): "
            + ", ".join(f"{n} {trend.value}" for trend, n in counts.items())
        )
    )


def render(result: HistoryResult) -> str:
    """The table as plain text (for ``-o FILE``)."""
    return plain_text(lambda console: print_table(console, result))

"""`bizenv history --format table`: a row per target, its status per period and a sparkline.

On a terminal too narrow for the table (``table_fits``), a block per target instead: the
number and id on one line, each period's status and the trend below, nothing dropped or cut.
Every cell is a ``Text`` (never markup): submitted text cannot style the output.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from bizenv_cli.history.model import HistoryResult, TargetHistory, Trend
from bizenv_cli.i18n import Messages
from bizenv_cli.output.check.table import STYLES
from bizenv_cli.output.history.common import (
    BY_ID,
    EN,
    Names,
    number,
    progress_name,
    sparkline,
    status_name,
    trend_name,
)
from bizenv_cli.output.terminal.console import plain_text
from bizenv_cli.output.terminal.stack import lines_block, stacked, table_fits
from bizenv_cli.sanitize import clean

TREND_STYLES = {Trend.improving: "green", Trend.worsening: "red", Trend.flat: ""}


def _values(row: TargetHistory) -> str:
    values = [p.value for p in row.series]
    shown = [v for v in values if v is not None]
    spark = sparkline(values)
    if len(shown) > 1:
        spark += f" {number(shown[0])}..{number(shown[-1])}"
    return spark


def _cells(row: TargetHistory, msg: Messages, plain: bool, names: Names) -> list[Text]:
    """no., target (and its id with -v under zh), a status per period, values, trend,
    progress."""
    statuses = [
        Text(status_name(p.status.value, msg), style="" if plain else STYLES[p.status])
        for p in row.series
    ]
    trend = row.trend
    trend_style = "" if plain or trend is None else TREND_STYLES[trend]
    ids = [Text(clean(row.target))] if names.id_column else []
    return [
        Text(str(row.measure)),
        Text(clean(names.label(row.target))),
        *ids,
        *statuses,
        Text(_values(row)),
        Text(trend_name(trend, msg), style=trend_style),
        Text(progress_name(row, msg)),
    ]


def build_table(
    result: HistoryResult, *, plain: bool, msg: Messages = EN, names: Names = BY_ID
) -> Table:
    table = Table(
        box=box.ASCII2 if plain else box.SIMPLE_HEAD,
        header_style="" if plain else "bold",
        show_edge=not plain,
        pad_edge=False,
    )
    table.add_column(msg("hist.col.no"), justify="right", no_wrap=True)
    table.add_column(msg("hist.col.target"), no_wrap=True)  # a title or id is never split
    if names.id_column:
        table.add_column(msg("hist.col.id"), no_wrap=True)
    for period in result.periods:
        table.add_column(period.period, no_wrap=True)
    for key in ("hist.col.values", "hist.col.trend", "hist.col.progress"):
        table.add_column(msg(key), no_wrap=True)
    for row in result.targets:
        table.add_row(*_cells(row, msg, plain, names))
    return table


def history_blocks(
    result: HistoryResult, *, plain: bool, msg: Messages = EN, names: Names = BY_ID
) -> RenderableType:
    """For a narrow terminal: 'no. target' then 'period status' per period, the values,
    the trend and the progress, each on a line of its own."""
    colon = "：" if msg.lang == "zh" else ": "
    blocks = []
    for row in result.targets:
        cells = _cells(row, msg, plain, names)
        head = cells[: 3 if names.id_column else 2]
        *statuses, values, trend, progress = cells[len(head) :]
        body = [Text(f"{p.period} ") + s for p, s in zip(result.periods, statuses, strict=True)]
        for key, cell in (
            ("hist.col.values", values),
            ("hist.col.trend", trend),
            ("hist.col.progress", progress),
        ):
            if cell.plain:
                body.append(Text(msg(key) + colon) + cell)
        blocks.append(lines_block(head, body))
    return stacked(blocks)


def print_table(
    console: Console, result: HistoryResult, msg: Messages = EN, names: Names = BY_ID
) -> None:
    plain = not console.is_terminal or console.is_dumb_terminal or console.no_color
    sep = "、" if msg.lang == "zh" else ", "
    labels = sep.join(p.period for p in result.periods)
    title = msg("hist.title", plan=result.plan.zh, periods=labels)
    for part in title.split("\n"):  # under zh: the plan, then the periods on a line of their own
        console.print(Text(clean(part), style="" if plain else "bold"))
    table = build_table(result, plain=plain, msg=msg, names=names)
    fits = table_fits(table, console.width)
    console.print(table if fits else history_blocks(result, plain=plain, msg=msg, names=names))
    moving = [t for t in result.targets if t.trend]
    counts = {trend: sum(1 for t in moving if t.trend is trend) for trend in Trend}
    if msg.lang == "zh":
        trends = "，".join(f"{trend_name(trend, msg)} {n}" for trend, n in counts.items())
    else:
        trends = ", ".join(f"{n} {trend.value}" for trend, n in counts.items())
    console.print(Text(msg("hist.summary", count=len(result.targets), trends=trends)))


def render(result: HistoryResult, msg: Messages = EN, names: Names = BY_ID) -> str:
    """The table as plain text (for ``-o FILE``)."""
    return plain_text(lambda console: print_table(console, result, msg, names))

"""`bizenv check --format table`: a rich table, a row per target, counts at the end.

Every cell is a ``Text`` (never markup): submitted text cannot style the output.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from bizenv_cli.evaluation.result import CheckResult, Status, TargetResult
from bizenv_cli.i18n.zh_words import zh_date
from bizenv_cli.output.check.common import (
    ReportContext,
    days_text,
    due_text,
    explanation,
    lead_text,
    period_mark,
    summary_line,
)
from bizenv_cli.output.terminal.console import plain_text
from bizenv_cli.output.terminal.stack import block, stacked, table_fits
from bizenv_cli.sanitize import clean

STYLES: dict[Status, str] = {
    Status.met: "green",
    Status.at_risk: "yellow",
    Status.overdue: "bold red",
    Status.not_met: "red",
    Status.missing: "magenta",
    Status.pending: "blue",
    Status.waived: "cyan",
}

HEADERS_EN = ("no.", "target", "reported vs required", "status", "deadline", "lead")
HEADERS_ZH = ("序号", "目标", "报送值与要求", "状态", "完成时限", "牵头单位")


def build_table(result: CheckResult, ctx: ReportContext, *, plain: bool) -> Table:
    table = Table(
        box=box.ASCII2 if plain else box.SIMPLE_HEAD,
        header_style="" if plain else "bold",
        show_edge=not plain,
        pad_edge=False,
        expand=True,
    )
    heads = HEADERS_ZH if ctx.zh else HEADERS_EN
    table.add_column(heads[0], justify="right", no_wrap=True)
    # an id is never split; a Chinese title may wrap like any Chinese text
    table.add_column(heads[1], no_wrap=not ctx.zh, overflow="fold")
    table.add_column(heads[2], min_width=16, ratio=1, overflow="fold")
    table.add_column(heads[3], no_wrap=True)
    table.add_column(heads[4], min_width=10, max_width=17, overflow="fold")
    table.add_column(heads[5], min_width=8, max_width=16, overflow="fold")
    for row in result.results:
        table.add_row(*_cells(row, ctx, plain=plain, checked=result.checked_period))
    return table


def _cells(
    row: TargetResult, ctx: ReportContext, *, plain: bool, checked: str | None = None
) -> list[Text]:
    msg = ctx.msg
    style = "" if plain else STYLES[row.status]
    soon, late = ("，即将到期", "（逾期完成）") if ctx.zh else (", due soon", " (late)")
    days = days_text(row, msg) + (soon if row.due_soon else "")
    status = msg.status(row.status.value) if ctx.zh else row.status.value
    return [
        Text(str(row.measure)),
        Text(clean(msg.label(row.target))),
        Text(clean(explanation(row, msg) + period_mark(row, checked, ctx.zh))),
        Text(status + (late if row.late else ""), style=style),
        Text(clean(due_text(row, msg) + (_brackets(days, ctx.zh) if days else ""))),
        Text(clean(lead_text(row, ctx.names, ctx.zh))),
    ]


def _brackets(text: str, zh: bool) -> str:
    return f"（{text}）" if zh else f" ({text})"


def _labelled(label: str, value: Text) -> Text:
    return Text(label) + value if value.plain else value


def build_blocks(result: CheckResult, ctx: ReportContext, *, plain: bool) -> RenderableType:
    """For a narrow terminal: per target, 'no. id  status', then what was reported against
    what is required, the deadline and the lead unit, indented and wrapped."""
    blocks = []
    for row in result.results:
        number, target, explanation, status, deadline, lead = _cells(
            row, ctx, plain=plain, checked=result.checked_period
        )
        blocks.append(
            block(
                [number, Text(target.plain, style="" if plain else "bold"), status],
                [
                    explanation,
                    Text("完成时限 " if ctx.zh else "due ") + deadline,
                    _labelled("牵头单位 " if ctx.zh else "lead ", lead),
                ],
            )
        )
    return stacked(blocks)


def print_table(console: Console, result: CheckResult, ctx: ReportContext) -> None:
    plain = not console.is_terminal or console.is_dumb_terminal or console.no_color
    if ctx.zh:
        title = f"{result.plan.zh}：截至{zh_date(result.as_of)}的状态"
    else:
        title = f"{result.plan.zh}: status on {result.as_of}"
    console.print(Text(clean(title), style="" if plain else "bold"))
    if result.results:
        table = build_table(result, ctx, plain=plain)
        if table_fits(table, console.width):
            console.print(table)
        else:
            console.print(build_blocks(result, ctx, plain=plain))
    else:
        console.print(Text("没有可显示的目标" if ctx.zh else "no targets to show"))
    for note in result.notes:
        console.print(Text(clean(f"说明：{note}" if ctx.zh else f"note: {note}")))
    console.print(Text(clean(summary_line(result, ctx))))


def render(result: CheckResult, ctx: ReportContext) -> str:
    """The table as plain text (for ``-o FILE``)."""
    return plain_text(lambda console: print_table(console, result, ctx))

"""`bizenv check --format table`: a rich table, a row per target, counts at the end.

Every cell is a ``Text`` (never markup): submitted text cannot style the output.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from bizenv_cli.evaluation.result import CheckResult, Status
from bizenv_cli.output.check.common import (
    ReportContext,
    days_text,
    due_text,
    lead_text,
    summary_line,
)
from bizenv_cli.output.terminal.console import SafeConsole
from bizenv_cli.sanitize import clean, no_commands

STYLES: dict[Status, str] = {
    Status.met: "green",
    Status.at_risk: "yellow",
    Status.overdue: "bold red",
    Status.not_met: "red",
    Status.missing: "magenta",
    Status.pending: "blue",
    Status.waived: "cyan",
}
FILE_WIDTH = 160


def build_table(result: CheckResult, ctx: ReportContext, *, plain: bool) -> Table:
    table = Table(
        box=box.ASCII2 if plain else box.SIMPLE_HEAD,
        header_style="" if plain else "bold",
        show_edge=not plain,
        pad_edge=False,
        expand=True,
    )
    table.add_column("no.", justify="right", no_wrap=True)
    table.add_column("target", min_width=20, max_width=40, overflow="fold")
    table.add_column("reported vs required", min_width=16, ratio=1, overflow="fold")
    table.add_column("status", no_wrap=True)
    table.add_column("deadline", min_width=10, max_width=17, overflow="fold")
    table.add_column("lead", min_width=8, max_width=16, overflow="fold")
    for row in result.results:
        style = "" if plain else STYLES[row.status]
        days = days_text(row) + (", due soon" if row.due_soon else "")
        table.add_row(
            Text(str(row.measure)),
            Text(clean(row.target)),
            Text(clean(row.explanation)),
            Text(row.status.value + (" (late)" if row.late else ""), style=style),
            Text(clean(due_text(row) + (f" ({days})" if days else ""))),
            Text(clean(lead_text(row, ctx.names))),
        )
    return table


def print_table(console: Console, result: CheckResult, ctx: ReportContext) -> None:
    plain = not console.is_terminal or console.is_dumb_terminal or console.no_color
    title = f"{result.plan.zh}: status on {result.as_of}"
    console.print(Text(clean(title), style="" if plain else "bold"))
    if result.results:
        console.print(build_table(result, ctx, plain=plain))
    else:
        console.print(Text("no targets to show"))
    for note in result.notes:
        console.print(Text(clean(f"note: {note}")))
    console.print(Text(summary_line(result)))


def render(result: CheckResult, ctx: ReportContext) -> str:
    """The table as plain text (for ``-o FILE``)."""
    buffer = io.StringIO()
    console = SafeConsole(
        file=buffer,
        width=FILE_WIDTH,
        no_color=True,
        force_terminal=False,
        markup=False,
        emoji=False,
        highlight=False,
    )
    print_table(console, result, ctx)
    return no_commands(buffer.getvalue())

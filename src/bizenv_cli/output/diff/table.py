"""`bizenv diff --format table`: the transition counts, then a row per changed target."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from bizenv_cli.history.diff_model import DiffResult, Transition
from bizenv_cli.output.history.common import counts_line, value_move
from bizenv_cli.output.terminal.console import plain_text
from bizenv_cli.sanitize import clean


def build_table(result: DiffResult, *, plain: bool) -> Table:
    table = Table(
        box=box.ASCII2 if plain else box.SIMPLE_HEAD,
        header_style="" if plain else "bold",
        show_edge=not plain,
        pad_edge=False,
        expand=True,
    )
    table.add_column("no.", justify="right", no_wrap=True)
    table.add_column("target", min_width=20, max_width=44, overflow="fold")
    table.add_column("transition", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("value", no_wrap=True)
    table.add_column("now", min_width=16, ratio=1, overflow="fold")
    for c in result.changes:
        better = c.transition in (Transition.newly_met, Transition.recovered, Transition.improved)
        style = "" if plain else ("red" if c.worse else "green" if better else "")
        table.add_row(
            Text(str(c.measure)),
            Text(clean(c.target)),
            Text(c.transition.value, style=style),
            Text(f"{c.old_status or '-'} -> {c.new_status or '-'}"),
            Text(value_move(c.old_value, c.new_value, c.delta)),
            Text(clean(c.explanation)),
        )
    return table


def print_table(console: Console, result: DiffResult) -> None:
    plain = not console.is_terminal or console.is_dumb_terminal or console.no_color
    title = f"{result.plan.zh}: changes from {result.old_as_of} to {result.new_as_of}"
    console.print(Text(clean(title), style="" if plain else "bold"))
    if result.changes:
        console.print(build_table(result, plain=plain))
    else:
        console.print(Text("no status changed and no value moved"))
    console.print(Text(counts_line(result)))


def render(result: DiffResult) -> str:
    """The table as plain text (for ``-o FILE``)."""
    return plain_text(lambda console: print_table(console, result))

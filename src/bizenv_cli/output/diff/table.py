"""`bizenv diff --format table`: the transition counts, then a row per changed target.

On a terminal too narrow for the table (``table_fits``), a block per target instead: the
number, id and transition on one line, the statuses, the value and the explanation below.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from bizenv_cli.history.diff_model import DiffResult, TargetChange, Transition
from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.dates import day_text
from bizenv_cli.output.history.common import (
    EN,
    counts_line,
    explanation,
    status_name,
    transition_name,
    value_move,
)
from bizenv_cli.output.terminal.console import plain_text
from bizenv_cli.output.terminal.stack import lines_block, stacked, table_fits
from bizenv_cli.sanitize import clean

BETTER = (Transition.newly_met, Transition.recovered, Transition.improved)


def _cells(c: TargetChange, msg: Messages, plain: bool) -> list[Text]:
    """no., target, transition, status, value, explanation."""
    style = "" if plain else ("red" if c.worse else "green" if c.transition in BETTER else "")
    return [
        Text(str(c.measure)),
        Text(clean(msg.label(c.target))),
        Text(transition_name(c.transition, msg), style=style),
        Text(f"{status_name(c.old_status, msg)} -> {status_name(c.new_status, msg)}"),
        Text(value_move(c.old_value, c.new_value, c.delta, msg)),
        Text(clean(explanation(c, msg))),
    ]


def build_table(result: DiffResult, *, plain: bool, msg: Messages = EN) -> Table:
    table = Table(
        box=box.ASCII2 if plain else box.SIMPLE_HEAD,
        header_style="" if plain else "bold",
        show_edge=not plain,
        pad_edge=False,
        expand=True,
    )
    table.add_column(msg("hist.col.no"), justify="right", no_wrap=True)
    table.add_column(msg("hist.col.target"), no_wrap=True)  # an id is never split
    for key in ("transition", "status", "value"):
        table.add_column(msg(f"diff.col.{key}"), no_wrap=True)
    table.add_column(msg("diff.col.now"), min_width=16, ratio=1, overflow="fold")
    for c in result.changes:
        table.add_row(*_cells(c, msg, plain))
    return table


def diff_blocks(result: DiffResult, *, plain: bool, msg: Messages = EN) -> RenderableType:
    """For a narrow terminal: 'no. target transition', then the statuses, the value and
    the explanation, each on a line of its own."""
    blocks = []
    for c in result.changes:
        no, target, transition, status, value, explanation = _cells(c, msg, plain)
        blocks.append(lines_block([no, target, transition], [status, value, explanation]))
    return stacked(blocks)


def print_table(console: Console, result: DiffResult, msg: Messages = EN) -> None:
    plain = not console.is_terminal or console.is_dumb_terminal or console.no_color
    old, new = day_text(result.old_as_of, msg.lang), day_text(result.new_as_of, msg.lang)
    title = msg("diff.title", plan=result.plan.zh, old=old, new=new)
    for part in title.split("\n"):  # under zh: the plan, then the periods on a line of their own
        console.print(Text(clean(part), style="" if plain else "bold"))
    if result.changes:
        table = build_table(result, plain=plain, msg=msg)
        fits = table_fits(table, console.width)
        console.print(table if fits else diff_blocks(result, plain=plain, msg=msg))
    else:
        console.print(Text(msg("diff.none")))
    console.print(Text(counts_line(result, msg)))


def render(result: DiffResult, msg: Messages = EN) -> str:
    """The table as plain text (for ``-o FILE``)."""
    return plain_text(lambda console: print_table(console, result, msg))

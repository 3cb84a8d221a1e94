"""`report --ledger FILE`: the supervision items still open (督办事项), red ones first, at the
top of the report, before the views (issue 18). One plain view, three renderings: the
terminal, the paper formats (blocks: HTML and PDF) and Markdown."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.text import Text

from bizenv_cli.i18n import Messages
from bizenv_cli.models.ledger import ItemState
from bizenv_cli.output.markdown import cell
from bizenv_cli.output.report.blocks import Block, Heading, Line, Table
from bizenv_cli.output.report.style import remaining, report_table, safe
from bizenv_cli.sanitize import clean
from bizenv_cli.supervision.view import Shown

_HEADS = ("items.col.light", "items.col.item", "items.col.unit", "items.col.target",
          "items.col.rectify_by", "items.col.days_left", "items.col.feedback")  # fmt: skip
_STYLE = {"red": "bold red", "yellow": "yellow", "green": "green"}


@dataclass(frozen=True)
class OpenItems:
    heading: str
    heads: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lights: tuple[str, ...]  # each row's colour (green, yellow, red)
    empty: str


def open_items(
    shown: Sequence[Shown], names: Mapping[str, str], titles: Mapping[str, str], msg: Messages
) -> OpenItems:
    """The open items of ``shown`` (red, then yellow, then green, as `ledger show` orders
    them), each with its unit's name and its target's title in the report's language."""
    rows, lights = [], []
    for s in shown:
        item = s.item
        if item.state is not ItemState.open:
            continue
        left = s.light.days_left
        days = "" if left is None else (
            msg("items.days_left", days=left) if left >= 0 else msg("items.days_over", days=-left)
        )
        last = item.feedback[-1] if item.feedback else None
        rows.append((
            msg(f"items.light.{s.light.colour}"), item.id, clean(names.get(item.unit, item.unit)),
            clean(titles.get(item.target, item.target)), msg.date(item.rectify_by), days,
            f"{msg.date(last.date)} {clean(last.text)}" if last else msg("items.no_feedback"),
        ))  # fmt: skip
        lights.append(s.light.colour)
    red = lights.count("red")
    heading = msg("view.items", count=len(rows), red=red)
    return OpenItems(heading, tuple(msg(h) for h in _HEADS), tuple(rows), tuple(lights),
                     msg("view.items_none"))  # fmt: skip


def items_terminal(view: OpenItems, width: int) -> RenderableType:
    title = Text(view.heading, style="bold underline")
    if not view.rows:
        return Group(title, Text(view.empty, style="dim"))
    table = report_table()
    fixed = [4, 10, 10]
    for i, head in enumerate(view.heads):
        wide = i in (2, 3, 6)
        table.add_column(head, overflow="fold",
                         max_width=remaining(width, fixed) // 2 if wide else None,
                         no_wrap=not wide)  # fmt: skip
    for colour, row in zip(view.lights, view.rows, strict=True):
        table.add_row(safe(row[0], _STYLE[colour]), *(safe(c) for c in row[1:]))
    return Group(title, table)


def items_blocks(view: OpenItems) -> list[Block]:
    blocks: list[Block] = [Heading(view.heading, 2)]
    if not view.rows:
        return [*blocks, Line(view.empty)]
    return [*blocks, Table(view.heads, view.rows, (5, 10, 12, 24, 10, 8, 24),
                           code=frozenset({1}))]  # fmt: skip


def items_markdown(view: OpenItems) -> list[str]:
    lines = [f"## {cell(view.heading)}", ""]
    if not view.rows:
        return [*lines, cell(view.empty), ""]
    lines.append("| " + " | ".join(cell(h) for h in view.heads) + " |")
    lines.append("|" + " --- |" * len(view.heads))
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in view.rows]
    return [*lines, ""]

"""The `bizenv list` table: one row per target."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from bizenv_cli.listing import requirement
from bizenv_cli.output.terminal.stack import block, stacked, table_fits
from bizenv_cli.sanitize import clean


def _units(ids: list[str], names: dict[str, str]) -> str:
    return "、".join(names.get(i, i) for i in ids)


def listing_part(data: dict[str, Any], names: dict[str, str], *, plain: bool, width: int) -> (
    RenderableType
):
    """The table when it fits in ``width``, else a block per target."""
    table = listing_table(data, names, plain=plain)
    return table if table_fits(table, width) else listing_blocks(data, names)


def listing_table(data: dict[str, Any], names: dict[str, str], *, plain: bool) -> Table:
    """``data`` is the `bizenv list` JSON document; ``names`` maps department ids to names.

    The last column shows the lead units (牵头单位), or the responsible units
    (责任单位) in brackets when the measure names no lead.
    """
    table = Table(
        box=box.ASCII2 if plain else box.SIMPLE_HEAD,
        header_style="" if plain else "bold",
        show_edge=not plain,
        pad_edge=False,
    )
    table.add_column("no.", justify="right", no_wrap=True)
    table.add_column("target", no_wrap=True)
    table.add_column("what (zh)", min_width=12, overflow="fold")
    table.add_column("requirement", min_width=18, overflow="fold")
    table.add_column("deadline", min_width=11, overflow="fold")
    table.add_column("lead", min_width=8, max_width=24, overflow="fold")
    for row in data["targets"]:
        table.add_row(*_cells(row, names))
    return table


def _cells(row: dict[str, Any], names: dict[str, str]) -> list[Text]:
    deadline = row["due"] or row["deadline"]["text"]
    units = _units(row["lead"], names) or f"({_units(row['responsible'], names)})"
    return [
        Text(str(row["measure_number"])),
        Text(clean(row["target_id"])),
        Text(clean(row["what"]["zh"])),
        Text(clean(requirement(row))),
        Text(clean(deadline)),
        Text(clean(units if units != "()" else "")),
    ]


def _labelled(label: str, value: Text) -> Text:
    return Text(label) + value if value.plain else value


def listing_blocks(data: dict[str, Any], names: dict[str, str]) -> RenderableType:
    """For a narrow terminal: 'no. id' then what, the requirement, the deadline and the
    lead (or responsible) units, indented and wrapped."""
    blocks = []
    for row in data["targets"]:
        number, target, what, needed, deadline, lead = _cells(row, names)
        blocks.append(
            block(
                [number, target],
                [what, needed, Text("due ") + deadline, _labelled("lead ", lead)],
            )
        )
    return stacked(blocks)

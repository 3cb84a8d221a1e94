"""The `bizenv list` table: one row per target."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.zh_words import zh_requirement as in_words
from bizenv_cli.listing import requirement
from bizenv_cli.output.terminal.stack import block, stacked, table_fits
from bizenv_cli.sanitize import clean

HEADERS_EN = ("no.", "target", "what (zh)", "requirement", "deadline", "lead")
HEADERS_ZH = ("序号", "目标", "内容", "要求", "完成时限", "牵头单位")
ID_HEADER = {"zh": "编号", "en": "id"}
BASELINE_ZH = {"previous_year": "较上年", "same_period_last_year": "较上年同期"}
PERIOD_ZH = {"year": "每年", "quarter": "每季度", "month": "每月"}


def zh_amount(comparator: str, value: float, unit: str | None, msg: Messages) -> str:
    """不超过30个工作日: the words of ``i18n.zh_words``, as every Chinese output has them."""
    return in_words(comparator, value, unit)


def zh_requirement(row: dict[str, Any], msg: Messages, *, with_unit: bool = True) -> str:
    """A target row's requirement in Chinese: '不超过30个工作日', '较上年降低不少于20%'."""
    if row["kind"] == "milestone":
        return msg("milestone.required")
    unit = row["unit"] if with_unit else None
    text = zh_amount(row["comparator"], row["value"], unit, msg)
    if row["kind"] == "change":  # 较上年降低不少于20%, as the report words a change
        baseline = BASELINE_ZH.get(row["baseline"], row["baseline"])
        size = zh_amount(row["comparator"], row["value"], None, msg)
        percent = "%" if unit == "percent" else ""
        text = f"{baseline}{msg('direction.' + row['direction'])}{size}{percent}"
        limit = row["limit"]
        if limit:
            text += f"，且{zh_amount(limit['comparator'], limit['value'], limit['unit'], msg)}"
    if row["period"]:
        text += f"（{PERIOD_ZH.get(row['period'], row['period'])}）"
    return text


def target_label(row: dict[str, Any], msg: Messages | None) -> str:
    """How a table names a target: its short Chinese title under zh (the title the
    measure file gives, ``models.target_title``), else its id."""
    return str(row["title"]["zh"]) if msg is not None and msg.lang == "zh" else row["target_id"]


def shows_ids(msg: Messages | None, ids: bool) -> bool:
    """Whether a table needs a column of ids beside the label: under zh with -v."""
    return ids and msg is not None and msg.lang == "zh"


def _units(ids: list[str], names: dict[str, str]) -> str:
    return "、".join(names.get(i, i) for i in ids)


def listing_part(
    data: dict[str, Any],
    names: dict[str, str],
    *,
    plain: bool,
    width: int,
    msg: Messages | None = None,
    ids: bool = False,
) -> RenderableType:
    """The table when it fits in ``width``, else a block per target."""
    table = listing_table(data, names, plain=plain, msg=msg, ids=ids)
    return table if table_fits(table, width) else listing_blocks(data, names, msg, ids=ids)


def listing_table(
    data: dict[str, Any],
    names: dict[str, str],
    *,
    plain: bool,
    msg: Messages | None = None,
    ids: bool = False,
) -> Table:
    """``data`` is the `bizenv list` JSON document; ``names`` maps department ids to names.

    Targets are named by their title under zh (with ``ids``, their id in a column
    beside it), by their id in English. The last column shows the lead units (牵头单位),
    or the responsible units (责任单位) in brackets when the measure names no lead.
    """
    table = Table(
        box=box.ASCII2 if plain else box.SIMPLE_HEAD,
        header_style="" if plain else "bold",
        show_edge=not plain,
        pad_edge=False,
    )
    zh = msg is not None and msg.lang == "zh"
    heads = HEADERS_ZH if zh else HEADERS_EN
    table.add_column(heads[0], justify="right", no_wrap=True)
    table.add_column(heads[1], no_wrap=True)  # a title or id is never split
    if shows_ids(msg, ids):
        table.add_column(ID_HEADER["zh"], no_wrap=True)
    table.add_column(heads[2], min_width=12, overflow="fold")
    table.add_column(heads[3], min_width=18, overflow="fold")
    table.add_column(heads[4], min_width=11, overflow="fold")
    table.add_column(heads[5], min_width=8, max_width=24, overflow="fold")
    for row in data["targets"]:
        cells = _cells(row, names, msg)
        if shows_ids(msg, ids):
            cells.insert(2, Text(clean(row["target_id"])))
        table.add_row(*cells)
    return table


def _cells(row: dict[str, Any], names: dict[str, str], msg: Messages | None) -> list[Text]:
    deadline = row["due"] or row["deadline"]["text"]
    units = _units(row["lead"], names) or f"({_units(row['responsible'], names)})"
    zh = msg is not None and msg.lang == "zh"
    return [
        Text(str(row["measure_number"])),
        Text(clean(target_label(row, msg))),
        Text(clean(row["what"]["zh"])),
        Text(clean(zh_requirement(row, msg) if zh and msg else requirement(row))),
        Text(clean(deadline)),
        Text(clean(units if units != "()" else "")),
    ]


def _labelled(label: str, value: Text) -> Text:
    return Text(label) + value if value.plain else value


def listing_blocks(
    data: dict[str, Any], names: dict[str, str], msg: Messages | None = None, *, ids: bool = False
) -> RenderableType:
    """For a narrow terminal: 'no. target' (the title under zh, then the id with ``ids``)
    then what, the requirement, the deadline and the lead (or responsible) units,
    indented and wrapped."""
    blocks = []
    for row in data["targets"]:
        number, target, what, needed, deadline, lead = _cells(row, names, msg)
        head = [number, target]
        if shows_ids(msg, ids):
            head.append(Text(clean(row["target_id"])))
        zh = msg is not None and msg.lang == "zh"
        due, by = ("完成时限 ", "牵头单位 ") if zh else ("due ", "lead ")
        blocks.append(block(head, [what, needed, Text(due) + deadline, _labelled(by, lead)]))
    return stacked(blocks)

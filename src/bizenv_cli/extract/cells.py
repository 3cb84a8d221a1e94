"""A table flattened to text: one row per line, cells separated by tabs.

A header row (序号 / 任务 / 牵头单位 / 责任单位 / 完成时限) names the columns; without
one, a cell of units is the lead when a second cell of units follows, and a cell that
reads as a deadline is the deadline."""

from __future__ import annotations

from bizenv_cli.extract.deadlines import ONGOING, read_deadline
from bizenv_cli.extract.fold import folded
from bizenv_cli.extract.names import unit_list
from bizenv_cli.extract.numbering import CELL_GAP
from bizenv_cli.extract.tail import LABEL, Tail, label_field


def header(line: str) -> list[str | None] | None:
    """The field of each column of a header row, or None when the line is no header."""
    cells = [folded(c) for c in CELL_GAP.split(line.strip())]
    fields: list[str | None] = []
    for cell in cells:
        match = LABEL.fullmatch(cell.rstrip(":"))
        fields.append(label_field(match["label"]) if match else None)
    return fields if sum(f is not None for f in fields) >= 1 and len(cells) >= 3 else None


def row_tail(line: str, columns: list[str | None] | None) -> tuple[Tail, str] | None:
    """The fields of a row's cells and its text cell; None if none read."""
    cells = CELL_GAP.split(line.strip())
    views = [folded(c).strip("。;") for c in cells]
    text_cell = max(range(len(cells)), key=lambda i: len(views[i]) if i else -1)
    tail = Tail()
    units_seen = 0
    for i, view in enumerate(views):
        if i in (0, text_cell) or not view:
            continue
        column = columns[i] if columns and i < len(columns) else None
        if column == "deadline" or (
            column is None and (ONGOING.fullmatch(view) or read_deadline(view, 2000))
            and not unit_list(view)
        ):
            tail.deadline = view
            continue
        names = unit_list(view)
        if names is None:
            tail.unread.append(view)
            continue
        if column in ("lead", "responsible"):
            getattr(tail, column).extend(names)
        elif column == "helper":
            tail.helpers.extend(names)
        else:
            units_seen += 1
            (tail.lead if units_seen == 1 else tail.responsible).extend(names)
    if columns is None and units_seen == 1:
        tail.unlabelled, tail.lead = tail.lead, []
    return (tail, cells[text_cell]) if not tail.empty else None

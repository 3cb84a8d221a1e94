"""Who must act: each unit's overdue, not-met and missing targets, as lead and as responsible.

One row per unit (its counts), then a row per role it holds with that role's
counts and target ids, each id marked with its status's bar character.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from bizenv_cli.evaluation.counts import ACTION
from bizenv_cli.evaluation.result import Status
from bizenv_cli.i18n import Messages
from bizenv_cli.output.report.hanging import hanging
from bizenv_cli.output.report.style import STATUS_STYLE, remaining, report_table, safe
from bizenv_cli.output.report.views import UnitRow, texts


def unit_label(unit: UnitRow, msg: Messages) -> Text:
    if msg.lang == "zh":
        return safe(unit.name, "bold")
    return safe(unit.en, "bold") + safe(" " + unit.name, "dim")


def _count(n: int, status: Status) -> Text:
    return Text(str(n), style=STATUS_STYLE[status] if n else "dim")


def units_view(units: tuple[UnitRow, ...], clear: int, msg: Messages, width: int) -> RenderableType:
    heading = Text(msg("view.department"), style="bold underline")
    if not units:
        return Group(heading, Text(msg("view.department_none")))
    roles = [role for u in units for role in u.roles]
    ids = [texts.listed(r, s, msg) for role in roles for s, rs in role.targets for r in rs]
    counts = [max(cell_len(msg(f"short.{s}")), 2) for s in ACTION]
    longest = max(cell_len(msg("col.targets")), *(cell_len(i) for i in ids))
    targets = min(longest, remaining(width, [12, *counts]))
    table = report_table()
    room = remaining(width, [*counts, targets])
    table.add_column(msg("col.department"), overflow="fold", max_width=room)
    for status in ACTION:
        table.add_column(msg(f"short.{status}"), justify="right", no_wrap=True)
    table.add_column(msg("col.targets"), overflow="fold", max_width=targets)
    for i, unit in enumerate(units):
        label = hanging(unit_label(unit, msg), room)
        table.add_row(label, *(_count(unit.count(s), s) for s in ACTION), Text(""))
        for role in unit.roles:
            if not role.total:
                continue
            listed = Text()
            for status in ACTION:
                for result in role.of(status):
                    if listed:
                        listed.append("\n")
                    listed.append_text(safe(texts.listed(result, status, msg)))
                    listed.stylize(STATUS_STYLE[status], len(listed) - 1)
            table.add_row(
                Text("  " + msg(f"role.{role.role}")),
                *(_count(role.count(s), s) for s in ACTION),
                listed,
            )
        if i < len(units) - 1:
            table.add_section()
    parts: list[RenderableType] = [heading, table]
    if clear:
        parts.append(Text(msg("view.department_rest", count=clear), style="dim"))
    return Group(*parts)

"""The whole report as rich renderables, printed to a console or exported (HTML, SVG)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, RenderableType
from rich.text import Text

from bizenv_cli.i18n import Messages
from bizenv_cli.models.plan import Department
from bizenv_cli.output.report.bars import bar_width
from bizenv_cli.output.report.groups import calendar_view, chapters_view
from bizenv_cli.output.report.header import header
from bizenv_cli.output.report.returns import returns_view
from bizenv_cli.output.report.targets import card_view, target_list
from bizenv_cli.output.report.units import units_view
from bizenv_cli.output.report.views import Report

VIEWS = ("chapter", "department", "overdue", "deadline", "returns")
DEFAULT_VIEWS = ("chapter", "department", "overdue")


def renderables(
    report: Report,
    views: Sequence[str],
    msg: Messages,
    departments: list[Department],
    width: int,
    since: Sequence[RenderableType] = (),
) -> list[RenderableType]:
    """The header, ``since`` (the section on the previous period), then the chosen views in
    the order of VIEWS, a blank line between."""
    bars = bar_width(width)
    names = {d.id: d for d in departments}
    parts: list[RenderableType] = [header(report, msg, width, bars), *since]
    for view in VIEWS:
        if view not in views:
            continue
        if view == "chapter":
            parts.append(chapters_view(report.chapters, msg, width, bars))
        elif view == "department":
            if report.card is not None:
                parts.append(card_view(report.card, msg, width))
            else:
                parts.append(units_view(report.units, report.units_clear, msg, width))
        elif view == "overdue":
            heading, empty = msg("view.overdue"), msg("view.overdue_none")
            parts.append(target_list(heading, empty, report.overdue, msg, names, width))
        elif view == "returns":
            parts.append(returns_view(report.returns, msg, width))
        else:
            days = report.due_within
            heading, empty = msg("view.due_soon", days=days), msg("view.due_soon_none", days=days)
            parts.append(target_list(heading, empty, report.due_soon, msg, names, width))
            parts.append(calendar_view(report.calendar, msg, width, bars))
    return parts


def print_report(console: Console, parts: Sequence[RenderableType]) -> None:
    for i, part in enumerate(parts):
        if i:
            console.print(Text(""))
        console.print(part)

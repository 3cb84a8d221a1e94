"""The report's "since the previous period" section on a terminal (and in its exports)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from bizenv_cli.history.since import SinceView
from bizenv_cli.history.since_texts import (
    chapter_label,
    heading,
    share_text,
    transitions_line,
    words,
)
from bizenv_cli.i18n import Messages
from bizenv_cli.models.base import Bilingual
from bizenv_cli.output.report.style import STATUS_STYLE, remaining, report_table, safe


def since_view(
    view: SinceView, msg: Messages, width: int, what: Mapping[str, Bilingual]
) -> RenderableType:
    """Counts of transitions, the targets that got worse, each chapter's share per period."""
    title = Text(heading(view, msg), style="bold underline")
    parts: list[RenderableType] = [title, Text(transitions_line(view, msg))]
    parts.append(Text(msg("since.worse"), style="bold"))
    if view.worse:
        table = report_table()
        table.add_column(msg("col.measure"), justify="right", no_wrap=True)
        zh = msg.lang == "zh"  # a title may wrap like Chinese text; an id never splits
        table.add_column(msg("col.target"), no_wrap=not zh, overflow="fold")
        table.add_column(msg("col.change"), no_wrap=True)
        longest = max(cell_len(msg.label(c.target)) for c in view.worse)
        table.add_column(
            msg("col.what"), overflow="fold", max_width=remaining(width, [4, longest, 20])
        )
        for change in view.worse:
            old, new = change.old_status, change.new_status
            assert old is not None and new is not None  # worse: in both results
            step = Text(msg.status(old)) + Text(" -> ") + Text(
                msg.status(new), style=STATUS_STYLE[new]
            )
            shown = words(what.get(change.target), msg)
            table.add_row(str(change.measure), safe(msg.label(change.target)), step, safe(shown))
        parts.append(table)
    else:
        parts.append(Text(msg("since.worse_none")))
    parts.append(Text(msg("since.chapters"), style="bold"))
    chapters = report_table()
    chapters.add_column(msg("col.chapter"), overflow="fold", max_width=remaining(width, [10] * 4))
    for label in view.labels:
        chapters.add_column(label, justify="right", no_wrap=True)
    for row in view.chapters:
        chapters.add_row(
            safe(chapter_label(row.number, row.title, msg)),
            *(share_text(s, msg) for s in row.shares),
        )
    parts.append(chapters)
    return Group(*parts)

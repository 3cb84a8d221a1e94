"""Tables of bars: by chapter with its sections, and the calendar of deadlines by month."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from bizenv_cli.evaluation.result import Status
from bizenv_cli.i18n import Messages, chinese_numeral
from bizenv_cli.models.base import Bilingual
from bizenv_cli.output.report.bars import bar, legend
from bizenv_cli.output.report.hanging import hanging
from bizenv_cli.output.report.style import STATUS_STYLE, remaining, report_table, safe
from bizenv_cli.output.report.views import ChapterRow, MonthRow, StatusCounts

# The statuses given a column of their own; pending and waived show in the bar and the total.
COLUMNS: tuple[Status, ...] = (
    Status.met,
    Status.at_risk,
    Status.overdue,
    Status.not_met,
    Status.missing,
)


def label_width(
    msg: Messages, width: int, bar_width: int, counts: Iterable[StatusCounts]
) -> int:
    """The width of the label column of ``_bar_table``: what the other columns leave."""
    largest = max((c.total for c in counts), default=0)
    number = len(str(largest))
    heads = [msg("col.total"), *(msg(f"short.{s}") for s in COLUMNS)]
    used = [
        max(cell_len(msg("col.progress")), bar_width),
        *(max(cell_len(h), number) for h in heads),
    ]
    return remaining(width, used, minimum=10)


def _bar_table(
    label: str, msg: Messages, width: int, bar_width: int, counts: Iterable[StatusCounts]
) -> Table:
    """Label | bar | total | a count per status in COLUMNS; the label takes what is left."""
    table = report_table()
    table.add_column(label, overflow="fold", max_width=label_width(msg, width, bar_width, counts))
    table.add_column(msg("col.progress"), no_wrap=True)
    table.add_column(msg("col.total"), justify="right", no_wrap=True)
    for status in COLUMNS:
        table.add_column(
            msg(f"short.{status}"), justify="right", no_wrap=True, style=STATUS_STYLE[status]
        )
    return table


def _counts_cells(counts: StatusCounts, bar_width: int) -> list[RenderableType]:
    cells: list[RenderableType] = [bar(counts, bar_width), Text(str(counts.total))]
    cells.extend(Text(str(counts[s])) if counts[s] else Text("0", style="dim") for s in COLUMNS)
    return cells


def _title(key: str, number: int, title: Bilingual | None, msg: Messages, style: str) -> Text:
    """ "一、切实加强项目要素保障" in zh; "1. Secure ... 切实加强项目要素保障" in en."""
    shown = chinese_numeral(number) if msg.lang == "zh" else str(number)
    if title is None:
        return Text(msg(key, number=shown, title=""), style=style)
    text = safe(msg(key, number=shown, title=title.zh if msg.lang == "zh" else title.en), style)
    if msg.lang == "en":
        text.append_text(safe(" " + title.zh, "dim"))
    return text


def chapters_view(
    rows: tuple[ChapterRow, ...], msg: Messages, width: int, bar_width: int
) -> RenderableType:
    heading = Text(msg("view.chapter"), style="bold underline")
    if not rows:
        return Group(heading, Text(msg("view.chapter_none")))
    counts = [c.counts for c in rows]
    table = _bar_table(msg("col.chapter"), msg, width, bar_width, counts)
    room = label_width(msg, width, bar_width, counts)
    for i, chapter in enumerate(rows):
        label = _title("chapter.label", chapter.number, chapter.title, msg, "bold")
        table.add_row(hanging(label, room), *_counts_cells(chapter.counts, bar_width))
        for section in chapter.sections:
            label = Text("  ") + _title("section.label", section.number, section.title, msg, "")
            table.add_row(hanging(label, room, 4), *_counts_cells(section.counts, bar_width))
        if i < len(rows) - 1:
            table.add_section()
    return Group(heading, table, legend(msg))


def calendar_view(
    rows: tuple[MonthRow, ...], msg: Messages, width: int, bar_width: int
) -> RenderableType:
    heading = Text(msg("view.calendar"), style="bold underline")
    if not rows:
        return Group(heading, Text(msg("view.calendar_none")))
    table = _bar_table(msg("col.month"), msg, width, bar_width, (r.counts for r in rows))
    for row in rows:
        table.add_row(
            Text(msg("month.label", year=row.year, month=row.month)),
            *_counts_cells(row.counts, bar_width),
        )
    return Group(heading, table, legend(msg))

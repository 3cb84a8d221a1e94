"""`report --by returns`: the units to chase (sent nothing this period), then the returns
that came in, each unit with its targets, the files received and what is still unreported."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from bizenv_cli.i18n import Messages
from bizenv_cli.output.report.style import STATUS_STYLE, remaining, report_table, safe
from bizenv_cli.output.report.views import texts
from bizenv_cli.output.report.views.returns import ReturnsRow, ReturnsView
from bizenv_cli.output.terminal.stack import lines_block, stacked

_COUNTS = ("col.must_report", "col.as_lead", "col.unreported", "col.unreported_due")


def returns_heading(view: ReturnsView, msg: Messages) -> str:
    if view.period is None or view.start is None or view.end is None:
        return msg("view.returns_none")
    start, end = texts.day(view.start, msg), texts.day(view.end, msg)
    text = msg("view.returns", period=view.period, start=start, end=end)
    if view.due is not None:
        day = view.due
        text += msg("view.returns_due", year=day.year, month=day.month, day=day.day)
        text += msg("view.returns_late", days=view.late) if view.late else ""
    return text


def _name(row: ReturnsRow, msg: Messages) -> Text:
    if msg.lang == "zh":
        return safe(row.name, "bold")
    return safe(row.en, "bold") + safe(" " + row.name, "dim")


def _listed(row: ReturnsRow, msg: Messages) -> Text:
    text = Text()
    for path in row.files:
        text.append_text(safe(path, "green"))
        text.append("\n")
    if not row.unreported:
        text.append(msg("returns.all_reported"), style="dim")
    # Chinese titles have no spaces to wrap at: one a line, so none is ever split
    between = "\n" if msg.lang == "zh" else ", "
    for i, target in enumerate(row.unreported):
        text.append(between if i else "")
        text.append_text(safe(msg.label(target), STATUS_STYLE["missing"]))  # type: ignore[index]
    return text


def _table(rows: tuple[ReturnsRow, ...], msg: Messages, width: int, last: str) -> RenderableType:
    counts = [max(cell_len(msg(k)), 3) for k in _COUNTS]
    titles = [msg.label(t) for r in rows for t in r.unreported]
    shown = [*titles, *(f for r in rows for f in r.files)]
    longest = max([cell_len(msg(last)), *(cell_len(t) + 2 for t in shown)])
    listed = min(longest, remaining(width, [12, *counts]))
    if listed < longest:  # an id would be split: a block per unit instead (60 columns)
        return _blocks(rows, msg)
    table = report_table(lines=True)
    table.add_column(
        msg("col.department"), overflow="fold", max_width=remaining(width, [*counts, listed])
    )
    for key in _COUNTS:
        table.add_column(msg(key), justify="right", no_wrap=True)
    table.add_column(msg(last), overflow="fold", max_width=listed)
    for row in rows:
        due = Text(str(row.unreported_due), style="bold red" if row.unreported_due else "dim")
        table.add_row(
            _name(row, msg),
            str(row.targets),
            str(row.as_lead),
            Text(str(len(row.unreported)), style="magenta" if row.unreported else "dim"),
            due,
            _listed(row, msg),
        )
    return table


def _blocks(rows: tuple[ReturnsRow, ...], msg: Messages) -> RenderableType:
    """For a narrow terminal: the unit and its counts on one line (wrapping only between
    them), then its files and unreported targets below, indented; no id is split."""
    sep = "：" if msg.lang == "zh" else ": "
    blocks = []
    for row in rows:
        counts = (row.targets, row.as_lead, len(row.unreported), row.unreported_due)
        head = [_name(row, msg)] + [
            Text(f"{msg(key)}{sep}{n}") for key, n in zip(_COUNTS, counts, strict=True)
        ]
        blocks.append(lines_block(head, [_listed(row, msg)]))
    return stacked(blocks)


def returns_view(view: ReturnsView, msg: Messages, width: int) -> RenderableType:
    parts: list[RenderableType] = [Text(returns_heading(view, msg), style="bold underline")]
    chase, received = view.to_chase, view.received
    parts.append(Text(msg("returns.chase", count=len(chase)), style="bold"))
    if chase:
        parts.append(_table(chase, msg, width, "col.unreported_targets"))
    else:
        parts.append(Text(msg("returns.chase_none")))
    parts.append(Text(""))
    parts.append(Text(msg("returns.received", count=len(received)), style="bold"))
    if received:
        parts.append(_table(received, msg, width, "col.files_unreported"))
    else:
        parts.append(Text(msg("returns.received_none")))
    return Group(*parts)

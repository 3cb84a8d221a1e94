"""Lists of targets: overdue and missing, due soon, and one unit's report card.

Columns: measure | target (id, what it measures, the acting units) | status
and days | reported | required (| the unit's role, on the report card). The
narrow columns take what their contents need up to a cap; the target column
takes the rest, so nothing is cut at 80 columns.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from bizenv_cli.evaluation.counts import StatusCounts
from bizenv_cli.evaluation.result import TargetResult
from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.zh_words import zh_punctuation
from bizenv_cli.models.plan import Department
from bizenv_cli.output.report.style import STATUS_STYLE, remaining, report_table, safe, status_text
from bizenv_cli.output.report.views import ReportCard, texts

Row = list[Text]


def target_cell(result: TargetResult, msg: Messages, units: str = "") -> Text:
    """The target id, what it measures (Chinese; in en the English beside it), and the units."""
    text = safe(msg.label(result.target), "bold")
    text.append("\n")
    text.append_text(safe(zh_punctuation(result.what.zh) if msg.lang == "zh" else result.what.zh))
    if msg.lang == "en":
        text.append("\n")
        text.append_text(safe(result.what.en, "dim"))
    if units:
        text.append("\n")
        text.append_text(safe(units, "dim"))
    return text


def status_cell(result: TargetResult, msg: Messages) -> Text:
    text = status_text(result.status, msg.status(result.status))
    days = texts.days(result, msg)
    if days:
        text.append("\n" + days, style=STATUS_STYLE[result.status])
    return text


def _widest(cells: Iterable[Text], header: str, cap: int) -> int:
    lines = [line for cell in cells for line in cell.plain.splitlines()]
    return min(cap, max([cell_len(header), *(cell_len(line) for line in lines)]))


def _table(heads: list[str], rows: list[Row], width: int) -> Table:
    """``rows`` are [measure, target, status, reported, required, (role)] cells."""
    caps = [4, 0, 16, 32 if width >= 120 else 14, 32 if width >= 120 else 14, 12]
    widths = [_widest((r[i] for r in rows), heads[i], caps[i]) for i in range(len(heads))]
    widths[1] = remaining(width, widths[:1] + widths[2:], minimum=20)
    # Keep target ids whole: narrow the other columns (down to 8) to make room.
    longest = max(len(r[1].plain.split("\n")[0]) for r in rows)
    for column in (3, 4, 2):  # reported, required, then status
        while widths[1] < longest and widths[column] > 8:
            widths[column] -= 1
            widths[1] += 1
    table = report_table(lines=True)
    for i, head in enumerate(heads):
        if i == 0:
            table.add_column(head, justify="right", no_wrap=True)
        else:
            table.add_column(head, overflow="fold", max_width=widths[i])
    for row in rows:
        table.add_row(*row)
    return table


def _heads(msg: Messages, *, roles: bool = False) -> list[str]:
    keys = ["col.measure", "col.target", "col.status", "col.reported", "col.required"]
    return [msg(k) for k in (*keys, "col.role")] if roles else [msg(k) for k in keys]


def _row(result: TargetResult, msg: Messages, units: str) -> Row:
    return [
        Text(str(result.measure)),
        target_cell(result, msg, units),
        status_cell(result, msg),
        safe(texts.reported(result, msg)),
        safe(texts.required(result, msg)),
    ]


def target_list(
    heading: str,
    empty: str,
    results: tuple[TargetResult, ...],
    msg: Messages,
    departments: dict[str, Department],
    width: int,
) -> RenderableType:
    """A heading and a table of ``results`` (or the ``empty`` sentence)."""
    title = Text(heading, style="bold underline")
    if not results:
        return Group(title, Text(empty))
    rows = [_row(r, msg, texts.acting_units(r, departments, msg)) for r in results]
    return Group(title, _table(_heads(msg), rows, width))


def _role_counts(label: str, counts: StatusCounts, msg: Messages) -> Text:
    text = Text(f"{label}: ", style="bold")
    text.append(msg("card.count", count=counts.total))
    for status, n in counts.counts:
        if n:
            text.append("  ")
            text.append(f"{msg.status(status)} {n}", style=STATUS_STYLE[status])
    return text


def card_view(card: ReportCard, msg: Messages, width: int) -> RenderableType:
    """One unit's report card: its counts as lead and as responsible, then all its targets."""
    dept = card.department
    name = dept.name if msg.lang == "zh" else f"{dept.en} {dept.name}"
    heading = safe(msg("view.card", name=name), "bold underline")
    if not card.rows:
        return Group(heading, Text(msg("card.none")))
    rows = []
    for result, roles in card.rows:
        row = _row(result, msg, "")
        note = texts.waiver_note(result, msg)
        if note:
            row[3].append("\n")
            row[3].append_text(safe(note, "dim"))
        row.append(Text("\n".join(msg(f"role.{role}") for role in roles)))
        rows.append(row)
    summary = Group(
        _role_counts(msg("role.lead"), card.lead, msg),
        _role_counts(msg("role.responsible"), card.responsible, msg),
    )
    return Group(heading, summary, _table(_heads(msg, roles=True), rows, width))

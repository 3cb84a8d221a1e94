"""The report's header: plan, date, counts per status and the share of due targets met."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from bizenv_cli.i18n import Messages
from bizenv_cli.output.report.bars import bar, counts_table
from bizenv_cli.output.report.style import remaining, safe
from bizenv_cli.output.report.views import Report, texts

LABELS = (
    "header.plan",
    "header.as_of",
    "header.department",
    "header.targets",
    "header.counts",
    "header.due_met",
    "header.notes",
)


def share_text(report: Report, msg: Messages) -> str:
    share = report.share
    if share.share is None:
        return msg("header.due_met_none")
    return msg(
        "header.due_met_value", share=f"{share.share * 100:.1f}%", met=share.met, due=share.due
    )


def header(report: Report, msg: Messages, width: int, bar_width: int) -> RenderableType:
    label_width = max(cell_len(msg(key)) for key in LABELS)
    value_width = remaining(width, [label_width], minimum=20)
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(max_width=value_width, overflow="fold")
    plan: RenderableType = safe(report.plan.zh)
    if msg.lang == "en":
        plan = Group(safe(report.plan.en), safe(report.plan.zh, "dim"))
    grid.add_row(msg("header.plan"), plan)
    grid.add_row(msg("header.as_of"), texts.day(report.as_of, msg))
    if report.department is not None:
        dept = report.department
        grid.add_row(msg("header.department"), safe(f"{dept.name}  {dept.en}  ({dept.id})"))
    grid.add_row(
        msg("header.targets"),
        msg("header.targets_value", total=report.counts.total, measures=report.measures),
    )
    grid.add_row(
        msg("header.counts"),
        Group(
            counts_table(report.counts, msg, value_width),
            bar(report.counts, min(value_width, bar_width * 2)),
        ),
    )
    share_lines: list[RenderableType] = [Text(share_text(report, msg), style="bold")]
    if report.share.met_early:
        share_lines.append(Text(msg("header.met_early", count=report.share.met_early)))
    share_lines.append(Text(msg("header.due_met_help"), style="dim"))
    grid.add_row(msg("header.due_met"), Group(*share_lines))
    if report.notes:
        notes = (safe(texts.note(note, msg)) for note in report.notes)
        grid.add_row(msg("header.notes"), Group(*notes))
    return Group(Text(msg("report.title"), style="bold underline"), grid)

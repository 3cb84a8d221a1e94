"""`report --by returns` on paper (``--pdf``, ``--html``): the units to chase first, then
the returns received, each unit with its counts and the targets still unreported."""

from __future__ import annotations

from bizenv_cli.i18n import Messages
from bizenv_cli.output.report.blocks import Block, Heading, Line, Table
from bizenv_cli.output.report.returns import returns_heading
from bizenv_cli.output.report.views.returns import ReturnsRow, ReturnsView
from bizenv_cli.sanitize import clean

_COUNTS = ("col.must_report", "col.as_lead", "col.unreported", "col.unreported_due")


def _name(row: ReturnsRow, msg: Messages) -> str:
    return clean(row.name if msg.lang == "zh" else f"{row.en} {row.name}")


def _unreported(row: ReturnsRow, msg: Messages) -> str:
    sep = "、" if msg.lang == "zh" else ", "
    listed = sep.join(clean(msg.label(t)) for t in row.unreported)
    return listed or msg("returns.all_reported")


def _table(rows: tuple[ReturnsRow, ...], msg: Messages, *, files: bool) -> Table:
    """The units with their counts, the files received (for units that sent some), and
    the targets still unreported."""
    heads = (msg("col.department"), *(msg(k) for k in _COUNTS))
    heads += (msg("col.files_unreported"),) if files else (msg("col.unreported_targets"),)
    cells = tuple(
        (
            _name(r, msg),
            str(r.targets),
            str(r.as_lead),
            str(len(r.unreported)),
            str(r.unreported_due),
            ("; ".join(clean(p) for p in r.files) + ": " if files else "") + _unreported(r, msg),
        )
        for r in rows
    )
    code = frozenset() if msg.lang == "zh" else frozenset({5})  # ids look like code; titles not
    return Table(heads, cells, (16, 6, 6, 6, 6, 40), code=code)


def returns_blocks(view: ReturnsView, msg: Messages) -> list[Block]:
    chase, received = view.to_chase, view.received
    blocks: list[Block] = [
        Heading(returns_heading(view, msg), 2),
        Heading(msg("returns.chase", count=len(chase)), 3),
    ]
    blocks.append(_table(chase, msg, files=False) if chase else Line(msg("returns.chase_none")))
    blocks.append(Heading(msg("returns.received", count=len(received)), 3))
    if received:
        blocks.append(_table(received, msg, files=True))
    return blocks

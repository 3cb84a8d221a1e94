"""`bizenv history --format markdown`: a table of targets by period, for a wiki or a PR."""

from __future__ import annotations

from bizenv_cli.history.model import HistoryResult
from bizenv_cli.i18n import Messages
from bizenv_cli.output.history.common import (
    BY_ID,
    EN,
    Names,
    number,
    progress_text,
    status_name,
    trend_name,
)
from bizenv_cli.output.markdown import cell
from bizenv_cli.sanitize import clean, no_commands


def render(result: HistoryResult, msg: Messages = EN, names: Names = BY_ID) -> str:
    labels = [p.period for p in result.periods]
    sep = "、" if msg.lang == "zh" else ", "
    title = msg("hist.md_title", plan=cell(result.plan.zh), periods=cell(sep.join(labels)))
    lines = [f"## {title}", ""]
    heads = " | ".join(cell(x) for x in labels)
    no, target, trend, progress = (
        msg(f"hist.col.{k}") for k in ("no", "target", "trend", "progress")
    )
    id_head = f" {msg('hist.col.id')} |" if names.id_column else ""
    lines.append(f"| {no} | {target} |{id_head} {heads} | {trend} | {progress} |")
    id_rule = " --- |" if names.id_column else ""
    lines.append(
        f"| ---: | --- |{id_rule} " + " | ".join("---" for _ in labels) + " | --- | --- |"
    )
    left, right = ("（", "）") if msg.lang == "zh" else (" (", ")")
    for row in result.targets:
        points = [
            cell(
                status_name(p.status.value, msg)
                + (f"{left}{number(p.value)}{right}" if p.value is not None else "")
            )
            for p in row.series
        ]
        code = f"`{clean(row.target)}`"
        shown = [cell(names.label(row.target)), code] if names.id_column else (
            [cell(names.label(row.target))] if names.titles else [code]
        )
        cells = [str(row.measure), *shown, *points, trend_name(row.trend, msg)]
        cells.append(cell(progress_text(row, msg)))
        lines.append("| " + " | ".join(cells) + " |")
    return no_commands("\n".join(lines) + "\n")

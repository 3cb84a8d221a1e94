"""`bizenv diff --format markdown`: the transition counts and the changed targets."""

from __future__ import annotations

from bizenv_cli.history.diff_model import DiffResult
from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.dates import day_text
from bizenv_cli.output.history.common import (
    EN,
    TRANSITION_ORDER,
    explanation,
    status_name,
    transition_name,
    value_move,
)
from bizenv_cli.output.markdown import cell
from bizenv_cli.sanitize import no_commands


def render(result: DiffResult, msg: Messages = EN) -> str:
    old, new = day_text(result.old_as_of, msg.lang), day_text(result.new_as_of, msg.lang)
    lines = [
        f"## {msg('diff.md_title', plan=cell(result.plan.zh), old=old, new=new)}",
        "",
        f"| {msg('diff.col.transition')} | {msg('diff.col.targets')} |",
        "| --- | ---: |",
    ]
    lines += [
        f"| {transition_name(t, msg)} | {result.counts[t]} |" for t in TRANSITION_ORDER
    ]
    lines.append("")
    if result.changes:
        heads = [msg(f"hist.col.{k}") for k in ("no", "target")] + [
            msg(f"diff.col.{k}") for k in ("transition", "status", "value", "explanation")
        ]
        lines += ["| " + " | ".join(heads) + " |", "| ---: | --- | --- | --- | --- | --- |"]
        for c in result.changes:
            status = f"{status_name(c.old_status, msg)} -> {status_name(c.new_status, msg)}"
            cells = [
                str(c.measure),
                cell(msg.label(c.target)),  # any text in a file given to diff: escaped
                transition_name(c.transition, msg),
                cell(status),
                cell(value_move(c.old_value, c.new_value, c.delta, msg)),
                cell(explanation(c, msg)),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return no_commands("\n".join(lines).rstrip("\n") + "\n")

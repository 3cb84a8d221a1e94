"""The report's "since the previous period" section as Markdown (`bizenv report --markdown`)."""

from __future__ import annotations

from collections.abc import Mapping

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
from bizenv_cli.output.report.markdown import md


def since_lines(view: SinceView, msg: Messages, what: Mapping[str, Bilingual]) -> list[str]:
    lines = [f"## {md(heading(view, msg))}", "", md(transitions_line(view, msg)), ""]
    lines += [f"### {md(msg('since.worse'))}", ""]
    if view.worse:
        heads = [msg(k) for k in ("col.measure", "col.target", "col.change", "col.what")]
        lines += ["| " + " | ".join(md(h) for h in heads) + " |", "| ---: | --- | --- | --- |"]
        for c in view.worse:
            assert c.old_status is not None and c.new_status is not None
            step = f"{msg.status(c.old_status)} -> {msg.status(c.new_status)}"
            shown = words(what.get(c.target), msg)
            label = md(msg.label(c.target)) if msg.lang == "zh" else f"`{c.target}`"
            lines.append(f"| {c.measure} | {label} | {md(step)} | {md(shown)} |")
    else:
        lines.append(md(msg("since.worse_none")))
    lines += ["", f"### {md(msg('since.chapters'))}", ""]
    lines.append("| " + " | ".join(md(x) for x in (msg("col.chapter"), *view.labels)) + " |")
    lines.append("| --- |" + " ---: |" * len(view.labels))
    for row in view.chapters:
        cells = [md(chapter_label(row.number, row.title, msg))]
        cells += [share_text(s, msg) for s in row.shares]
        lines.append("| " + " | ".join(cells) + " |")
    return lines

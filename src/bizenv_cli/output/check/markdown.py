"""`bizenv check --format markdown`: tables for a pull-request comment or a step summary."""

from __future__ import annotations

from bizenv_cli.evaluation.result import CheckResult
from bizenv_cli.output.check.common import (
    STATUS_ORDER,
    ReportContext,
    days_text,
    due_text,
    lead_text,
    status_label,
)
from bizenv_cli.output.markdown import cell
from bizenv_cli.sanitize import clean, no_commands

__all__ = ["cell", "render"]

def render(result: CheckResult, ctx: ReportContext) -> str:
    lines = [f"## bizenv check: {cell(result.plan.zh)}, as of {result.as_of}", ""]
    lines += ["| status | targets |", "| --- | ---: |"]
    lines += [f"| {s.value} | {result.summary.get(s, 0)} |" for s in STATUS_ORDER]
    lines.append("")
    failing = sum(result.summary.get(s, 0) for s in ctx.failing)
    verdict = f"**{failing} target(s) failing**" if failing else "**nothing failing**"
    lines += [f"{verdict} (fail on: {', '.join(sorted(s.value for s in ctx.failing))}).", ""]
    if result.results:
        lines += [
            "| no. | target | status | reported vs required | due | days | lead |",
            "| ---: | --- | --- | --- | --- | --- | --- |",
        ]
        for row in result.results:
            cells = [
                str(row.measure),
                f"`{clean(row.target)}`",  # an id: [a-z0-9-] by the schema
                cell(status_label(row)),
                cell(row.explanation),
                cell(due_text(row)),
                cell(days_text(row)),
                cell(lead_text(row, ctx.names)),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    for note in result.notes:
        lines.append(f"> note: {cell(note)}")
    return no_commands("\n".join(lines).rstrip("\n") + "\n")

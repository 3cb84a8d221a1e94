"""`bizenv check --format github`: GitHub Actions annotations, then the summary line.

A failing reported value is annotated on its line in the submission; a missing
one on the target in the measure file. at_risk targets become warnings.
"""

from __future__ import annotations

from bizenv_cli.evaluation.result import CheckResult, Location, Status, TargetResult
from bizenv_cli.output.check.common import ReportContext, days_text, status_label, summary_line
from bizenv_cli.output.validate.github import escape_data, escape_property


def annotation(level: str, where: Location, title: str, message: str) -> str:
    props = [f"file={escape_property(where.path)}"]
    if where.line:
        props.append(f"line={where.line}")
        if where.column:
            props.append(f"col={where.column}")
    props.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(props)}::{escape_data(message)}"


def _line(row: TargetResult, level: str) -> str:
    where = row.reported_location or row.target_location
    message = f"{row.what.zh}: {row.explanation}"
    if days_text(row):
        message += f" ({days_text(row)})"
    return annotation(level, where, f"{row.target} {status_label(row)}", message)


def render(result: CheckResult, ctx: ReportContext) -> str:
    lines = []
    for row in result.results:
        if row.status in ctx.failing:
            lines.append(_line(row, "error"))
        elif row.status is Status.at_risk:
            lines.append(_line(row, "warning"))
    lines += [f"::warning::{escape_data(note)}" for note in result.notes]
    lines.append(summary_line(result, ctx))
    return "\n".join(lines) + "\n"

"""`bizenv history --format markdown`: a table of targets by period, for a wiki or a PR."""

from __future__ import annotations

from bizenv_cli.history.model import HistoryResult
from bizenv_cli.output.history.common import number, progress_text
from bizenv_cli.output.markdown import cell
from bizenv_cli.sanitize import clean, no_commands


def render(result: HistoryResult) -> str:
    labels = [p.period for p in result.periods]
    lines = [f"## bizenv history: {cell(result.plan.zh)}, {cell(', '.join(labels))}", ""]
    heads = " | ".join(cell(x) for x in labels)
    lines.append(f"| no. | target | {heads} | trend | progress |")
    lines.append("| ---: | --- | " + " | ".join("---" for _ in labels) + " | --- | --- |")
    for row in result.targets:
        points = [
            cell(p.status.value + (f" ({number(p.value)})" if p.value is not None else ""))
            for p in row.series
        ]
        trend = row.trend.value if row.trend else ""
        target = f"`{clean(row.target)}`"
        cells = [str(row.measure), target, *points, trend, cell(progress_text(row))]
        lines.append("| " + " | ".join(cells) + " |")
    return no_commands("\n".join(lines) + "\n")

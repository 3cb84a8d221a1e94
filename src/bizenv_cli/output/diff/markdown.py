"""`bizenv diff --format markdown`: the transition counts and the changed targets."""

from __future__ import annotations

from bizenv_cli.history.diff_model import DiffResult
from bizenv_cli.output.check.markdown import cell
from bizenv_cli.output.history.common import TRANSITION_ORDER, value_move


def render(result: DiffResult) -> str:
    lines = [
        f"## bizenv diff: {cell(result.plan.zh)}, {result.old_as_of} -> {result.new_as_of}",
        "",
        "| transition | targets |",
        "| --- | ---: |",
    ]
    lines += [f"| {t.value} | {result.counts[t]} |" for t in TRANSITION_ORDER]
    lines.append("")
    if result.changes:
        lines += [
            "| no. | target | transition | status | value | explanation |",
            "| ---: | --- | --- | --- | --- | --- |",
        ]
        for c in result.changes:
            status = f"{c.old_status or '-'} -> {c.new_status or '-'}"
            cells = [
                str(c.measure),
                f"`{c.target}`",
                c.transition.value,
                cell(status),
                cell(value_move(c.old_value, c.new_value, c.delta)),
                cell(c.explanation),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines).rstrip("\n") + "\n"

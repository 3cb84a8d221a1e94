"""`bizenv diff --format markdown`: the transition counts and the changed targets."""

from __future__ import annotations

from bizenv_cli.history.diff_model import DiffResult
from bizenv_cli.output.history.common import TRANSITION_ORDER, value_move
from bizenv_cli.output.markdown import cell
from bizenv_cli.sanitize import no_commands


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
                cell(c.target),  # any text in a file given to diff: escaped, not code
                c.transition.value,
                cell(status),
                cell(value_move(c.old_value, c.new_value, c.delta)),
                cell(c.explanation),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return no_commands("\n".join(lines).rstrip("\n") + "\n")

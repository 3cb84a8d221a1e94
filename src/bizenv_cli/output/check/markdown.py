"""`bizenv check --format markdown`: tables for a pull-request comment or a step summary."""

from __future__ import annotations

from bizenv_cli.evaluation.result import CheckResult
from bizenv_cli.i18n.zh_words import zh_date
from bizenv_cli.output.check.common import (
    STATUS_ORDER,
    ReportContext,
    days_text,
    due_text,
    explanation,
    lead_text,
    period_mark,
    status_label,
)
from bizenv_cli.output.markdown import cell
from bizenv_cli.sanitize import clean, no_commands

__all__ = ["cell", "render"]

def render(result: CheckResult, ctx: ReportContext) -> str:
    msg, zh = ctx.msg, ctx.zh
    unit = ctx.names.get(result.department, result.department) if result.department else ""
    if zh:
        lines = [f"## {cell(result.plan.zh)}：截至{zh_date(result.as_of)}", ""]
        lines += ["| 状态 | 目标数 |", "| --- | ---: |"]
        lines += [f"| {msg.status(s)} | {result.summary.get(s, 0)} |" for s in STATUS_ORDER]
    else:
        lines = [f"## bizenv check: {cell(result.plan.zh)}, as of {result.as_of}", ""]
        lines += ["| status | targets |", "| --- | ---: |"]
        lines += [f"| {s.value} | {result.summary.get(s, 0)} |" for s in STATUS_ORDER]
    if unit:
        lines[1:1] = ["", (f"单位：{cell(unit)}" if zh else f"Unit: {cell(unit)}")]
    lines.append("")
    failing = sum(result.summary.get(s, 0) for s in ctx.failing)
    if zh:
        verdict = f"**{failing} 项目标不合格**" if failing else "**没有不合格的目标**"
        rule = "、".join(msg.status(s) for s in STATUS_ORDER if s in ctx.failing)
        lines += [f"{verdict}（判为不合格的状态：{rule or '无'}）。", ""]
    else:
        verdict = f"**{failing} target(s) failing**" if failing else "**nothing failing**"
        lines += [f"{verdict} (fail on: {', '.join(sorted(s.value for s in ctx.failing))}).", ""]
    if result.results:
        lines += [
            "| 序号 | 目标 | 状态 | 报送值与要求 | 完成时限 | 天数 | 牵头单位 |"
            if zh
            else "| no. | target | status | reported vs required | due | days | lead |",
            "| ---: | --- | --- | --- | --- | --- | --- |",
        ]
        for row in result.results:
            cells = [
                str(row.measure),
                # an id ([a-z0-9-] by the schema) as code; a Chinese title as text
                cell(msg.label(row.target)) if zh else f"`{clean(row.target)}`",
                cell(status_label(row, msg)),
                cell(explanation(row, msg) + period_mark(row, result.checked_period, zh)),
                cell(due_text(row, msg)),
                cell(days_text(row, msg)),
                cell(lead_text(row, ctx.names, zh)),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    for note in result.notes:
        lines.append(f"> 说明：{cell(note)}" if zh else f"> note: {cell(note)}")
    return no_commands("\n".join(lines).rstrip("\n") + "\n")

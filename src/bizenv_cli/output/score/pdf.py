"""`bizenv score --format pdf -o FILE`: a one-page summary and a page per unit, in Chinese.

Laid out by the report's PDF machinery (``output.report.pdf``, with its embedded Chinese
font from ``output.report.fonts``): this module only builds the blocks.
"""

from __future__ import annotations

from pathlib import Path

from bizenv_cli.i18n import Messages
from bizenv_cli.output.report.blocks import Block, Heading, Line, PageBreak, Table
from bizenv_cli.output.score import texts
from bizenv_cli.sanitize import clean
from bizenv_cli.scoring.model import ScoreResult, UnitScore

SUMMARY = ("名次", "单位", "得分", "优秀资格", "主要扣分")
LINES = ("规则", "指标", "期间", "分值", "依据")


def _summary(result: ScoreResult, msg: Messages) -> list[Block]:
    rows = []
    for unit in result.units:
        worst = "；".join(f"{rule} {texts.points(v)}" for rule, v in texts.main_deductions(unit))
        eligible = "是" if unit.eligible_excellent else "否"
        rows.append((str(unit.rank), clean(unit.unit_name), texts.score_text(unit.score),
                     eligible, worst))
    return [Table(SUMMARY, tuple(rows), (1, 4, 2, 2, 8), whole=frozenset({0, 2, 3}))]


def _ids(msg: Messages) -> frozenset[int]:
    """The target column in a monospace look when it holds ids; titles read as text."""
    return frozenset() if msg.lang == "zh" else frozenset({1})


def _unit(result: ScoreResult, unit: UnitScore, msg: Messages) -> list[Block]:
    eligible = "是" if unit.eligible_excellent else f"否（{texts.reasons(unit, msg)}）"
    blocks: list[Block] = [
        PageBreak(),
        Heading(f"{clean(unit.unit_name)}：{texts.score_text(unit.score)}分", 2),
        Line(f"基础分{texts.score_text(unit.base)}分，各行合计"
             f"{texts.points(round(unit.score - unit.base, 2))}分，得分"
             f"{texts.score_text(unit.score)}分，名次第{unit.rank}名；优秀资格：{eligible}。"),
    ]
    rows = tuple(
        (clean(line.rule), clean(msg.label(line.target) if line.target else "—"),
         texts.zh_period(line.period),
         texts.points(line.points), texts.why(line, msg))
        for line in unit.lines
    )
    if rows:
        blocks.append(Table(LINES, rows, (3, 5, 3, 1, 8), right=0, code=_ids(msg)))
    else:
        blocks.append(Line("本年度没有计分记录。"))
    return blocks


def blocks(result: ScoreResult, msg: Messages) -> list[Block]:
    found: list[Block] = [Heading(texts.title(result, msg), 1)]
    notice = texts.default_notice(result, msg)
    if notice:
        found.append(Line(notice))
    found.append(Line(texts.periods_line(result, msg)))
    if not result.statement:
        found += _summary(result, msg)
    for unit in result.units:
        found += _unit(result, unit, msg)
    return found


def write(result: ScoreResult, msg: Messages, path: Path) -> None:
    from bizenv_cli.fileio import write_atomic
    from bizenv_cli.output.report.fonts import pdf_font
    from bizenv_cli.output.report.pdf import render

    zh = msg.chinese()  # always Chinese; targets by their titles
    write_atomic(path, render(blocks(result, zh), zh, texts.title(result, zh), pdf_font()))

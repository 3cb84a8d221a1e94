"""`bizenv score --format table`: a row per unit (rank, score, 优秀, the main deductions);
with ``--department`` the unit's statement, every line. Every cell is a ``Text``."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from bizenv_cli.i18n import Messages
from bizenv_cli.output.score import texts
from bizenv_cli.output.terminal.console import is_plain, plain_text
from bizenv_cli.sanitize import clean
from bizenv_cli.scoring.model import ScoreResult, UnitScore

SUMMARY = {
    "zh": ("名次", "单位", "得分", "优秀资格", "主要扣分"),
    "en": ("rank", "unit", "score", "excellent", "main deductions"),
}
LINES = {
    "zh": ("规则", "指标", "期间", "分值", "依据"),
    "en": ("rule", "target", "period", "points", "why"),
}


def _table(heads: tuple[str, ...], plain: bool, right: tuple[int, ...]) -> Table:
    table = Table(box=box.ASCII2 if plain else box.SIMPLE_HEAD,
                  header_style="" if plain else "bold", show_edge=not plain, pad_edge=False)
    for i, head in enumerate(heads):
        table.add_column(head, justify="right" if i in right else "left",
                         no_wrap=i in right, overflow="fold")
    return table


def _yes(unit: UnitScore, msg: Messages) -> str:
    zh = msg.lang == "zh"
    if unit.eligible_excellent:
        return "是" if zh else "yes"
    return ("否：" if zh else "no: ") + texts.reasons(unit, msg)


def summary(result: ScoreResult, msg: Messages, plain: bool) -> Table:
    table = _table(SUMMARY[msg.lang], plain, (0, 2))
    sep = "；" if msg.lang == "zh" else "; "
    for unit in result.units:
        worst = sep.join(f"{rule} {texts.points(v)}" for rule, v in texts.main_deductions(unit))
        table.add_row(Text(str(unit.rank)), Text(clean(unit.unit_name)),
                      Text(texts.score_text(unit.score)), Text(_yes(unit, msg)), Text(worst))
    return table


def statement(unit: UnitScore, msg: Messages, plain: bool) -> Table:
    table = _table(LINES[msg.lang], plain, (3,))
    for line in unit.lines:
        period = texts.zh_period(line.period) if msg.lang == "zh" else (line.period or "")
        table.add_row(Text(clean(line.rule)), Text(clean(msg.label(line.target or ""))),
                      Text(period),
                      Text(texts.points(line.points)), Text(texts.why(line, msg)))
    return table


def print_result(console: Console, result: ScoreResult, msg: Messages) -> None:
    plain = is_plain(console) or bool(console.no_color)
    bold = "" if plain else "bold"
    console.print(Text(texts.title(result, msg), style=bold))
    console.print(Text(texts.periods_line(result, msg)))
    notice = texts.default_notice(result, msg)
    if notice:
        console.print(Text(notice, style="" if plain else "yellow"))
    if not result.statement:
        console.print(summary(result, msg, plain))
        return
    for unit in result.units:
        zh = msg.lang == "zh"
        head = (f"{clean(unit.unit_name)}：基础分{texts.score_text(unit.base)}，得分"
                f"{texts.score_text(unit.score)}，名次{unit.rank}，优秀资格：{_yes(unit, msg)}"
                if zh else
                f"{clean(unit.unit_name)} ({unit.unit}): base {texts.score_text(unit.base)}, "
                f"score {texts.score_text(unit.score)}, rank {unit.rank}, excellent: "
                f"{_yes(unit, msg)}")
        console.print(Text(head, style=bold))
        console.print(statement(unit, msg, plain))


def print_table(console: Console, result: ScoreResult, msg: Messages) -> None:
    print_result(console, result, msg)


def render(result: ScoreResult, msg: Messages) -> str:
    return plain_text(lambda console: print_result(console, result, msg))

"""`bizenv score --format xlsx -o FILE`: for the assessment committee, in Chinese.

Sheet 汇总: the default-rules notice (while the rules are the example), the periods, and
a row per unit (rank, unit, base, score, 优秀资格, why not, the main deductions). Then a
sheet per unit with every line (rule, target, period, points, why) and the total. Cells
are written by check's ``put``: text stays text, never a formula (``=``, ``+``, ``-``,
``@`` get Excel's quote prefix). The file is written atomically.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from bizenv_cli.i18n import Messages
from bizenv_cli.models.plan import Department, DepartmentKind
from bizenv_cli.output.check import xlsx as check_xlsx
from bizenv_cli.output.check.xlsx import sheet_names
from bizenv_cli.output.score import texts
from bizenv_cli.sanitize import clean
from bizenv_cli.scoring.model import ScoreResult, UnitScore
from bizenv_cli.templates.xlsx_writer import HEADER_FILL, text_width

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

SUMMARY_SHEET = "汇总"
SUMMARY = (
    "名次", "单位", "单位代码", "基础分", "得分", "优秀资格", "不具备优秀资格的原因", "主要扣分",
)
LINES = ("规则", "指标", "期间", "分值", "依据")
MAX_WIDTH = 60


def put(ws: Worksheet, row: int, column: int, value: object) -> None:
    """check's cell writer (text stays text, never a formula), bidi and control characters
    of input text made visible first (``sanitize.clean``)."""
    check_xlsx.put(ws, row, column, clean(value) if isinstance(value, str) else value)


def _header(ws: Worksheet, row: int, heads: tuple[str, ...]) -> None:
    from openpyxl.styles import Font, PatternFill

    for c, head in enumerate(heads, start=1):
        put(ws, row, c, head)
        ws.cell(row, c).font = Font(bold=True)
        ws.cell(row, c).fill = PatternFill("solid", fgColor=HEADER_FILL)


def _rows(ws: Worksheet, first: int, rows: list[list[object]], heads: tuple[str, ...]) -> None:
    from openpyxl.utils import get_column_letter

    widths = [text_width(h) + 2 for h in heads]
    for r, values in enumerate(rows, start=first):
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value)
            widths[c - 1] = max(widths[c - 1], text_width(str(value)) + 2)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(width, MAX_WIDTH)


def _intro(ws: Worksheet, result: ScoreResult, msg: Messages) -> int:
    """Title, periods and the notice at the top; the next free row."""
    lines = [texts.title(result, msg), texts.periods_line(result, msg),
             texts.default_notice(result, msg)]
    row = 1
    for text in (t for t in lines if t):
        put(ws, row, 1, text)
        row += 1
    return row + 1


def _summary(ws: Worksheet, result: ScoreResult, msg: Messages) -> None:
    first = _intro(ws, result, msg)
    _header(ws, first, SUMMARY)
    rows: list[list[object]] = []
    for unit in result.units:
        worst = "；".join(f"{rule} {texts.points(v)}" for rule, v in texts.main_deductions(unit))
        rows.append([unit.rank, unit.unit_name, unit.unit, unit.base, unit.score,
                     "是" if unit.eligible_excellent else "否", texts.reasons(unit, msg), worst])
    _rows(ws, first + 1, rows, SUMMARY)
    ws.freeze_panes = f"A{first + 1}"


def _unit(ws: Worksheet, result: ScoreResult, unit: UnitScore, msg: Messages) -> None:
    put(ws, 1, 1, f"{unit.unit_name}：基础分{texts.score_text(unit.base)}，得分"
                  f"{texts.score_text(unit.score)}，名次{unit.rank}")
    notice = texts.default_notice(result, msg)
    if notice:
        put(ws, 2, 1, notice)
    _header(ws, 4, LINES)
    rows: list[list[object]] = [
        [line.rule, msg.label(line.target or ""), texts.zh_period(line.period), line.points,
         texts.why(line, msg)]
        for line in unit.lines
    ]
    rows.append(["合计", "", "", round(unit.score - unit.base, 2), f"得分 = 基础分"
                 f"{texts.score_text(unit.base)} + 各行分值之和 = {texts.score_text(unit.score)}"])
    _rows(ws, 5, rows, LINES)
    ws.freeze_panes = "A5"


def build_workbook(result: ScoreResult, msg: Messages | None = None) -> Workbook:
    from openpyxl import Workbook

    msg = (msg or Messages("zh")).chinese()  # always Chinese; targets by their titles
    book = Workbook()
    ws = book.active
    assert ws is not None
    pseudo = [Department.model_construct(id="", name=SUMMARY_SHEET, en="", aliases=[],
                                         kind=DepartmentKind.outside)]
    pseudo += [Department.model_construct(id=u.unit, name=clean(u.unit_name), en="", aliases=[],
                                          kind=DepartmentKind.outside) for u in result.units]
    names = sheet_names(pseudo)
    ws.title = names[""]
    _summary(ws, result, msg)
    for unit in result.units:
        _unit(book.create_sheet(names[unit.unit]), result, unit, msg)
    return book


def write(result: ScoreResult, msg: Messages, path: Path) -> None:
    from bizenv_cli.fileio import write_atomic

    buffer = io.BytesIO()
    build_workbook(result, msg).save(buffer)
    write_atomic(path, buffer.getvalue())

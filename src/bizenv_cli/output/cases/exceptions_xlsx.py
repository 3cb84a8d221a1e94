"""`bizenv cases --exceptions FILE.xlsx --lang zh`: every case over the limit, in Chinese,
one sheet per unit so each unit can be sent its own cases.

A target's cases go to the sheet of the unit that answers for its measure (the first lead
unit, else the first responsible one; collectives are the lead office's, as in `check`'s
workbook). Targets are named by their short Chinese title, with the id beside it. Start
and end are real date cells (``yyyy-mm-dd hh:mm``) when they read as timestamps, text as
written otherwise; every text cell goes through ``output.check.xlsx.put``, so a case id
like ``=1+1`` stays text. Written atomically.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bizenv_cli.cases.exports import XLSX_MAX_ROWS
from bizenv_cli.cases.exports import rows as exception_rows
from bizenv_cli.cases.outcome import TargetOutcome
from bizenv_cli.errors import EXIT_USAGE, BizenvError
from bizenv_cli.i18n import Messages
from bizenv_cli.models.plan import Department, DepartmentKind
from bizenv_cli.output.check.xlsx import put, sheet_names

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

HEADER = (
    "指标", "编号", "案件编号", "文件", "行", "开始时间", "结束时间", "状态", "用时", "单位",
    "时限", "超出",
)
WIDTHS = (30, 36, 18, 24, 6, 18, 18, 8, 8, 10, 8, 8)
MOMENT_FORMAT = "yyyy-mm-dd hh:mm"
DAY_FORMAT = "yyyy-mm-dd"
STATE_ZH = {"closed": "已办结", "open": "未办结"}
NONE_SHEET = "说明"


def _moment(text: object) -> date | datetime | None:
    from bizenv_cli.timestamps import MomentError, parse_moment

    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return parse_moment(text.strip())
    except (MomentError, ValueError):
        return None


def _put_moment(ws: Worksheet, row: int, column: int, value: object) -> None:
    moment = _moment(value)
    if moment is None:
        put(ws, row, column, value)
        return
    cell = ws.cell(row, column)
    cell.value = moment
    cell.number_format = MOMENT_FORMAT if isinstance(moment, datetime) else DAY_FORMAT


def _sheet(ws: Worksheet, table: Sequence[list[object]], titles: Mapping[str, str]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    msg = Messages("zh")
    for c, label in enumerate(HEADER, start=1):
        put(ws, 1, c, label)
        ws.cell(1, c).font = Font(bold=True)
    for r, row in enumerate(table, start=2):
        target, case_id, file, line, start, end, state, duration, unit, limit, over = row
        values: list[object] = [
            titles.get(str(target), str(target)), target, case_id, file, line, start, end,
            STATE_ZH.get(str(state), state), duration, msg.unit(str(unit)) or "件", limit, over,
        ]
        for c, value in enumerate(values, start=1):
            if c in (6, 7):
                _put_moment(ws, r, c, value)
            elif isinstance(value, str):
                put(ws, r, c, value)
            else:
                ws.cell(r, c).value = value  # type: ignore[assignment]  # numbers
    for c, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions


def write_exceptions_zh(
    path: Path,
    outcomes: list[TargetOutcome],
    units: Mapping[str, str],
    departments: Sequence[Department],
    titles: Mapping[str, str],
) -> int:
    """The workbook at ``path``; ``units`` maps a target id to the unit that answers for
    it. Returns the number of cases written."""
    from bizenv_cli.spreadsheet.openpyxl_lean import load

    load()  # before any openpyxl import: without numpy
    from openpyxl import Workbook

    from bizenv_cli.fileio import save_atomic

    table = exception_rows(outcomes)
    book = Workbook()
    first = book.active
    assert first is not None
    by_unit: dict[str, list[list[object]]] = {}
    for row in table:
        by_unit.setdefault(units.get(str(row[0]), ""), []).append(row)
    biggest = max((len(r) for r in by_unit.values()), default=0)
    if biggest >= XLSX_MAX_ROWS:
        raise BizenvError(
            f"{biggest:,} cases of one unit over the limit do not fit in one worksheet "
            f"({XLSX_MAX_ROWS - 1:,} rows): write them as CSV (--exceptions FILE.csv)",
            exit_code=EXIT_USAGE,
        )
    known = {d.id: d for d in departments}
    order = [d for d in departments if d.id in by_unit]
    order += [
        Department.model_construct(id=u, name=u or "其他", en=u, aliases=[],
                                   kind=DepartmentKind.outside)
        for u in sorted(set(by_unit) - set(known))
    ]
    if not order:
        first.title = NONE_SHEET
        put(first, 1, 1, "没有超出时限的案件。")
    for i, (dept, name) in enumerate(zip(order, sheet_names(order).values(), strict=True)):
        ws = first if i == 0 else book.create_sheet()
        ws.title = name
        _sheet(ws, by_unit[dept.id], titles)
    save_atomic(path, lambda tmp: book.save(tmp))
    return len(table)

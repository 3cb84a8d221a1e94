"""`bizenv check --format xlsx -o FILE`: the results as a workbook in Chinese, for the office.

Sheet 全部指标 lists every target (filter on the header, header frozen, the status cell
filled by status); then one sheet per unit with the targets it must act on (overdue,
not met, missing, at risk) as lead or responsible unit, so each unit can be sent its
part; then 说明 (as-of date, plan, counts). Every text cell is written as text: a value
from an input that starts with ``=``, ``+``, ``-`` or ``@`` is stored as a string with
Excel's quote prefix, never as a formula. The file is written atomically.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bizenv_cli.departments import acting_units
from bizenv_cli.evaluation.result import NEEDS_ACTION, CheckResult, Status, TargetResult
from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.zh_words import zh_punctuation
from bizenv_cli.models.plan import Department, DepartmentKind
from bizenv_cli.output.check.common import ReportContext, period_mark
from bizenv_cli.output.report.views import texts
from bizenv_cli.templates.xlsx_writer import HEADER_FILL, text_width

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

ALL_SHEET = "全部指标"
NOTES_SHEET = "说明"
HEADER = (
    "目标", "举措", "指标", "要求", "报送值", "状态", "完成时限", "说明", "牵头单位", "责任单位",
)
MAX_WIDTHS = (40, 10, 40, 24, 24, 8, 14, 50, 24, 30)
STATUS_FILL: dict[Status, str] = {
    Status.met: "C6EFCE",
    Status.at_risk: "FFEB9C",
    Status.overdue: "FF9999",
    Status.not_met: "FFC7CE",
    Status.missing: "E4C1F9",
    Status.pending: "DDEBF7",
    Status.waived: "EDEDED",
}
FORMULA_START = ("=", "+", "-", "@")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_RESERVED = {ALL_SHEET, NOTES_SHEET}
SCOPE = "各单位工作表只列出该单位牵头或负责、需要行动的指标(逾期、未达标、未报送、有风险)。"


def _text(value: str) -> str:
    """Control characters other than tab and newline cannot be stored in a worksheet."""
    return "".join(ch if ch in "\t\n" or ord(ch) >= 32 else f"\\x{ord(ch):02x}" for ch in value)


def put(ws: Worksheet, row: int, column: int, value: object) -> None:
    """Write one cell; text is always text, never a formula (CSV/formula injection)."""
    from openpyxl.styles import Alignment

    cell = ws.cell(row, column)
    if isinstance(value, str):
        cell.value = _text(value)
        cell.data_type = "s"
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True  # Excel's leading apostrophe: shown as typed, kept text
    else:
        cell.value = value  # type: ignore[assignment]  # int (counts) only
    cell.alignment = Alignment(wrap_text=True, vertical="top")


def short_name(dept: Department) -> str:
    """The shortest Chinese spelling of a unit (name or alias)."""
    chinese = [n for n in (dept.name, *dept.aliases) if any(ord(c) > 0x2E7F for c in n)]
    return min(chinese or [dept.name], key=len)


def sheet_names(units: Sequence[Department]) -> dict[str, str]:
    """Unit id -> a valid, unique sheet name (no []:*?/\\, at most 31 characters)."""
    names: dict[str, str] = {}
    taken = {n.casefold() for n in _RESERVED}
    for dept in units:
        base = _BAD_SHEET_CHARS.sub("_", short_name(dept)).strip("'")[:31] or dept.id[:31]
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            name = f"{base[: 31 - len(str(n)) - 1]}_{n}"
        taken.add(name.casefold())
        names[dept.id] = name
    return names


def _remarks(result: TargetResult, msg: Messages) -> str:
    """说明: days left or overdue, the waiver, the submission's note, one per line.

    What was reported against what is required is in 报送值 and 要求 (in Chinese, as the
    report words it); check's one-line explanation is English and stays out."""
    parts = [texts.days(result, msg), texts.waiver_note(result, msg), result.note or ""]
    return "\n".join(p for p in parts if p)


def _row(
    result: TargetResult, msg: Messages, names: dict[str, str], checked: str | None
) -> list[object]:
    return [
        msg.label(result.target),  # the short title (the id beside it with -v)
        f"第{result.measure}条",
        zh_punctuation(result.what.zh),
        texts.required(result, msg),
        texts.reported(result, msg) + period_mark(result, checked, zh=True),
        msg.status(result.status.value),
        texts.deadline(result, msg),
        _remarks(result, msg),
        "、".join(names.get(u, u) for u in result.lead),
        "、".join(names.get(u, u) for u in result.responsible),
    ]


def _table(
    ws: Worksheet,
    rows: list[TargetResult],
    msg: Messages,
    names: dict[str, str],
    checked: str | None = None,
) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    widths = [text_width(h) + 2 for h in HEADER]
    for c, label in enumerate(HEADER, start=1):
        put(ws, 1, c, label)
        ws.cell(1, c).font = Font(bold=True)
        ws.cell(1, c).fill = PatternFill("solid", fgColor=HEADER_FILL)
    status_col = HEADER.index("状态") + 1
    for r, result in enumerate(rows, start=2):
        for c, value in enumerate(_row(result, msg, names, checked), start=1):
            put(ws, r, c, value)
            longest = max((text_width(p) for p in str(value).split("\n")), default=0)
            widths[c - 1] = max(widths[c - 1], longest + 2)
        fill = STATUS_FILL[result.status]
        ws.cell(r, status_col).fill = PatternFill("solid", fgColor=fill)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(width, MAX_WIDTHS[c - 1])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADER))}{max(len(rows) + 1, 2)}"
    ws.print_title_rows = "1:1"  # printed: the header on every page, all columns on one width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    if ws.sheet_properties.pageSetUpPr is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True


def _notes(ws: Worksheet, result: CheckResult, msg: Messages, units: int) -> None:
    from openpyxl.styles import Font

    rows: list[tuple[str, object]] = [
        ("方案", result.plan.zh),
        ("截至日期", result.as_of.isoformat()),
        ("指标总数", len(result.results)),
        *((msg.status(s.value), result.summary.get(s, 0)) for s in Status),
        ("需行动的单位", units),
        ("说明", SCOPE),
    ]
    for r, (label, value) in enumerate(rows, start=1):
        put(ws, r, 1, label)
        ws.cell(r, 1).font = Font(bold=True)
        put(ws, r, 2, value)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 80


def build_workbook(
    result: CheckResult,
    departments: Sequence[Department],
    names: dict[str, str],
    msg: Messages | None = None,
) -> Workbook:
    from bizenv_cli.spreadsheet.openpyxl_lean import load

    load()  # before any openpyxl import: without numpy
    from openpyxl import Workbook

    msg = (msg or Messages("zh")).chinese()  # always Chinese; targets by their titles
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = ALL_SHEET
    _table(ws, list(result.results), msg, names, result.checked_period)
    acting = [r for r in result.results if r.status in NEEDS_ACTION]
    # Collectives (区直各有关部门) get no sheet: their targets are the lead office's.
    who = {r.target: acting_units(r.lead, r.responsible, departments) for r in acting}
    ids = {u for r in acting for u in (*who[r.target][0], *who[r.target][1])}
    known = {d.id for d in departments}
    units = [d for d in departments if d.id in ids]
    units += [
        Department.model_construct(id=u, name=u, en=u, aliases=[], kind=DepartmentKind.outside)
        for u in sorted(ids - known)
    ]
    for dept, title in zip(units, sheet_names(units).values(), strict=True):
        mine = [r for r in acting if dept.id in who[r.target][0] or dept.id in who[r.target][1]]
        _table(book.create_sheet(title), mine, msg, names, result.checked_period)
    _notes(book.create_sheet(NOTES_SHEET), result, msg, len(units))
    return book


def write(result: CheckResult, ctx: ReportContext, path: Path) -> None:
    """Write the workbook to ``path`` atomically (BizenvError, exit 3, when it cannot)."""
    from bizenv_cli.fileio import write_atomic

    buffer = io.BytesIO()
    build_workbook(result, ctx.departments, ctx.names, ctx.msg).save(buffer)
    write_atomic(path, buffer.getvalue())

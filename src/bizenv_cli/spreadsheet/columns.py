"""The shared column list and label rows of the template, and how headers are recognised.

Headers carry a Chinese and an English label ("填报值 Value"). A returned sheet is
read by header text: a header matches a column when, ignoring spaces and case, it
equals or starts with the bilingual label, the Chinese label, the English label
or the field key. So "填报值(工作日)" still finds the value column, and columns may
be moved, deleted or added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    describe = "describe"  # written by bizenv, locked in the workbook, ignored when read
    fill = "fill"  # filled by the department


class Coerce(StrEnum):
    """How a fill-in cell is read (see ``cells``)."""

    text = "text"
    number = "number"
    whole = "whole"
    date = "date"
    state = "state"
    period = "period"


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    kind: Kind
    width: int  # in Excel character units (a Chinese character counts 2)
    coerce: Coerce = Coerce.text
    # Where the value goes in an entry: ("value",) or ("baseline", "value").
    field: tuple[str, ...] = ()

    @property
    def header(self) -> str:
        return f"{self.zh} {self.en}"

    @property
    def xlsx_header(self) -> str:
        return f"{self.zh}\n{self.en}"


TARGET_ID = "target_id"
# the template's 填写说明 sheet: a reader skips it (templates.instructions writes it)
SHEET_TITLE = "填写说明"

COLUMNS: tuple[Column, ...] = (
    Column(TARGET_ID, "目标编号", "Target id", Kind.describe, 34),
    Column("measure", "举措", "Measure", Kind.describe, 30),
    Column("what", "考核内容", "What is measured", Kind.describe, 44),
    Column("required", "目标要求", "Required", Kind.describe, 22),
    Column("unit", "单位", "Unit", Kind.describe, 14),
    Column("deadline", "完成时限", "Deadline", Kind.describe, 16),
    Column("value", "填报值", "Value", Kind.fill, 13, Coerce.number, ("value",)),
    Column("state", "完成状态", "State", Kind.fill, 18, Coerce.state, ("state",)),
    Column("completed", "完成日期", "Completion date", Kind.fill, 17, Coerce.date, ("completed",)),
    Column("sample_size", "样本数", "Sample size", Kind.fill, 13, Coerce.whole, ("sample_size",)),
    Column(
        "baseline_value", "基期数值", "Baseline value", Kind.fill, 16, Coerce.number,
        ("baseline", "value"),
    ),
    Column(
        "baseline_period", "基期时段", "Baseline period", Kind.fill, 17, Coerce.period,
        ("baseline", "period"),
    ),
    Column("evidence", "佐证材料", "Evidence", Kind.fill, 30, Coerce.text, ("evidence",)),
    Column("note", "备注", "Note", Kind.fill, 30, Coerce.text, ("note",)),
)

BY_KEY = {c.key: c for c in COLUMNS}


@dataclass(frozen=True)
class Label:
    """A label/value row above the header: "部门 Department | power-supply-company"."""

    key: str
    zh: str
    en: str

    @property
    def text(self) -> str:
        return f"{self.zh} {self.en}"


LABELS: tuple[Label, ...] = (
    Label("department", "部门", "Department"),
    Label("period", "填报期间", "Period"),
    Label("as_of", "截至日期", "As of"),
)
LABEL_HINTS = {
    "period": "如 2021-Q2、2021-H1、2021-06 或 2021",
    "as_of": "可选:数值对应的日期,如 2021-06-30",
}
# Rows 1-3 hold the labels, row 4 is blank, the header is row 5, targets start at row 6.
HEADER_ROW = len(LABELS) + 2

STATES: dict[str, str] = {"done": "已完成", "in_progress": "进行中", "not_started": "未开始"}
STATE_CHOICES = tuple(f"{zh} {key}" for key, zh in STATES.items())

_SPACE = re.compile(r"[\s\u3000]+")


def norm(text: str) -> str:
    """Header text compared without spaces, case, or full-width brackets."""
    return _SPACE.sub("", text).lower().replace("（", "(").replace("）", ")")


def _names(key: str, zh: str, en: str) -> list[str]:
    return [norm(n) for n in (f"{zh}{en}", zh, en, key)]


_COLUMN_NAMES = sorted(
    ((name, c) for c in COLUMNS for name in _names(c.key, c.zh, c.en)),
    key=lambda pair: -len(pair[0]),
)
_LABEL_NAMES = sorted(
    ((name, lb) for lb in LABELS for name in _names(lb.key, lb.zh, lb.en)),
    key=lambda pair: -len(pair[0]),
)


def match_column(header: str) -> Column | None:
    """The column a header names (longest matching name wins), or None for an extra column."""
    text = norm(header)
    if not text:
        return None
    for name, column in _COLUMN_NAMES:
        if text == name or text.startswith(name):
            return column
    return None


def match_label(text: str) -> Label | None:
    """The label row a cell names ("部门 Department", "period", "截至日期:"), or None."""
    found = norm(text).rstrip(":：")
    for name, label in _LABEL_NAMES:
        if found == name:
            return label
    return None


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA (spreadsheet column names, without importing openpyxl)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

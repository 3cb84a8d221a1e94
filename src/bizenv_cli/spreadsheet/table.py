"""A grid of cells (from a workbook sheet or a CSV file) -> a submission Document.

Shared by both readers. The header row is the first row holding a target-id
column ("目标编号 Target id"); columns are found by their header text. Above it,
a label cell ("部门 Department", "填报期间 Period", "截至日期 As of") has its value in
the cell to its right. Below it, each row with a target id and at least one
filled cell becomes an entry; other rows are skipped. Every value keeps the
(row, column) of its cell, so findings point at the cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bizenv_cli.diagnostics import Finding
from bizenv_cli.reading.yamlsafe import Document, NodeInfo, PathKey, Pos, PositionMap, YamlLoadError
from bizenv_cli.spreadsheet.cells import (
    CellError,
    Number,
    Raw,
    Unreadable,
    clean_text,
    coerce,
    is_blank,
    to_date,
    to_period,
    to_text,
)
from bizenv_cli.spreadsheet.columns import (
    BY_KEY,
    TARGET_ID,
    Column,
    Kind,
    Label,
    column_letter,
    match_column,
    match_label,
)

CODE_CELL = "X001"  # a cell that cannot be read
CODE_LAYOUT = "X002"  # no header row, a column twice, a duplicate target id
HEADER_SEARCH_ROWS = 30
# A target id as typed, even misspelt (m05-..., M5_x, total): one ASCII word, a row the
# table holds. Text with spaces, a colon or Chinese (备注:..., 填表人:张三) is a note.
_ID_LIKE_RE = re.compile(r"[A-Za-z0-9_.\-]+")
# The rows a returned sheet may hold, one limit for the XLSX and CSV readers and for
# `template` (which never writes more): 10,000 data rows below a header in the first 30.
MAX_DATA_ROWS = 10_000
MAX_ROWS = HEADER_SEARCH_ROWS + MAX_DATA_ROWS


@dataclass
class Grid:
    """Cells by row (index 0 is row 1). ``sheet`` names the sheet in messages (None for CSV)."""

    rows: list[list[Raw]]
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)

    def cell(self, row: int, col: int) -> Raw:
        cells = self.rows[row - 1] if 0 < row <= len(self.rows) else []
        return cells[col - 1] if 0 < col <= len(cells) else Raw(None)


@dataclass
class SheetDocument(Document):
    """A Document read from a spreadsheet: positions are (row, column) of cells."""

    sheet: str | None = None
    notes: list[str] = field(default_factory=list)  # how the file was read (-v)
    remarks: list[str] = field(default_factory=list)  # note rows below the table

    def cell_name(self, pos: Pos) -> str:
        return cell_name(self.sheet, pos.line, pos.col)


def is_header(found: dict[str, int] | set[str]) -> bool:
    """A header row names the target id and at least one fill-in column."""
    return TARGET_ID in found and any(BY_KEY[key].kind is Kind.fill for key in found)


def has_header(rows: list[list[Raw]]) -> bool:
    """A header row within the first HEADER_SEARCH_ROWS rows: the sheet holds targets."""
    for row in rows[:HEADER_SEARCH_ROWS]:
        found = {column.key for raw in row if isinstance(raw.value, str)
                 if (column := match_column(raw.value)) is not None}
        if is_header(found):
            return True
    return False


def cell_name(sheet: str | None, row: int, col: int) -> str:
    """'区供电公司!J7' in a workbook, 'J7' in a CSV file."""
    name = f"{column_letter(col)}{row}"
    return f"{sheet}!{name}" if sheet else name


class _Reader:
    def __init__(self, grid: Grid, display: str) -> None:
        self.grid = grid
        self.display = display
        self.positions = PositionMap()
        self.problems: list[Finding] = []
        self.notes = list(grid.notes)
        self.remarks: list[str] = []

    def problem(self, row: int, col: int, message: str, code: str = CODE_CELL) -> None:
        where = cell_name(self.grid.sheet, row, col)
        self.problems.append(Finding(self.display, row, col, code, f"{where}: {message}"))

    def mark(self, path: PathKey, row: int, col: int, key: Pos | None = None) -> None:
        self.positions.nodes[path] = NodeInfo(Pos(row, col), key)

    def header(self) -> tuple[int, dict[str, int]]:
        for row in range(1, min(len(self.grid.rows), HEADER_SEARCH_ROWS) + 1):
            found: dict[str, int] = {}
            extra: list[str] = []
            for col, raw in enumerate(self.grid.rows[row - 1], start=1):
                if not isinstance(raw.value, str) or not raw.value.strip():
                    continue
                column = match_column(raw.value)
                if column is None or (
                    column.key in found and column.kind is Kind.describe and column.key != TARGET_ID
                ):
                    # Descriptive columns are never read, so an added "单位负责人" that
                    # starts like "单位" is just another extra column.
                    extra.append(f"{column_letter(col)} {raw.value.strip()!r}")
                elif column.key in found:
                    first = cell_name(self.grid.sheet, row, found[column.key])
                    self.problem(row, col, f"a second {column.header!r} column (first at {first}): "
                                 "keep one", CODE_LAYOUT)
                else:
                    found[column.key] = col
            if is_header(found):
                if extra:
                    self.notes.append(f"{self.display}: extra columns ignored: {', '.join(extra)}")
                return row, found
        header = BY_KEY[TARGET_ID].header
        raise YamlLoadError([Finding(
            self.display, 1, 1, CODE_LAYOUT,
            f"no header row with a {header!r} column and fill-in columns (填报值 Value, ...) "
            f"in the first {HEADER_SEARCH_ROWS} rows"
            + (f" of sheet {self.grid.sheet!r}" if self.grid.sheet else "")
            + ": keep the template's header row (columns may be moved, not renamed)",
        )])

    def labels(self, header_row: int) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for row in range(1, header_row):
            cells = self.grid.rows[row - 1]
            for col, raw in enumerate(cells, start=1):
                label = match_label(raw.value) if isinstance(raw.value, str) else None
                if label is None:
                    continue
                if label.key in data:
                    self.problem(row, col, f"{label.text!r} is given twice", CODE_LAYOUT)
                    continue
                value = self.grid.cell(row, col + 1)
                self.mark((label.key,), row, col + 1, Pos(row, col))
                if not is_blank(value):
                    parsed = self.label_value(label, value, row, col + 1)
                    if parsed is not None:
                        data[label.key] = parsed
        return data

    def label_value(self, label: Label, raw: Raw, row: int, col: int) -> Any:
        try:
            if label.key == "as_of":
                return to_date(raw)
            if label.key == "period":
                return to_period(raw)
            return clean_text(to_text(raw))
        except CellError as exc:
            self.problem(row, col, str(exc))
            return None

    def entries(self, header_row: int, columns: dict[str, int]) -> dict[str, Any]:
        """Every row with a target id is an entry (with nothing filled in: not reported),
        so an edited id is caught even in an empty row. A target twice is an error only
        when both rows are filled in."""
        entries: dict[str, Any] = {}
        seen: dict[str, tuple[int, bool]] = {}  # target -> (row, filled)
        fill = [(BY_KEY[key], col) for key, col in columns.items() if BY_KEY[key].kind is Kind.fill]
        id_col = columns[TARGET_ID]
        last = self.table_end(header_row, id_col, fill)
        self.remarks = [text for row in range(last + 1, len(self.grid.rows) + 1)
                        if (text := self.remark(row))]
        for row in range(header_row + 1, last + 1):
            filled = [(c, col) for c, col in fill if not is_blank(self.grid.cell(row, col))]
            id_raw = self.grid.cell(row, id_col)
            if is_blank(id_raw):
                if filled:
                    self.problem(row, id_col, "values are given but the target id (目标编号) "
                                 "is empty: put the row's target id back", CODE_LAYOUT)
                continue
            try:
                target = clean_text(to_text(id_raw))
            except CellError as exc:
                self.problem(row, id_col, str(exc))
                continue
            if target in seen:
                first_row, first_filled = seen[target]
                if not filled:
                    continue
                if first_filled:
                    first = cell_name(self.grid.sheet, first_row, id_col)
                    self.problem(row, id_col, f"target {target!r} is reported twice (first at "
                                 f"{first}): keep one row per target", CODE_LAYOUT)
                    continue
            seen[target] = (row, bool(filled))
            self.mark(("entries", target), row, id_col, Pos(row, id_col))
            entries[target] = self.entry(target, row, filled)
        empty = sum(1 for _, filled in seen.values() if not filled)
        if empty:
            self.notes.append(f"{self.display}: {len(seen)} target row(s), {empty} with nothing "
                              "filled in (not reported)")
        return entries

    def table_end(self, header_row: int, id_col: int, fill: list[tuple[Column, int]]) -> int:
        """The table's last row: the last with a target-id-like text or a filled-in cell.
        Rows below it hold no value and no target id: notes (备注: ..., 填表人: 张三)."""
        for row in range(len(self.grid.rows), header_row, -1):
            if any(not is_blank(self.grid.cell(row, col)) for _, col in fill):
                return row
            value = self.grid.cell(row, id_col).value
            if isinstance(value, Unreadable) or (
                isinstance(value, str) and _ID_LIKE_RE.fullmatch(clean_text(value))
            ):
                return row
        return header_row

    def remark(self, row: int) -> str:
        """The text of a note row below the table, its cells joined ('' for an empty row)."""
        texts = []
        for raw in self.grid.rows[row - 1]:
            if is_blank(raw) or isinstance(raw.value, Unreadable):
                continue
            try:
                texts.append(clean_text(to_text(raw)))
            except CellError:
                continue  # a control character or an overlong cell in a note: not a value
        return " ".join(t for t in texts if t)

    def entry(self, target: str, row: int, filled: list[tuple[Column, int]]) -> dict[str, Any]:
        entry: dict[str, Any] = {}
        for column, col in filled:
            try:
                value = coerce(column.coerce, self.grid.cell(row, col))
            except CellError as exc:
                self.problem(row, col, str(exc))
                continue
            if isinstance(value, Number):
                if value.percent and column.field == ("value",):
                    entry["unit"] = "percent"
                    self.mark(("entries", target, "unit"), row, col)
                value = value.value
            node = entry
            for part in column.field[:-1]:
                node = node.setdefault(part, {})
                if ("entries", target, part) not in self.positions.nodes:
                    self.mark(("entries", target, part), row, col)
            node[column.field[-1]] = value
            self.mark(("entries", target, *column.field), row, col)
        return entry

    def read(self) -> SheetDocument:
        header_row, columns = self.header()
        self.mark((), 1, 1)
        self.mark(("entries",), header_row, columns[TARGET_ID])
        data = self.labels(header_row)
        if "department" not in data and self.grid.sheet:
            data["department"] = self.grid.sheet
            self.mark(("department",), 1, 1)
            self.notes.append(f"{self.display}: no '部门 Department' row; "
                              f"department taken from the sheet name {self.grid.sheet!r}")
        data["entries"] = self.entries(header_row, columns)
        if self.problems:
            raise YamlLoadError(sorted(self.problems))
        for remark in self.remarks:
            self.notes.append(f"{self.display}: a note below the table: {remark}")
        return SheetDocument(data, self.positions, sheet=self.grid.sheet, notes=self.notes,
                             remarks=self.remarks)


def read_sheets(found: list[tuple[str, list[list[Raw]]]], display: str) -> SheetDocument:
    """The submission in a workbook whose sheets with a header row are ``found``."""
    if not found:
        raise YamlLoadError([Finding(
            display, 1, 1, CODE_LAYOUT, "no sheet has a '目标编号 Target id' header row: "
            "return the sheet from `bizenv template` (columns may be moved, not renamed)")])
    if len(found) > 1:
        names = ", ".join(repr(name) for name, _ in found)
        raise YamlLoadError([Finding(
            display, 1, 1, CODE_LAYOUT, f"several sheets hold targets ({names}): return one "
            "department's sheet per workbook")])
    title, rows = found[0]
    return read_grid(Grid(rows, sheet=title, notes=[f"{display}: read sheet {title!r}"]), display)


def read_grid(grid: Grid, display: str) -> SheetDocument:
    """The submission in ``grid``; YamlLoadError with a finding per unreadable cell."""
    return _Reader(grid, display).read()


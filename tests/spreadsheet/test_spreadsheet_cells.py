"""Reading one cell as the person meant it (cases in tests/data/spreadsheet/cells.yaml)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
import yaml

from bizenv_cli.spreadsheet.cells import CellError, Number, Raw, coerce
from bizenv_cli.spreadsheet.columns import Coerce, column_letter, match_column, match_label

from .conftest import DATA

CASES = yaml.safe_load((DATA / "cells.yaml").read_text(encoding="utf-8"))


def _cell_value(value: Any) -> Any:
    """A YAML date stands for a date cell, which openpyxl gives as a datetime."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return value


@pytest.mark.parametrize("case", CASES, ids=[f"{c['as']}: {c['value']!r}" for c in CASES])
def test_cell(case):
    raw = Raw(_cell_value(case["value"]), case.get("format", "General"))
    if "error" in case:
        with pytest.raises(CellError) as caught:
            coerce(Coerce(case["as"]), raw)
        assert case["error"] in str(caught.value)
        return
    got = coerce(Coerce(case["as"]), raw)
    if isinstance(got, Number):
        assert got.value == pytest.approx(case["expect"])
        assert type(got.value) is type(case["expect"])  # 25 stays an int, 8.2 a float
        assert got.percent is case.get("percent", False)
    else:
        assert got == case["expect"]


@pytest.mark.parametrize(("header", "key"), [
    ("目标编号\nTarget id", "target_id"),
    ("目标编号", "target_id"),
    ("target id", "target_id"),
    ("填报值(工作日)", "value"),
    ("Value", "value"),
    ("基期数值", "baseline_value"),
    ("基期时段 Baseline period", "baseline_period"),
    ("完成日期（YYYY-MM-DD）", "completed"),
    ("联系人", None),
    ("", None),
])
def test_header_matching(header, key):
    column = match_column(header)
    assert (column.key if column else None) == key


@pytest.mark.parametrize(("text", "key"), [
    ("部门 Department", "department"), ("部门:", "department"), ("填报期间", "period"),
    ("As of", "as_of"), ("部门名称", None),
])
def test_label_matching(text, key):
    label = match_label(text)
    assert (label.key if label else None) == key


def test_column_letters():
    assert [column_letter(n) for n in (1, 7, 26, 27, 52, 703)] == ["A", "G", "Z", "AA", "AZ", "AAA"]


@pytest.mark.parametrize("kind", list(Coerce))
def test_unreadable_cell_is_its_message_whatever_the_column(kind):
    """A cell the workbook reader could not read (a formula without a value...) is an error
    in every kind of column, with the reader's message, never a value."""
    from bizenv_cli.spreadsheet.cells import Unreadable, is_blank

    raw = Raw(Unreadable("holds a formula with no computed value"))
    assert not is_blank(raw)
    with pytest.raises(CellError, match="holds a formula with no computed value"):
        coerce(kind, raw)

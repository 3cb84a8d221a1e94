"""A milestone done after --as-of is not done on that day: workbooks and CSV files agree
with YAML (tests/data/hostile/verdicts has the YAML and CSV cases)."""

from __future__ import annotations

from typing import Any

import pytest

from .filling import fill_csv, fill_xlsx

TARGET = "m04-220kv-line-relocation-start"  # due 2021-03-31


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize(
    ("completed", "status", "says"),
    [
        ("2021-07-01", "overdue", "done on 2021-07-01, after 2021-06-30: not yet done on that day"),
        ("2021-06-30", "met", "done on 2021-06-30, 91 days after the due date"),
    ],
)
def test_completed_after_as_of_is_not_done_on_it(
    template: Any, check_json: Any, tmp_path: Any, fmt: str, completed: str, status: str,
    says: str,
) -> None:
    out = tmp_path / f"returned.{fmt}"
    fill = fill_xlsx if fmt == "xlsx" else fill_csv
    # A 2021 report holds on 2021-12-31, so July is inside it, but after --as-of 2021-06-30.
    fill(template(fmt), out, {TARGET: {"完成状态": "已完成", "完成日期": completed}},
         labels={"填报期间": "2021"})
    _, doc = check_json(out)
    found = next(r for r in doc["results"] if r["target"] == TARGET)
    assert (found["status"], found["explanation"]) == (status, says)

"""The returns' due dates (催报): supervision.yaml's feedback cycle (quarterly, due 5
working days after the period) applied to check's returns and report --by returns."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import MEASURES, ROOT

Q2 = ROOT / "examples" / "2021-Q2"


def test_check_json_gives_each_unit_its_due_date(run) -> None:
    result = run("check", Q2, "--as-of", "2021-07-20", "--format", "json")
    assert result.exit_code == 1, result.output
    units = json.loads(result.stdout)["returns"]["units"]
    # 2021-06-30 + 5 working days (7月1, 2, 5, 6, 7日) = 2021-07-07; on 7月20日: 9 late
    assert {u["due"] for u in units} == {"2021-07-07"}
    silent = [u for u in units if u["sent_nothing"]]
    assert silent and {u["days_late"] for u in silent} == {9}
    assert {u["days_late"] for u in units if not u["sent_nothing"]} == {None}


def test_not_yet_due_is_zero_days_late(run) -> None:
    result = run("check", Q2, "--as-of", "2021-07-02", "--format", "json")
    units = json.loads(result.stdout)["returns"]["units"]
    assert {u["days_late"] for u in units if u["sent_nothing"]} == {0}


def test_report_heading_says_when_returns_were_due(run) -> None:
    result = run("report", Q2, "--as-of", "2021-07-20", "--by", "returns", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "报送截止2021年7月7日（已过9个工作日）" in result.stdout


def test_without_supervision_rules_no_due_dates(run, tmp_path: Path) -> None:
    shutil.copytree(MEASURES, tmp_path / "measures")
    (tmp_path / "measures" / "supervision.yaml").unlink()
    result = run("check", Q2, "--as-of", "2021-07-20", "--format", "json",
                 "--measures", tmp_path / "measures")
    units = json.loads(result.stdout)["returns"]["units"]
    assert {u["due"] for u in units} == {None}

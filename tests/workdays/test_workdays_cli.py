"""`bizenv workdays` as staff use it, and the zone's calendar.yaml."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import MEASURES

ZONE_2027 = """\
# A test fixture, not the real 2027 notice: bizenv ships no year it has not been given.
years:
  2027:
    notice: 测试用通知
    holidays:
      - {start: 2027-01-01, end: 2027-01-03}
      - {start: 2027-02-05, end: 2027-02-11}
    workdays: [2027-02-13]
corrections:
  - {date: 2021-03-01, working: false, notice: 测试用更正}
"""


@pytest.fixture
def zone(tmp_path: Path) -> Path:
    """A copy of the shipped measure set with a calendar.yaml that adds 2027."""
    folder = tmp_path / "measures"
    shutil.copytree(MEASURES, folder)
    (folder / "calendar.yaml").write_text(ZONE_2027, encoding="utf-8")
    return folder


def _json(run: Any, *args: str | Path) -> dict[str, Any]:
    result = run("workdays", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_text_says_the_number_and_what_it_is_made_of(run: Any) -> None:
    result = run("workdays", "2021-09-24", "2021-10-11")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "8 working days from 2021-09-24 to 2021-10-11"
    assert "holiday weekdays, not counted: 2021-10-01 五" in result.stdout
    assert "makeup weekend days (调休), counted: 2021-09-26 日, 2021-10-09 六" in result.stdout


def test_json(run: Any) -> None:
    data = _json(run, "2021/9/24", "2021年10月11日")
    assert data["working_days"] == 8
    assert data["calendar_days"] == 17
    assert data["makeup_days"] == ["2021-09-26", "2021-10-09"]
    assert data["office_hours"] is None  # dates alone say nothing of hours
    assert data["sources"][0].startswith("chinesecalendar ")


def test_office_time_with_times_on_both(run: Any) -> None:
    data = _json(run, "2021-03-01 09:00", "2021-03-01 17:00")
    assert (data["working_days"], data["office_hours"], data["office_days"]) == (0, 6.0, 0.8571)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["2021-02-30", "2021-03-01"], "'2021-02-30': there is no such day"),
        (["2021-03-01 09:00", "2021-03-02"], "give a time of day on both START and END"),
        (["2021-03-02", "2021-03-01"], "END 2021-03-01 is before START 2021-03-02"),
        (["soon", "2021-03-01"], "'soon' is not a date"),
    ],
)
def test_usage_errors(run: Any, args: list[str], says: str) -> None:
    result = run("workdays", *args)
    assert result.exit_code == 2
    assert says in result.stderr
    assert "Traceback" not in result.output


def test_a_year_without_a_calendar_is_exit_3_naming_the_year(run: Any) -> None:
    result = run("workdays", "2026-12-30", "2027-01-04")
    assert result.exit_code == 3
    assert "no official working-day calendar for 2027" in result.stderr
    assert "measures/calendar.yaml" in result.stderr


def test_zone_file_adds_a_year_and_corrects_a_day(run: Any, zone: Path) -> None:
    # 2026-12-31 Thu -> 2027-01-04 Mon: 01-01 to 01-03 off, so only Monday counts.
    assert _json(run, "2026-12-31", "2027-01-04", "--measures", zone)["working_days"] == 1
    # 2027-02-13 is a Saturday made a working day; 02-05..02-11 off.
    data = _json(run, "2027-02-04", "2027-02-15", "--measures", zone)
    assert data["working_days"] == 3  # 02-12 Fri, 02-13 Sat (makeup), 02-15 Mon
    assert data["makeup_days"] == ["2027-02-13"]
    assert any("测试用通知" in s for s in data["sources"])
    # The correction: 2021-03-01 (a Monday) made a day off.
    assert _json(run, "2021-02-26", "2021-03-01", "--measures", zone)["working_days"] == 0
    gap = run("workdays", "2027-12-30", "2028-01-04", "--measures", zone)
    assert gap.exit_code == 3 and "calendar for 2028 (covered: 2004-2027)" in gap.stderr


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("years:\n  2027:\n    notice: x\n    workdays: [2027-02-12]\n", "calendar.yaml:",
         "2027-02-12, a weekday"),
        ("office_hours:\n  - {start: '09:00', end: '12:00'}\n  - {start: '11:00', end: '17:00'}\n",
         "calendar.yaml:", "office_hours overlap"),
        ("office_hours:\n  - {start: '9:00', end: '12:00'}\n", "calendar.yaml:2:",
         "HH:MM"),
        ("corrections:\n  - {date: 2030-01-02, working: true, notice: x}\n",
         "calendar.yaml:2:12: error R017", "add the whole year"),
        ("years:\n  2027:\n    holidays: []\n", "calendar.yaml:", "missing required key 'notice'"),
    ],
)
def test_a_bad_calendar_file_is_exit_3_at_its_line(
    run: Any, zone: Path, text: str, where: str, says: str
) -> None:
    (zone / "calendar.yaml").write_text(text, encoding="utf-8")
    result = run("workdays", "2021-03-01", "2021-03-02", "--measures", zone)
    assert result.exit_code == 3, result.output
    assert any(where in line and says in line for line in result.stderr.splitlines()), (
        result.stderr
    )


def test_validate_reports_a_bad_calendar_file(run: Any, zone: Path) -> None:
    (zone / "calendar.yaml").write_text(
        "corrections:\n  - {date: 2030-01-02, working: true, notice: x}\n", encoding="utf-8"
    )
    result = run("validate", zone)
    assert result.exit_code == 1, result.output
    assert "calendar.yaml:2:12: error R017 2030-01-02 is in 2030" in result.stdout
    # The measure set is not usable as it is, for every command that needs it.
    assert run("list", "--measures", zone).exit_code == 3

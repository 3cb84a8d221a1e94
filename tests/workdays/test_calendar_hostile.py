"""calendar.yaml that contradicts itself or cannot be read, and hostile `workdays`
arguments: an error at the line (both places named), exit 3 or 2, never exit 4."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import MEASURES

HOLIDAY_AND_MAKEUP = """\
years:
  2027:
    notice: 测试用通知
    holidays:
      - {start: 2027-01-01, end: 2027-01-03}
      - {start: 2027-02-05, end: 2027-02-14}
    workdays: [2027-02-13]
"""
TWICE = """\
corrections:
  - {date: 2021-03-01, working: false, notice: 测试用更正}
  - {date: 2021-03-02, working: false, notice: 测试用更正}
  - {date: 2021-03-01, working: true, notice: 测试用更正}
"""
AGAINST_ITS_YEAR = """\
years:
  2027:
    notice: 测试用通知
    holidays:
      - {start: 2027-01-01, end: 2027-01-03}
corrections:
  - {date: 2027-01-02, working: true, notice: x}
"""


@pytest.fixture
def measures(tmp_path: Path) -> Path:
    folder = tmp_path / "measures"
    shutil.copytree(MEASURES, folder)
    (folder / "calendar.yaml").unlink()
    return folder


@pytest.mark.parametrize(
    ("text", "here", "there", "says"),
    [
        (HOLIDAY_AND_MAKEUP, "calendar.yaml:7:16", "calendar.yaml:6:9",
         "2027-02-13 is listed as a makeup working day here and inside the holiday block"),
        (TWICE, "calendar.yaml:4:33", "calendar.yaml:2:33",
         "2021-03-01 is corrected twice with opposite values"),
        (AGAINST_ITS_YEAR, "calendar.yaml:7:33", "calendar.yaml:5:9",
         "2027-01-02 is corrected to working: true here but is a holiday of its year"),
    ],
)
def test_a_day_set_both_ways_is_an_error_naming_both_places(
    run: Any, measures: Path, text: str, here: str, there: str, says: str
) -> None:
    (measures / "calendar.yaml").write_text(text, encoding="utf-8")
    for argv in (
        ("workdays", "2021-03-01", "2021-03-05", "--measures", measures),
        ("check", "--measures", measures, "--as-of", "2021-06-30"),
    ):
        result = run(*argv)
        assert result.exit_code == 3, result.output
        line = next(line for line in result.stderr.splitlines() if says in line)
        assert f"{here}: error R017" in line and there in line, line
    validated = run("validate", measures)
    assert validated.exit_code == 1 and says in validated.stdout


def test_the_same_correction_twice_is_fine(run: Any, measures: Path) -> None:
    (measures / "calendar.yaml").write_text(
        TWICE.replace("working: true", "working: false"), encoding="utf-8"
    )
    result = run("workdays", "2021-02-26", "2021-03-02", "--measures", measures)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("0 working days")


def _loop(folder: Path) -> None:
    (folder / "calendar.yaml").symlink_to(folder / "calendar.yaml")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "calendar.yaml")


def _huge(folder: Path) -> None:
    with open(folder / "calendar.yaml", "wb") as stream:
        stream.truncate(600 * 1024 * 1024)  # sparse: nothing on disk


def _folder(folder: Path) -> None:
    (folder / "calendar.yaml").mkdir()


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (_loop, "error L010 cannot read file"),
        (_fifo, "error L010 cannot read file: not a regular file (a FIFO)"),
        (_huge, "error L005 file is 629,145,600 bytes"),
        (_folder, "error L010 cannot read file: not a regular file (a folder)"),
    ],
)
def test_a_calendar_file_that_cannot_be_read_is_a_finding(
    run: Any, measures: Path, make: Any, says: str
) -> None:
    make(measures)
    for argv in (
        ("workdays", "2021-03-01", "2021-03-05", "--measures", measures),
        ("check", "--measures", measures, "--as-of", "2021-06-30"),
        ("history", "--measures", measures, "--at", "2021-06-30"),
    ):
        result = run(*argv)
        assert result.exit_code == 3, (argv, result.output)
        assert f"calendar.yaml: {says}" in result.stderr, result.stderr
    validated = run("validate", measures)
    assert validated.exit_code == 1, validated.output
    assert f"calendar.yaml: {says}" in validated.stdout


def test_many_overlapping_holiday_blocks_cost_only_their_days(run: Any, measures: Path) -> None:
    blocks = "      - {start: 2027-01-01, end: 2027-12-31}\n" * 10_000
    (measures / "calendar.yaml").write_text(
        f"years:\n  2027:\n    notice: x\n    holidays:\n{blocks}", encoding="utf-8"
    )
    result = run("workdays", "2027-01-01", "2027-12-31", "--measures", measures)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("0 working days")


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [
        ("0001-01-01", "9999-12-31", 3),  # years no calendar covers
        ("9999-12-31", "9999-12-31", 3),
        ("2021-06-30 24:00", "2021-07-01 09:00", 2),
        ("2" * 100_000, "2021-07-01", 2),
        ("\x1b[31m2021-06-30", "2021-07-01", 2),
        ("2021-06-30\u202e", "2021-07-01", 2),
        ("２０２１-０６-３０", "2021-07-01", 0),  # full-width digits are digits
        ("2021-07-01", "2021-06-30", 2),
        ("2021-06-30T23:59:59.999999", "2021-07-01T00:00", 0),
        ("2021-02-29", "2021-03-01", 2),
        ("-2021-01-01", "2021-03-01", 2),
    ],
)
def test_hostile_arguments_are_never_exit_4(run: Any, start: str, end: str, code: int) -> None:
    result = run("workdays", start, end)
    assert result.exit_code == code, result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output
    if code == 3:
        assert "no official working-day calendar for" in result.stderr

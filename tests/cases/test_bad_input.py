"""Files and rows that cannot be used: a clear finding (file, row, column, what to fix),
exit 3, never a traceback (exit 4)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from tests.cases.helpers import QUICK, write_csv


def _quick(run, path: Path, *more: str):
    return run("cases", path, *QUICK, *more)


def test_rows_that_cannot_be_used_are_counted_by_reason(run, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "c.csv",
        ["单号", "开始", "结束"],
        [
            ["A1", "2021-04-01 09:00", "2021-04-06 10:00"],
            ["A2", "2021-04-09", "2021-04-08"],  # end before start
            ["A3", "2021-04-31", "2021-05-06"],  # no such day
            ["A1", "2021-04-01", "2021-04-02"],  # the id again
            ["", "2021-04-01", "2021-04-02"],  # no id
            ["A6", "2031-04-01", "2031-04-02"],  # no calendar for 2031
            ["A7", "2021-04-01", "下周"],  # not a timestamp
            ["A8", "2021-04-01", ""],  # open, not bad
        ],
    )
    result = _quick(run, path, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["bad_rows"] == {
        "bad_end": 1,
        "bad_start": 1,
        "duplicate_id": 1,
        "end_before_start": 1,
        "missing_id": 1,
        "outside_calendar": 1,
    }
    assert (data["sample_size"], data["open_cases"], data["value"]) == (1, 1, 2)
    assert "c.csv:3:3: warning D003" in result.stderr  # row 3 (A2), column 3 (结束)
    assert "c.csv:4:2: warning D003" in result.stderr and "'2021-04-31'" in result.stderr
    assert "case A1 is also on row 2" in result.stderr
    assert "2031" in result.stderr and "calendar.yaml" in result.stderr


def test_open_cases_past_the_limit_are_exceptions(run, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "c.csv",
        ["单号", "开始", "结束"],
        [
            ["A1", "2021-01-25", ""],  # 30 working days to 2021-03-11, 31 on 03-12
            ["A2", "2021-06-01", ""],
        ],
    )
    on_time = json.loads(_quick(run, path, "--format", "json", "--as-of", "2021-03-11").stdout)
    # A2 starts after the as-of date: not yet a case then
    assert (on_time["open_cases"], on_time["open_over_limit"], on_time["value"]) == (1, 0, None)
    late = json.loads(_quick(run, path, "--format", "json", "--as-of", "2021-03-12").stdout)
    assert late["open_over_limit"] == 1
    assert late["exceptions"][0]["case_id"] == "A1" and late["exceptions"][0]["end"] is None


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("c.txt", b"x", "bizenv reads case files as .csv, .xlsx, .parquet"),
        ("c.xlsx", b"not a zip", "cannot be read as XLSX"),
        ("c.parquet", b"PAR1", "cannot be read as PARQUET"),
        ("c.csv", "单号,开始\n".encode("utf-16"), "the file is UTF-16 text"),
        ("c.csv", "单号,开始,结束\nA,2021-01-04,,x\n".encode(), "row 2 has 4 cells, the header 3"),
        ("c.csv", "单号,开始,开始\n".encode(), "the header on row 1 names '开始' twice"),
        ("c.csv", b"", "empty"),
    ],
)
def test_unreadable_files(run, tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = _quick(run, path)
    assert result.exit_code == 3, result.output
    assert "error D001" in result.stderr and expected in result.stderr


def test_a_missing_column_is_named_with_the_closest(run, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", ["单号", "开始时间", "结束"], [["A", "2021-01-04", ""]])
    result = _quick(run, path)
    assert result.exit_code == 3
    assert (
        "error D002 no column '开始'" in result.stderr
        and "did you mean '开始时间'" in result.stderr
    )


def test_gb18030_with_a_title_row(run, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    text = "葛店开发区办件导出\n单号,开始,结束\nA1,2021/4/1 9:00,2021年4月6日\n"
    path.write_bytes(text.encode("gb18030"))
    data = json.loads(_quick(run, path, "--format", "json").stdout)
    # 04-02 counts, 04-03..05 are 清明 (Saturday to Monday), 04-06 counts
    assert (data["value"], data["evidence"][0]["rows"]) == (2, [[3, 3]])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_before_it_is_opened(run, tmp_path: Path) -> None:
    fifo = tmp_path / "c.csv"
    os.mkfifo(fifo)
    result = _quick(run, fifo)  # opening a FIFO with no writer would hang
    assert result.exit_code == 3 and "not a regular file" in result.stderr


def test_a_file_no_source_takes(run, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "unknown.csv", ["a"], [["1"]])
    result = run("cases", path, "--as-of", "2021-06-30")
    assert result.exit_code == 3 and "error D005" in result.stderr


def test_a_mapping_that_does_not_fit_its_target(run, tmp_path: Path) -> None:
    mapping = tmp_path / "cases.yaml"
    mapping.write_text(
        "sources:\n"
        "  - name: x\n"
        "    files: ['*.csv']\n"
        "    start: 开始\n"
        "    end: 结束\n"
        "    targets:\n"
        "      - target: m05-high-voltage-connection-days\n"
        "        aggregate: maximum\n"
        "        duration: working_days\n"
        "      - target: m23-business-startup-days\n"
        "        aggregate: maximum\n"
        "        duration: working_days\n"
        "      - target: m05-high-voltage-connection-dais\n"
        "        aggregate: average\n"
        "        duration: working_days\n",
        encoding="utf-8",
    )
    path = write_csv(tmp_path / "c.csv", ["开始", "结束"], [["2021-01-04", "2021-01-05"]])
    result = run("cases", path, "--mapping", mapping, "--as-of", "2021-06-30")
    assert result.exit_code == 3
    assert "cases.yaml:7:17: error M001" in result.stderr
    assert "use aggregate average, not maximum" in result.stderr
    assert "cases.yaml:10:17: error M001" in result.stderr and "office_days" in result.stderr
    assert "did you mean m05-high-voltage-connection-days" in result.stderr


def test_a_mapping_that_breaks_the_schema(run, tmp_path: Path) -> None:
    mapping = tmp_path / "cases.yaml"
    mapping.write_text(
        "sources:\n  - name: x\n    files: ['*']\n    start: a\n    tagets: []\n", encoding="utf-8"
    )
    path = write_csv(tmp_path / "c.csv", ["a"], [["2021-01-04"]])
    result = run("cases", path, "--mapping", mapping)
    assert result.exit_code == 3 and "error S001" in result.stderr


def test_an_xlsx_that_unzips_past_the_limit(run, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from bizenv_cli.cases import read_xlsx

    limits = replace(read_xlsx.CASE_LIMITS, unpacked_bytes=10_000)
    monkeypatch.setattr(read_xlsx, "CASE_LIMITS", limits)  # the example unzips to more
    result = run(
        "cases", read_path := "examples/cases/business-startup.xlsx", "--as-of", "2021-06-30"
    )
    assert result.exit_code == 3, result.output
    assert f"{read_path}: error D004" in result.stderr and "the limit is 10,000" in result.stderr


def test_a_file_name_that_looks_like_a_pattern(run, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "办件[1].csv", ["单号", "开始", "结束"], [["A", "2021-01-04", ""]])
    result = _quick(run, path, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["open_cases"] == 1


def test_an_as_of_date_before_the_period(run) -> None:
    result = run("cases", "examples/cases", "--period", "2021-Q3", "--as-of", "2021-06-30")
    assert result.exit_code == 2 and "before 2021-Q3 starts" in result.output


def test_files_past_the_size_limit(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bizenv_cli.cases import read

    rows = [[f"A{i}", "2021-01-04", "2021-01-05"] for i in range(5)]
    path = write_csv(tmp_path / "c.csv", ["单号", "开始", "结束"], rows)
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 50)
    big = _quick(run, path)
    assert big.exit_code == 3 and "error D004" in big.stderr and "the limit is 50" in big.stderr


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_rows_read_in_batches_give_the_same_answer(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """Rows are read a batch at a time (no limit on rows): a bad row, a repeated id and an
    over-limit case in later batches are named at their own rows, exactly as in one batch."""
    import polars as pl

    from bizenv_cli.cases import read

    rows = [[f"A{i}", "2021-01-04 09:00:00", "2021-01-05 10:00:00"] for i in range(8)]
    rows[5][2] = "明天"  # row 7 of the file: a bad end, in the second batch of three
    rows[7][0] = "A1"  # row 9: the id of row 3, two batches earlier
    rows[6][2] = "2021-03-05 10:00:00"  # row 8: far over the limit
    path = tmp_path / f"c{suffix}"
    if suffix == ".csv":
        write_csv(path, ["单号", "开始", "结束"], rows)
    else:
        pl.DataFrame(rows, schema=["单号", "开始", "结束"], orient="row").write_parquet(path)
    whole = _quick(run, path, "--format", "json")
    monkeypatch.setattr(read, "CHUNK_ROWS", 3)
    batched = _quick(run, path, "--format", "json")
    assert batched.exit_code == whole.exit_code == 0, batched.output
    assert batched.stdout == whole.stdout and batched.stderr == whole.stderr
    assert ":7:3: warning D003" in batched.stderr and "on row 3" in batched.stderr
    assert json.loads(batched.stdout)["exceptions"][0]["row"] == 8


def test_validate_checks_the_mapping_with_the_measures(run, tmp_path: Path) -> None:
    import shutil

    from tests.conftest import MEASURES

    root = tmp_path / "measures"
    shutil.copytree(MEASURES, root)
    assert run("validate", root).exit_code == 0
    mapping = root / "cases.yaml"
    text = mapping.read_text(encoding="utf-8")
    wrong = text.replace("duration: calendar_days   # 5日: calendar days", "duration: working_days")
    assert wrong != text
    mapping.write_text(wrong, encoding="utf-8")
    result = run("validate", root)
    assert result.exit_code == 1
    assert "cases.yaml:" in result.stdout and "M001" in result.stdout


def test_every_reason_a_row_is_not_used_has_words() -> None:
    from bizenv_cli.cases.outcome import REASONS
    from bizenv_cli.cases.prepare import REASON_TYPE

    assert list(REASONS) == list(REASON_TYPE.categories)

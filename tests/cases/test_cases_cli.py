"""`bizenv cases` as a user runs it: the shipped mapping on the example exports, the
submission that check reads, the exceptions file, and one-target questions."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

from openpyxl import load_workbook
from tests.cases.helpers import AS_OF, EXAMPLES, write_csv

ALL = ["cases", EXAMPLES, "--period", "2021-Q2", "--as-of", AS_OF]


def _targets(stdout: str) -> dict[str, dict[str, object]]:
    return {t["target"]: t for t in json.loads(stdout)["targets"]}


def test_every_mapped_target_is_computed_from_the_examples(run) -> None:
    result = run(*ALL, "--format", "json")
    assert result.exit_code == 0, result.output
    targets = _targets(result.stdout)
    assert len(targets) == 22
    assert all(t["sample_size"] > 0 and t["value"] is not None for t in targets.values())
    files = {f["file"].split("/")[-1]: f["read_as"] for f in json.loads(result.stdout)["files"]}
    assert files["live-working.csv"] == "GB18030"
    assert files["construction-approvals.xlsx"] == "sheet 导出数据 (header on row 3)"
    assert files["outages.parquet"] == "Parquet"


def test_the_table_names_targets_values_limits_and_exceptions(run) -> None:
    result = run(*ALL)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    row = next(line for line in lines if line.startswith("m05-residential-connection-days"))
    assert row.split() == [
        "m05-residential-connection-days",
        "37",
        "4",
        "working_day",
        "<=",
        "2",
        "working_day",
        "7",
        "1",
        "1",
        "0",
    ]
    assert "m05-residential-connection-days: 8 case(s) over the limit" in result.stdout
    # the longest residential case: 2021-04-22 to 04-27 is 4 working days (05-01..05 off)
    assert any("GD202100087" in line and line.split()[-2:] == ["4", "+2"] for line in lines)
    assert "(open)" in result.stdout


def test_bad_rows_are_counted_and_named_never_dropped(run) -> None:
    result = run(*ALL, "--format", "json")
    high = _targets(result.stdout)["m05-high-voltage-connection-days"]
    assert high["bad_rows"] == {"bad_end": 1, "duplicate_id": 1}
    assert "power-connections.csv:12:5: warning D003" in result.stderr
    assert "'2021-13-02 10:00' is not a timestamp" in result.stderr
    assert "case GD202100031 is also on row 32" in result.stderr
    startup = _targets(result.stdout)["m23-establishment-registration-days"]
    assert startup["bad_rows"] == {"date_only": 1}
    strict = run(*ALL, "--strict")
    assert strict.exit_code == 3
    assert "error D003" in strict.stderr and "--strict" in strict.stderr


def test_the_submission_is_what_check_reads(run, tmp_path: Path) -> None:
    out = tmp_path / "cases-2021-Q2.yaml"
    result = run(*ALL, "-o", out)
    assert result.exit_code == 0, result.output
    check = run("check", out, "--as-of", AS_OF, "--format", "json", "--fail-on", "never")
    assert check.exit_code == 0, check.output
    reported = {r["target"]: r for r in json.loads(check.stdout)["results"]}
    computed = _targets(run(*ALL, "--format", "json").stdout)
    for target, mine in computed.items():
        assert reported[target]["reported"] == mine["value"]
        assert reported[target]["sample_size"] == mine["sample_size"]
        assert "sha256:" in reported[target]["evidence"]
    assert reported["m16-social-investment-with-scheme-days"]["status"] == "overdue"
    assert reported["m06-live-working-rate"]["status"] == "met"


def test_exceptions_are_written_for_the_department(run, tmp_path: Path) -> None:
    as_csv, as_xlsx = tmp_path / "over.csv", tmp_path / "over.xlsx"
    assert run(*ALL, "--exceptions", as_csv).exit_code == 0
    assert run(*ALL, "--exceptions", as_xlsx).exit_code == 0
    rows = list(csv.reader(as_csv.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:4] == ["target", "case_id", "file", "row"]
    residential = [r for r in rows if r[0] == "m05-residential-connection-days"]
    assert len(residential) == 8 and residential[0][1] == "GD202100087"
    sheet = load_workbook(as_xlsx, read_only=True).active
    assert sheet is not None
    assert len(list(sheet.iter_rows())) == len(rows)


def test_inputs_are_never_modified(run, tmp_path: Path) -> None:
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in EXAMPLES.iterdir()}
    run(*ALL, "-o", tmp_path / "s.yaml", "--exceptions", tmp_path / "e.csv")
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in EXAMPLES.iterdir()}
    assert before == after
    target = EXAMPLES / "complaints.csv"
    refused = run("cases", target, "--as-of", AS_OF, "-o", target)
    assert refused.exit_code == 2 and "which this command reads" in refused.output
    inside = run("cases", EXAMPLES, "--as-of", AS_OF, "--exceptions", target)  # in the folder
    assert inside.exit_code == 2 and "which this command reads" in inside.output


def test_one_target_without_a_mapping(run, tmp_path: Path) -> None:
    # ../shared/notes/working-days.md, "Checked cases"
    path = write_csv(
        tmp_path / "ledger.csv",
        ["单号", "类别", "开始", "结束"],
        [
            ["A1", "高压", "2021-09-24", "2021-10-11"],  # 8
            ["A2", "高压", "2020-01-20", "2020-02-03"],  # 4
            ["A3", "高压", "2025-01-24", "2025-02-10"],  # 7
            ["A4", "高压", "2021-01-25", "2021-03-11"],  # 30
            ["A5", "低压", "2021-01-25", "2021-03-12"],  # 31, not selected
        ],
    )
    result = run(
        "cases",
        path,
        "--target",
        "m05-high-voltage-connection-days",
        "--start",
        "开始",
        "--end",
        "结束",
        "--where",
        "类别=高压",
        "--as-of",
        "2025-12-31",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["target"], data["value"], data["sample_size"]) == (
        "m05-high-voltage-connection-days",
        12.25,
        4,
    )
    each = run(
        "cases",
        path,
        "--target",
        "m16-renovation-days",
        "--start",
        "开始",
        "--end",
        "结束",
        "--as-of",
        "2025-12-31",
        "--format",
        "json",
    )
    assert json.loads(each.stdout)["value"] == 31  # 'each' is judged on the longest case


def test_one_target_usage_errors(run, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", ["a", "b"], [["2021-01-04", "2021-01-05"]])
    rate = run("cases", path, "--target", "m06-live-working-rate", "--start", "a", "--end", "b")
    assert rate.exit_code == 2 and "mapping" in rate.output
    typo = run(
        "cases", path, "--target", "m05-high-voltage-conection-days", "--start", "a", "--end", "b"
    )
    assert typo.exit_code == 2 and "did you mean m05-high-voltage-connection-days" in typo.output
    assert run("cases", path, "--start", "a").exit_code == 2
    assert run("cases", path, "--target", "m05-residential-connection-days").exit_code == 2


def test_a_per_year_count_says_when_the_period_is_not_a_year(run) -> None:
    outages = EXAMPLES / "outages.parquet"
    quarter = json.loads(run("cases", outages, "--period", "2021-Q2", "--format", "json").stdout)
    year = json.loads(
        run(
            "cases", outages, "--period", "2021", "--as-of", "2021-12-31", "--format", "json"
        ).stdout
    )
    (q,), (y,) = quarter["targets"], year["targets"]
    assert any("not a calendar year" in note for note in q["notes"])
    assert not any("not a calendar year" in note for note in y["notes"])
    assert y["sample_size"] == 40 and y["value"] >= q["value"]


def test_a_share_of_cases_within_a_limit(run, tmp_path: Path) -> None:
    mapping = tmp_path / "cases.yaml"
    mapping.write_text(
        "sources:\n"
        "  - name: 注销\n"
        "    files: ['*.csv']\n"
        "    case_id: 编号\n"
        "    start: 受理\n"
        "    end: 办结\n"
        "    targets:\n"
        "      - target: m43-instant-deregistration-rate\n"
        "        aggregate: within_limit   # 即办: done the day it was asked\n"
        "        duration: working_days\n"
        "        within: 0\n",
        encoding="utf-8",
    )
    path = write_csv(
        tmp_path / "d.csv",
        ["编号", "受理", "办结"],
        [
            ["1", "2021-04-06 09:00", "2021-04-06 16:00"],  # same day: 0
            ["2", "2021-04-06", "2021-04-06"],  # 0
            ["3", "2021-04-06", "2021-04-07"],  # 1
            ["4", "2021-04-02", "2021-04-06"],  # 1: 04-03..05 are 清明
        ],
    )
    result = run("cases", path, "--mapping", mapping, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.output
    (target,) = json.loads(result.stdout)["targets"]
    assert (target["value"], target["sample_size"], target["over_limit"]) == (50, 4, 2)


def test_conditions_one_of_and_not_empty(run, tmp_path: Path) -> None:
    mapping = tmp_path / "cases.yaml"
    mapping.write_text(
        "sources:\n"
        "  - name: 投诉\n"
        "    files: ['*.csv']\n"
        "    start: 受理\n"
        "    end: 办结\n"
        "    targets:\n"
        "      - target: m53-general-complaint-days\n"
        "        where: [{column: 类型, one_of: [一般, 普通]}, {column: 承办, not_empty: true}]\n"
        "        aggregate: maximum\n"
        "        duration: working_days\n",
        encoding="utf-8",
    )
    path = write_csv(
        tmp_path / "t.csv",
        ["类型", "承办", "受理", "办结"],
        [
            ["一般", "区优化办", "2021-04-06", "2021-04-08"],  # 2
            [" 普通 ", "区税务局", "2021-04-06", "2021-04-09"],  # 3, spaces ignored
            ["疑难", "区税务局", "2021-04-06", "2021-04-30"],  # another category
            ["一般", " ", "2021-04-06", "2021-04-30"],  # nobody named
        ],
    )
    result = run("cases", path, "--mapping", mapping, "--as-of", AS_OF, "--format", "json")
    (target,) = json.loads(result.stdout)["targets"]
    assert (target["value"], target["sample_size"], target["selected_rows"]) == (3, 2, 2)

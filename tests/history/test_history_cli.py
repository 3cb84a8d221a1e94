"""`bizenv history`: each column is what `bizenv check --as-of` says that day."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import ROOT
from history.conftest import ENDS, QUARTERS, WAIVERS


def statuses(doc: dict[str, Any]) -> dict[str, str]:
    return {r["target"]: r["status"] for r in doc["results"]}


def test_each_period_equals_a_separate_check_as_of_its_end(json_of: Any) -> None:
    history = json_of("history", *QUARTERS, *WAIVERS)
    assert [p["period"] for p in history["periods"]] == ["2021-Q1", "2021-Q2", "2021-Q3"]
    assert [p["as_of"] for p in history["periods"]] == list(ENDS)
    for i, end in enumerate(ENDS):
        check = json_of("check", *QUARTERS[: i + 1], *WAIVERS, "--as-of", end)
        column = {t["target"]: t["series"][i]["status"] for t in history["targets"]}
        assert column == statuses(check), end
        values = {t["target"]: t["series"][i]["value"] for t in history["targets"]}
        assert values == {r["target"]: r["reported"] for r in check["results"]}


def test_a_day_given_with_at_equals_check_on_that_day(json_of: Any) -> None:
    history = json_of("history", *QUARTERS, *WAIVERS, "--at", "2021-08-31", "--at", "2021-05-15")
    assert [p["as_of"] for p in history["periods"]] == ["2021-05-15", "2021-08-31"]
    # 2021-08-31 lies inside 2021-Q3, so the Q3 reports count (as in check).
    check = json_of("check", *QUARTERS, *WAIVERS, "--as-of", "2021-08-31")
    assert {t["target"]: t["series"][1]["status"] for t in history["targets"]} == statuses(check)
    mid_q2 = json_of("check", *QUARTERS[:2], *WAIVERS, "--as-of", "2021-05-15")
    assert {t["target"]: t["series"][0]["status"] for t in history["targets"]} == statuses(mid_q2)


def test_a_waiver_expiring_between_days_is_judged_as_check_judges_it(json_of: Any) -> None:
    history = json_of("history", *QUARTERS, *WAIVERS, "--at", "2021-09-30", "--at", "2022-01-15")
    got = {t["target"]: t for t in history["targets"]}
    m20 = got["m20-connection-standards-extra-requirements"]
    assert [p["status"] for p in m20["series"]] == ["waived", "missing"]  # expired 2021-12-31
    later = json_of("check", *QUARTERS, *WAIVERS, "--as-of", "2022-01-15")
    assert {t["target"]: t["series"][1]["status"] for t in history["targets"]} == statuses(later)


def test_json_matches_its_schema_and_says_where_targets_head(json_of: Any) -> None:
    doc = json_of("history", *QUARTERS, *WAIVERS)
    schema = json.loads((ROOT / "schemas" / "history.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)
    got = {t["target"]: t for t in doc["targets"]}
    hv = got["m05-high-voltage-connection-days"]
    assert [p["value"] for p in hv["series"]] == [33, 27.5, 26]
    assert [p["status"] for p in hv["series"]] == ["at_risk", "met", "met"]
    assert (hv["better"], hv["trend"], hv["progress"]) == ("lower", "improving", "met")
    lv = got["m05-low-voltage-external-works-days"]  # 12 -> 10 (met) -> 11: back over the limit
    assert (lv["trend"], lv["progress"]) == ("worsening", "needs_acceleration")
    assert got["m06-live-working-rate"]["trend"] == "improving"  # a rate: rising is better
    assert got["m19-power-connection-approval-days"]["progress"] is None  # ongoing: no due date
    assert got["m04-substation-capacity-expansion"]["trend"] is None  # a milestone: no values
    assert got["m01-standard-land-for-major-projects"]["progress"] is None


def test_a_value_carried_on_is_not_a_second_observation(json_of: Any) -> None:
    # Only Q1 and Q2 reported; a history at three dates repeats Q2's value at the third.
    doc = json_of("history", *QUARTERS[:2], "--at", "2021-03-31", "--at", "2021-06-30",
                  "--at", "2021-09-30")
    hv = {t["target"]: t for t in doc["targets"]}["m12-loan-documents"]
    assert [p["value"] for p in hv["series"]] == [11, 9, 9]
    assert [p["reported_in"] for p in hv["series"]] == ["2021-Q1", "2021-Q2", "2021-Q2"]
    assert hv["trend"] == "improving"  # 11 -> 9, not 9 -> 9
    detail = hv["progress_detail"]
    assert (detail["first"]["value"], detail["latest"]["value"]) == (11, 9)


def test_table_and_markdown(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "140")  # three quarters need 128 columns as a table
    table = run("history", *QUARTERS, *WAIVERS)
    assert table.exit_code == 0, table.output
    row = next(line for line in table.stdout.splitlines() if "m05-high-voltage" in line)
    assert "at_risk" in row and "#:_ 33..26" in row and "improving" in row
    md = run("history", *QUARTERS, *WAIVERS, "--format", "markdown")
    assert md.exit_code == 0
    assert "| no. | target | 2021-Q1 | 2021-Q2 | 2021-Q3 | trend | progress |" in md.stdout
    assert "| 5 | `m05-high-voltage-connection-days` | at\\_risk (33) | met (27.5) |" in md.stdout


def test_output_file_is_written(run: Any, tmp_path: Path) -> None:
    out = tmp_path / "history.json"
    result = run("history", *QUARTERS, "--format", "json", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 1


def test_nothing_to_evaluate_is_a_usage_error(run: Any) -> None:
    result = run("history")
    assert result.exit_code == 2
    assert "give submission files or folders" in result.stderr


def test_an_unusable_submission_is_exit_3(run: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('department: 财金局\nperiod: "2021-Q5"\nentries: {}\n', encoding="utf-8")
    result = run("history", QUARTERS[0], bad)
    assert result.exit_code == 3
    assert "bad.yaml" in result.stderr and "no history was made" in result.stderr
    assert run("history", tmp_path / "nowhere").exit_code == 3


def test_example_quarters_validate(run: Any) -> None:
    result = run("validate", "examples/2021-Q1", "examples/2021-Q3")
    assert result.exit_code == 0, result.output

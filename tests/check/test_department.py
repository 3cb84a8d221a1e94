"""`bizenv check --department NAME`: one unit's targets, counted and judged alone."""

from __future__ import annotations

import json
from typing import Any

import pytest

EXAMPLES = ("examples/2021-Q2", "--as-of", "2021-06-30")


def _json(run: Any, *args: str) -> tuple[int, dict[str, Any]]:
    result = run("check", *EXAMPLES, "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize(
    "name", ["power-supply-company", "区供电公司", "华容区供电公司", " 区 供电公司 "]
)
def test_any_spelling_selects_the_units_targets(run: Any, name: str) -> None:
    code, doc = _json(run, "--department", name)
    assert code == 1  # one of its targets is overdue
    assert doc["department"] == "power-supply-company"
    assert doc["results"], "the unit leads or is responsible for some targets"
    for row in doc["results"]:
        assert "power-supply-company" in row["lead"] + row["responsible"]
    assert sum(doc["summary"].values()) == len(doc["results"]) == 24
    assert doc["summary"]["overdue"] == 1 and doc["summary"]["met"] == 11
    assert set(doc["summary"]) == {
        "met",
        "at_risk",
        "overdue",
        "not_met",
        "missing",
        "pending",
        "waived",
    }


def test_the_exit_code_is_the_units_own_verdict(run: Any) -> None:
    everyone = run("check", *EXAMPLES)
    banks = run("check", *EXAMPLES, "--department", "区各银行分支机构")
    assert everyone.exit_code == 1
    assert banks.exit_code == 0, banks.output  # met 2, at_risk 1: nothing failing
    summary = "3 targets of 区各银行分支机构 on 2021-06-30: met 2, at_risk 1, overdue 0"
    assert summary in banks.stdout
    assert "m04-" not in banks.stdout


def test_without_department_the_json_says_null_and_counts_all(run: Any) -> None:
    _, doc = _json(run)
    assert doc["department"] is None
    assert len(doc["results"]) == 101


def test_only_failing_within_a_unit(run: Any) -> None:
    code, doc = _json(run, "--department", "区各银行分支机构", "--only", "failing")
    assert code == 0
    assert [r["status"] for r in doc["results"]] == ["at_risk"]
    assert doc["summary"]["met"] == 2  # the summary still counts all of the unit's targets


def test_unknown_unit_is_a_usage_error_with_the_closest_name(run: Any) -> None:
    result = run("check", *EXAMPLES, "--department", "华容区供电")
    assert result.exit_code == 2
    assert "unknown department '华容区供电'" in result.stderr
    assert "did you mean power-supply-company (区供电公司)?" in result.stderr
    assert result.stdout == ""


def test_report_department_keeps_its_report_card(run: Any) -> None:
    result = run("report", *EXAMPLES, "--department", "区供电公司", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert (
        "Report card: District Power Supply Company (Huarong District) 区供电公司" in result.stdout
    )


def test_baseline_gate_judges_the_units_targets(run: Any, tmp_path: Any) -> None:
    saved = tmp_path / "q2.json"
    assert run("check", *EXAMPLES, "--format", "json", "-o", saved).exit_code == 1
    result = run("check", *EXAMPLES, "--baseline", saved, "--department", "区供电公司")
    assert result.exit_code == 0, result.output
    assert "0 new or worse failure(s), 7 known failure(s)" in result.stderr


def test_the_returns_are_the_units_own(run: Any) -> None:
    """With --department the JSON's returns hold that unit's row alone, as report's do."""
    _, doc = _json(run, "--department", "区供电公司")
    assert [u["department"] for u in doc["returns"]["units"]] == ["power-supply-company"]
    _, whole = _json(run)
    assert len(whole["returns"]["units"]) > 1

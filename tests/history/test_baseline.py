"""`bizenv check --baseline OLD.json`: only new or worse failures fail the check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from history.conftest import QUARTERS, WAIVERS

NOW = (*QUARTERS, *WAIVERS)


def edited(path: Path, tmp_path: Path, **statuses: str | None) -> Path:
    """A copy of a saved check with some targets' statuses changed (None: removed)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    results = []
    for row in doc["results"]:
        key = row["target"].replace("-", "_")
        if key in statuses:
            if statuses[key] is None:
                continue
            row["status"] = statuses[key]
        results.append(row)
    doc["results"] = results
    out = tmp_path / "edited.json"
    out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return out


def test_known_failures_pass(run: Any, saved_check: Any) -> None:
    assert run("check", *NOW).exit_code == 1  # without a baseline the backlog fails
    baseline = saved_check("now", *QUARTERS)
    result = run("check", *NOW, "--baseline", baseline, "--format", "json")
    assert result.exit_code == 0, result.stderr
    json.loads(result.stdout)  # stdout stays the check's own JSON
    assert "0 new or worse failure(s)" in result.stderr
    assert "  known  m48-fewer-inspections-new-low-risk: overdue (was overdue)" in result.stderr


def test_a_new_failure_fails(run: Any, saved_check: Any, tmp_path: Path) -> None:
    saved = saved_check("now", *QUARTERS)
    baseline = edited(saved, tmp_path, m48_fewer_inspections_new_low_risk="at_risk")
    result = run("check", *NOW, "--baseline", baseline)
    assert result.exit_code == 1
    assert "1 new or worse failure(s)" in result.stderr
    assert "  new    m48-fewer-inspections-new-low-risk: overdue (was at_risk)" in result.stderr


def test_a_target_not_in_the_baseline_is_a_new_failure(
    run: Any, saved_check: Any, tmp_path: Path
) -> None:
    saved = saved_check("now", *QUARTERS)
    baseline = edited(saved, tmp_path, m48_fewer_inspections_new_low_risk=None)
    result = run("check", *NOW, "--baseline", baseline)
    assert result.exit_code == 1
    assert "m48-fewer-inspections-new-low-risk: overdue (not in the baseline)" in result.stderr


def test_a_worsened_failure_fails(run: Any, saved_check: Any, tmp_path: Path) -> None:
    # with --fail-on at_risk an at_risk target already fails; at_risk -> overdue is worse
    saved = saved_check("now", *QUARTERS)
    same = run("check", *NOW, "--fail-on", "at_risk", "--baseline", saved)
    assert same.exit_code == 0, same.stderr
    baseline = edited(saved, tmp_path, m48_fewer_inspections_new_low_risk="at_risk")
    result = run("check", *NOW, "--fail-on", "at_risk", "--baseline", baseline)
    assert result.exit_code == 1
    assert "m48-fewer-inspections-new-low-risk: overdue (was at_risk)" in result.stderr


def test_the_previous_quarter_as_baseline(run: Any, saved_check: Any) -> None:
    baseline = saved_check("q2", *QUARTERS[:2])
    result = run("check", *NOW, "--baseline", baseline)
    assert result.exit_code == 1  # Q3 brought new failures (m05-low-voltage-external-works...)
    assert "  new    m05-low-voltage-external-works-days: overdue (was met)" in result.stderr
    never = run("check", *NOW, "--baseline", baseline, "--fail-on", "never")
    assert never.exit_code == 0


def test_a_bad_baseline_is_exit_3(run: Any, saved_check: Any, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 1, "as_of": "2021-06-30", "plan": {', encoding="utf-8")
    result = run("check", *NOW, "--baseline", broken)
    assert result.exit_code == 3 and "broken.json" in result.stderr
    assert result.stdout == ""
    doc = json.loads(saved_check("q2", *QUARTERS[:2]).read_text(encoding="utf-8"))
    doc["plan"]["en"] = "Another plan"
    other = tmp_path / "other.json"
    other.write_text(json.dumps(doc), encoding="utf-8")
    result = run("check", *NOW, "--baseline", other)
    assert result.exit_code == 3 and "another plan" in result.stderr
    assert run("check", *NOW, "--baseline", tmp_path / "nowhere.json").exit_code == 3

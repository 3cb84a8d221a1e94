"""Every status at its boundaries, driven by tests/data/check/status_cases.yaml.

Each case writes one submission (and maybe a waiver), runs
`bizenv check --format json` on the fixture measures and compares the fields
listed under ``expect`` with the target's result.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import CHECK_DATA

CASES = yaml.safe_load((CHECK_DATA / "status_cases.yaml").read_text(encoding="utf-8"))


def _plain(value: Any) -> Any:
    """Dates (read by yaml.safe_load) as the ISO text the JSON output uses."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _matches(expected: Any, actual: Any) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            _matches(v, actual.get(k)) for k, v in expected.items()
        )
    if isinstance(expected, float | int) and not isinstance(expected, bool) and actual is not None:
        return abs(float(actual) - expected) < 1e-6
    return bool(expected == actual)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_status_case(case: dict[str, Any], tmp_path: Path, check_json: Any) -> None:
    case = _plain(case)
    submission: dict[str, Any] = {"department": "区供电公司", "entries": {}}
    if "submission_as_of" in case:
        submission["as_of"] = case["submission_as_of"]
    else:
        submission["period"] = str(case.get("period", "2021-Q2"))
    if "entry" in case:
        submission["entries"][case["target"]] = case["entry"]
    path = tmp_path / "submission.json"
    path.write_text(json.dumps(submission, ensure_ascii=False), encoding="utf-8")
    args: list[str | Path] = [path, "--as-of", case["as_of"]]
    if "due_within" in case:
        args += ["--due-within", str(case["due_within"])]
    if "waiver_expires" in case:
        waivers = tmp_path / "waivers.yaml"
        waivers.write_text(
            f"waivers:\n  - target: {case['target']}\n    reason: 试点暂缓\n"
            f"    approved_by: 区优化办\n    expires: {case['waiver_expires']}\n",
            encoding="utf-8",
        )
        args += ["--waivers", waivers]
    _, doc = check_json(*args)
    result = next(r for r in doc["results"] if r["target"] == case["target"])
    wrong = {k: result.get(k) for k, v in case["expect"].items() if not _matches(v, result.get(k))}
    assert not wrong, f"expected {case['expect']}, got {wrong}\n{result['explanation']}"
    if "entry" in case and result["reported_location"] is not None:
        assert result["reported_location"]["path"].endswith("submission.json")
    if case.get("waiver_expires") and result["waiver"]["expired"]:
        assert any("expired" in note for note in doc["notes"])
        assert "waiver expired" in result["explanation"]


def _report(path: Path, period: str, entries: str) -> Path:
    path.write_text(
        f"department: 区税务局\nperiod: '{period}'\nentries:\n{entries}", encoding="utf-8"
    )
    return path


@pytest.mark.parametrize("met_period", ["2020-08", "2020-Q4"])
def test_date_then_ongoing_met_once_is_then_judged_as_ongoing(
    met_period: str, tmp_path: Path, check_json: Any
) -> None:
    """2020年8月底,长期推进: overdue after the date until met (on time or late), then ongoing."""
    target = "m42-first-ordinary-invoices"
    met = _report(tmp_path / "met.yaml", met_period, f"  {target}: {{value: 50}}\n")
    later = _report(tmp_path / "later.yaml", "2021-Q2", f"  {target}: {{value: 40}}\n")
    _, doc = check_json(met, later, "--as-of", "2021-06-30")
    result = next(r for r in doc["results"] if r["target"] == target)
    got = (result["status"], result["days_overdue"], result["period"])
    assert got == ("not_met", None, "2021-Q2")
    assert f"met in {met_period}" in result["explanation"]
    _, doc = check_json(later, "--as-of", "2021-06-30")  # never met: overdue
    result = next(r for r in doc["results"] if r["target"] == target)
    assert (result["status"], result["days_overdue"]) == ("overdue", 303)

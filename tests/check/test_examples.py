"""The shipped example quarter (examples/2021-Q2) on the real measures, as `make demo` runs it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
ARGS = ("check", "examples/2021-Q2", "--waivers", "examples/waivers.yaml", "--as-of", "2021-06-30")


def test_example_quarter(run: Any) -> None:
    result = run(*ARGS, "--format", "json")
    assert result.exit_code == 1, result.stderr  # some targets fail, as the example means them to
    doc = json.loads(result.stdout)
    got = {r["target"]: r for r in doc["results"]}
    assert len(got) == sum(doc["summary"].values())
    for status in ("met", "at_risk", "overdue", "not_met", "missing", "pending", "waived"):
        assert doc["summary"][status] > 0, status
    cut = got["m06-average-outage-time-cut"]
    assert cut["status"] == "met"
    assert cut["explanation"].startswith("8.2 h vs 10.6 h baseline (2020): -22.6 %, target -20 %")
    late = got["m04-220kv-line-relocation-start"]
    assert (late["status"], late["late"]) == ("met", True)
    assert got["m20-connection-standards-extra-requirements"]["status"] == "waived"
    assert got["m42-first-ordinary-invoices"]["status"] == "overdue"
    assert got["m06-live-working-rate"]["reported"] == 87
    assert got["m48-fewer-inspections-new-low-risk"]["reporter"] == "market-supervision-branch"


def test_examples_validate(run: Any) -> None:
    result = run("validate", "examples/2021-Q2", "examples/waivers.yaml")
    assert result.exit_code == 0, result.output


def test_every_department_template_on_the_real_measures_is_a_valid_submission(
    run: Any, tmp_path: Path
) -> None:
    text = (ROOT / "measures" / "departments.yaml").read_text(encoding="utf-8")
    departments = yaml.safe_load(text)["departments"]
    paths = []
    for dept in departments:
        out = tmp_path / f"{dept['id']}.yaml"
        assert run("template", "-d", dept["id"], "-p", "2021-Q2", "-o", out).exit_code == 0
        paths.append(out)
    result = run("validate", *paths)
    assert result.exit_code == 0, result.output


def test_examples_folder_skips_the_waivers_file(run: Any) -> None:
    """examples/ holds waivers.yaml beside the quarter: a hint, not S001 (issue 9)."""
    result = run("check", "examples", "examples/2021-Q2", "--as-of", "2021-06-30")
    assert result.exit_code == 1, result.stderr
    hint = (
        "examples/waivers.yaml:3:1: warning C009 a waivers file, not a submission: skipped; "
        "pass it with --waivers examples/waivers.yaml"
    )
    assert result.stderr.splitlines() == [hint]
    assert run("validate", "examples").exit_code == 0


def test_examples_folder_with_the_same_waivers_says_nothing(run: Any) -> None:
    result = run("check", "examples", *ARGS[1:], "--format", "json")
    assert result.exit_code == 1
    assert result.stderr == ""
    assert result.stdout == run(*ARGS, "--format", "json").stdout


def test_no_submissions_is_said_but_judged(run: Any) -> None:
    result = run("check", "--as-of", "2021-06-30", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr.startswith("bizenv: no submissions given: all 101 targets are judged")
    assert all(r["reported_location"] is None for r in json.loads(result.stdout)["results"])
    assert "no submissions" not in run(*ARGS).stderr

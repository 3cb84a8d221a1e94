"""`bizenv diff OLD.json NEW.json`: the transition table, the example quarters, bad inputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from tests.hostile.test_corpus import PYDANTIC_RE

from bizenv_cli.evaluation.result import Status
from bizenv_cli.history.diff import transition
from bizenv_cli.history.diff_model import Transition
from conftest import ROOT
from history.conftest import QUARTERS

S = Status
T = Transition
TABLE = [
    (S.at_risk, S.met, T.newly_met),
    (S.pending, S.met, T.newly_met),
    (S.waived, S.met, T.newly_met),
    (S.overdue, S.met, T.recovered),
    (S.missing, S.met, T.recovered),
    (S.not_met, S.met, T.recovered),
    (S.overdue, S.waived, T.recovered),
    (S.overdue, S.at_risk, T.recovered),
    (S.at_risk, S.overdue, T.newly_overdue),
    (S.met, S.overdue, T.newly_overdue),
    (S.met, S.not_met, T.newly_failing),
    (S.pending, S.missing, T.newly_failing),
    (S.met, S.at_risk, T.worsened),
    (S.pending, S.at_risk, T.worsened),
    (S.at_risk, S.pending, T.improved),
    (S.overdue, S.missing, T.changed),
    (S.met, S.waived, T.changed),
    (S.overdue, S.overdue, T.unchanged),
    (None, S.met, T.new_target),
    (S.met, None, T.gone),
]


@pytest.mark.parametrize(("old", "new", "expected"), TABLE)
def test_transition_table(old: Status | None, new: Status | None, expected: Transition) -> None:
    assert transition(old, new) is expected


def test_every_transition_is_in_the_table() -> None:
    assert {row[2] for row in TABLE} == set(Transition)


def test_diff_of_the_example_quarters(run: Any, saved_check: Any) -> None:
    old = saved_check("q2", *QUARTERS[:2])
    new = saved_check("q3", *QUARTERS)
    result = run("diff", old, new, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    schema = json.loads((ROOT / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)
    got = {c["target"]: c for c in doc["changes"]}
    assert got["m05-low-voltage-external-works-days"]["transition"] == "newly_overdue"
    assert got["m05-low-voltage-external-works-days"]["delta"] == 1
    assert got["m06-live-working-rate"]["transition"] == "newly_met"
    assert got["m42-first-ordinary-invoices"]["transition"] == "recovered"
    assert got["m42-first-vat-special-invoices"]["transition"] == "newly_failing"  # met->not_met
    assert got["m04-external-line-works-sanan-rongbai"]["transition"] == "recovered"
    moved = got["m44-annual-tax-hours"]  # still met, but the value moved
    assert (moved["transition"], moved["moved"], moved["delta"]) == ("unchanged", True, -5)
    assert sum(doc["counts"].values()) == sum(doc["new_summary"].values())
    assert doc["counts"]["newly_overdue"] == 5
    assert doc["transitions"]["newly_met"] == [
        "m06-live-working-rate",
        "m12-loan-documents",
        "m24-cross-region-joint-handling",
    ]
    assert "unchanged" not in doc["transitions"]
    for name, ids in doc["transitions"].items():
        assert len(ids) == doc["counts"][name], name
    assert "m44-annual-tax-hours" in doc["moved"]
    assert (doc["old_as_of"], doc["new_as_of"]) == ("2021-06-30", "2021-09-30")


def test_table_and_markdown(run: Any, saved_check: Any) -> None:
    old, new = saved_check("q2", *QUARTERS[:2]), saved_check("q3", *QUARTERS)
    table = run("diff", old, new)
    assert table.exit_code == 0
    row = next(line for line in table.stdout.splitlines() if "m06-live-working-rate" in line)
    assert "newly_met" in row and "at_risk -> met" in row and "87 -> 91 (+4)" in row
    assert "5 newly_overdue" in table.stdout.splitlines()[-1]
    md = run("diff", old, new, "--format", "markdown")
    assert "| newly\\_overdue |" not in md.stdout  # transition names are not escaped twice
    assert "| newly_overdue | 5 |" in md.stdout


def test_a_target_only_in_one_result(run: Any, saved_check: Any, tmp_path: Path) -> None:
    old = saved_check("q2", *QUARTERS[:2])
    doc = json.loads(old.read_text(encoding="utf-8"))
    doc["results"] = [r for r in doc["results"] if r["target"] != "m06-live-working-rate"]
    trimmed = tmp_path / "trimmed.json"
    trimmed.write_text(json.dumps(doc), encoding="utf-8")
    forward = json.loads(run("diff", trimmed, old, "--format", "json").stdout)
    assert forward["counts"]["new_target"] == 1
    back = json.loads(run("diff", old, trimmed, "--format", "json").stdout)
    assert [c["target"] for c in back["changes"] if c["transition"] == "gone"] == [
        "m06-live-working-rate"
    ]


def _variant(old: Path, tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("truncated.json", lambda t: t[: len(t) // 2], "not valid JSON"),
        ("list.json", lambda t: "[1, 2]", "not a saved check result"),
        ("submission.json", lambda t: '{"department": "x", "period": "2021-Q2", "entries": {}}',
         "not a saved check result"),
        ("nan.json", lambda t: t.replace('"due_within": 30', '"due_within": NaN'), "NaN"),
        ("latin1.json", lambda t: t.encode("utf-8").replace(b"\xe5", b"\xff"), "not UTF-8"),
        ("huge.json", lambda t: t.replace('"due_within": 30', '"due_within": 1e400'), "too large"),
        ("deep.json", lambda t: "[" * 100_000, "nested too deeply"),
        ("empty.json", lambda t: "", "not valid JSON"),
        ("status.json", lambda t: t.replace('"status": "met"', '"status": "ok"', 1),
         "'ok' is not allowed here: use one of met, at_risk, overdue"),
        ("no-as-of.json", lambda t: t.replace('"as_of"', '"as_off"', 1),
         "missing required key 'as_of'"),
        ("list-days.json", lambda t: t.replace('"due_within": 30', '"due_within": [30]'),
         "due_within: expected a whole number, got a list"),
    ],
)
def test_a_file_that_is_not_a_saved_check_is_exit_3(
    run: Any, saved_check: Any, tmp_path: Path, name: str, make: Any, message: str
) -> None:
    good = saved_check("q2", *QUARTERS[:2])
    bad = _variant(good, tmp_path, name, make(good.read_text(encoding="utf-8")))
    for args in ((bad, good), (good, bad)):
        result = run("diff", *args)
        assert result.exit_code == 3, result.output
        assert name in result.stderr and message in result.stderr
        assert "bizenv check --format json" in result.stderr
        assert not PYDANTIC_RE.search(result.stderr), result.stderr
        assert result.stdout == ""


def test_another_plan_or_a_missing_file_is_exit_3(
    run: Any, saved_check: Any, tmp_path: Path
) -> None:
    good = saved_check("q2", *QUARTERS[:2])
    doc = json.loads(good.read_text(encoding="utf-8"))
    doc["plan"]["zh"] = "另一个方案"
    other = _variant(good, tmp_path, "other.json", json.dumps(doc, ensure_ascii=False))
    result = run("diff", good, other)
    assert result.exit_code == 3 and "another plan" in result.stderr
    missing = run("diff", good, tmp_path / "nowhere.json")
    assert missing.exit_code == 3 and "cannot read it" in missing.stderr
    folder = run("diff", good, tmp_path)
    assert folder.exit_code == 3


def test_a_byte_order_mark_is_fine(run: Any, saved_check: Any, tmp_path: Path) -> None:
    good = saved_check("q2", *QUARTERS[:2])
    marked = _variant(good, tmp_path, "bom.json", b"\xef\xbb\xbf" + good.read_bytes())
    result = run("diff", marked, good, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"]["unchanged"] > 0

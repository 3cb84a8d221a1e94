"""Acceptance for the encoded plan: complete, traceable, and clean under `bizenv validate`."""

from __future__ import annotations

import json
import re

from conftest import MEASURES

_WS = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _WS.sub("", text)


def test_real_measures_validate_without_errors(run):
    result = run("validate", "measures", "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0, result.output
    assert report["summary"]["errors"] == 0
    # The only warnings are the deadlines the plan itself dates before its issue (R011).
    assert {f["code"] for f in report["findings"]} <= {"R011"}


def test_list_exposes_54_measures_in_28_sections(run):
    result = run("list", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    numbers = [m["number"] for m in data["measures"]]
    assert numbers == list(range(1, 55))
    assert len({m["section"] for m in data["measures"]}) == 28
    assert len({m["chapter"] for m in data["measures"]}) == 6
    # Every measure has at least one target, and every target is listed once.
    per_measure = {m["number"]: len(m["targets"]) for m in data["measures"]}
    assert min(per_measure.values()) >= 1
    target_ids = [t["target_id"] for t in data["targets"]]
    assert len(target_ids) == len(set(target_ids)) == sum(per_measure.values())


def test_every_source_and_quote_traces_to_the_plan_text():
    from bizenv_cli.loading.measureset import load_measure_set

    mset, findings = load_measure_set(MEASURES)
    assert not findings
    plan = _squash(mset.plan_text)
    for loaded in mset.measures:
        source = _squash(loaded.measure.source)
        assert source in plan, loaded.path
        assert source.startswith(f"{loaded.measure.number}."), loaded.path
        for target in loaded.measure.targets:
            assert _squash(target.quote) in source, target.id


def test_issue_examples_are_encoded_as_the_plan_says():
    """Spot checks of numbers named in the project brief."""
    from bizenv_cli.loading.measureset import load_measure_set

    mset, _ = load_measure_set(MEASURES)
    targets = {t.id: t for m in mset.measures for t in m.measure.targets}
    by_measure = mset.by_number()
    assert by_measure[20].measure.deadline.text == "2020年6月底"
    assert by_measure[43].measure.deadline.ongoing
    assert str(by_measure[43].measure.deadline.due) == "2020-08-31"
    values = {
        (t.id.split("-")[0], getattr(t, "value", None), str(getattr(t, "unit", "")))
        for t in targets.values()
    }
    assert ("m05", 30, "working_day") in values
    assert ("m23", 0.5, "working_day") in values
    assert ("m44", 90, "hour") in values
    assert ("m06", 90, "percent") in values
    change = [t for t in targets.values() if t.kind == "change" and t.id.startswith("m06")]
    assert len(change) == 1 and change[0].value == 20 and change[0].limit is not None
    assert change[0].limit.value == 8.5


def test_every_unit_is_documented():
    from bizenv_cli.models.units import UNIT_DESCRIPTIONS, Unit

    doc = (MEASURES.parent / "docs" / "encoding.md").read_text(encoding="utf-8")
    assert set(UNIT_DESCRIPTIONS) == set(Unit)
    for unit in Unit:
        assert f"| `{unit.value}` |" in doc, unit

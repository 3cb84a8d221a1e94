"""`bizenv template`: a ready-to-fill submission that validates and round-trips through check."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from .conftest import FIXTURE_MEASURES

POWER_TARGETS = {  # the fixture's measures 4, 5 and 6 name 区供电公司 as responsible
    "m04-substation-capacity-expansion",
    "m04-10kv-corridor-construction",
    "m04-220kv-line-relocation-start",
    "m04-external-line-works-sanan-rongbai",
    "m05-high-voltage-connection-days",
    "m05-low-voltage-external-works-days",
    "m05-low-voltage-no-external-works-days",
    "m05-residential-connection-days",
    "m05-on-site-supply-plan",
    "m05-zero-visit-application",
    "m06-live-working-rate",
    "m06-outages-per-line-per-year",
    "m06-average-outage-time-cut",
}


def fill(text: str, target: str, **fields: str) -> str:
    """Type values after ``field:`` inside one target's block, as a person would."""
    lines = text.splitlines()
    start = lines.index(f"  {target}:")
    for i in range(start + 1, len(lines)):
        if re.match(r"^  \S", lines[i]):
            break
        for name, value in fields.items():
            key = name.replace("baseline_", "  ") if name.startswith("baseline_") else name
            if re.match(rf"^    {re.escape(key)}:(\s|$)", lines[i]):
                lines[i] = f"    {key}: {value}"
    return "\n".join(lines) + "\n"


def _template(run: Any, tmp_path: Path, *args: str) -> str:
    out = tmp_path / "template.yaml"
    result = run("template", "--measures", FIXTURE_MEASURES, "-o", out, *args)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_department_template_lists_its_targets_with_comments(run: Any, tmp_path: Path) -> None:
    text = _template(run, tmp_path, "--department", "华容区供电公司", "--period", "2021-Q2")
    data = yaml.safe_load(text)
    assert data["department"] == "power-supply-company" and data["period"] == "2021-Q2"
    assert set(data["entries"]) == POWER_TARGETS
    assert all(
        v is None for e in data["entries"].values() for v in e.values() if not isinstance(v, dict)
    )
    block = text[text.index("  m06-average-outage-time-cut:") :]
    assert "# 全区用户平均停电时间" in block
    assert (
        "# required: cut >= 20 % on the previous year value, and <= 8.5 h; due 2021-06-30" in block
    )
    assert (
        "    value:        # in hour (小时)\n"
        "    unit:         # empty = hour; or calendar_day / minute" in block
    )
    assert "    baseline:" in block
    assert "# required: done; due 2021-03-31" in text  # a milestone with its own date
    assert "# 6. 围绕提高供电质量,增强用电可靠性 (完成时限: 2021年6月底)" in text


def test_whole_zone_template_has_every_target(run: Any, tmp_path: Path) -> None:
    data = yaml.safe_load(_template(run, tmp_path, "--period", "2021"))
    assert data["department"] == "optimization-office" and data["period"] == "2021"
    assert len(data["entries"]) == 21


def test_template_to_stdout_and_bad_options(run: Any) -> None:
    result = run("template", "--measures", FIXTURE_MEASURES, "-d", "tax-bureau", "-p", "2021-06")
    assert result.exit_code == 0
    assert set(yaml.safe_load(result.stdout)["entries"]) == {
        "m42-first-vat-special-invoices",
        "m42-first-ordinary-invoices",
    }
    bad = run(
        "template", "--measures", FIXTURE_MEASURES, "--department", "供电公司", "-p", "2021-Q2"
    )
    assert bad.exit_code == 2
    assert "did you mean power-supply-company (区供电公司)?" in bad.stderr
    assert run("template", "--measures", FIXTURE_MEASURES, "--period", "2021-Q5").exit_code == 2


def test_untouched_template_validates_and_checks_as_not_reported(run: Any, tmp_path: Path) -> None:
    shutil.copytree(FIXTURE_MEASURES, tmp_path / "measures")
    text = _template(run, tmp_path, "--department", "区供电公司", "--period", "2021-Q2")
    valid = run("validate", tmp_path / "template.yaml", cwd=tmp_path)
    assert valid.exit_code == 0, valid.output
    assert "1 file, 0 errors" in valid.stdout
    result = run(
        "check", tmp_path / "template.yaml", "--measures", FIXTURE_MEASURES, "--format", "json"
    )
    assert result.exit_code == 1, result.output
    doc = json.loads(result.stdout)
    assert doc["as_of"] == "2021-06-30"
    assert all(r["reported_location"] is None for r in doc["results"])
    assert doc["summary"]["met"] == 0
    assert "value:" in text


def test_an_entry_emptied_to_nothing_counts_as_not_reported(run: Any, tmp_path: Path) -> None:
    """The template says "leave a target empty": deleting every line under a target id
    (leaving `m05-x:` alone) means the same as leaving its values empty."""
    shutil.copytree(FIXTURE_MEASURES, tmp_path / "measures")
    text = _template(run, tmp_path, "--department", "区供电公司", "--period", "2021-Q2")
    emptied = re.sub(r"(?m)^(  m05-high-voltage-connection-days:)\n(    .*\n)+", r"\1\n", text)
    assert "  m05-high-voltage-connection-days:\n  " in emptied
    (tmp_path / "template.yaml").write_text(emptied, encoding="utf-8")
    assert run("validate", tmp_path / "template.yaml", cwd=tmp_path).exit_code == 0
    result = run(
        "check", tmp_path / "template.yaml", "--measures", FIXTURE_MEASURES, "--format", "json"
    )
    doc = json.loads(result.stdout)
    row = next(r for r in doc["results"] if r["target"] == "m05-high-voltage-connection-days")
    assert row["reported_location"] is None
    assert row["status"] in {"pending", "missing"}


def test_round_trip_template_fill_check(run: Any, tmp_path: Path) -> None:
    text = _template(run, tmp_path, "--department", "power-supply-company", "--period", "2021-Q2")
    text = fill(text, "m05-high-voltage-connection-days", value="30", sample_size="14")
    text = fill(text, "m05-residential-connection-days", value="2.5")
    text = fill(text, "m06-live-working-rate", value="0.95", unit="ratio")
    text = fill(
        text,
        "m06-average-outage-time-cut",
        value="8",
        baseline_value="10",
        baseline_period='"2020"',
    )
    text = fill(text, "m04-220kv-line-relocation-start", state="done", completed="2021-04-20")
    text = fill(
        text,
        "m04-external-line-works-sanan-rongbai",
        state="in_progress",
        note="三安项目剩余电缆沟约400米",
    )
    path = tmp_path / "filled.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("check", path, "--measures", FIXTURE_MEASURES, "--format", "json")
    assert result.exit_code == 1, result.output
    got = {r["target"]: r for r in json.loads(result.stdout)["results"]}
    statuses = {
        t: got[t]["status"]
        for t in (
            "m05-high-voltage-connection-days",
            "m05-residential-connection-days",
            "m06-live-working-rate",
            "m06-average-outage-time-cut",
            "m04-220kv-line-relocation-start",
            "m04-external-line-works-sanan-rongbai",
            "m05-on-site-supply-plan",
            "m22-annual-policy-clean-up",
        )
    }
    assert statuses == {
        "m05-high-voltage-connection-days": "met",
        "m05-residential-connection-days": "at_risk",
        "m06-live-working-rate": "met",
        "m06-average-outage-time-cut": "met",
        "m04-220kv-line-relocation-start": "met",
        "m04-external-line-works-sanan-rongbai": "overdue",
        "m05-on-site-supply-plan": "pending",
        "m22-annual-policy-clean-up": "missing",
    }
    assert got["m04-220kv-line-relocation-start"]["late"] is True
    assert got["m06-live-working-rate"]["reported"] == 95
    assert got["m06-average-outage-time-cut"]["change"]["change_percent"] == -20.0
    assert got["m05-high-voltage-connection-days"]["reported_location"]["path"] == str(path)


def test_the_template_matches_the_submission_schema(run: Any) -> None:
    """Editors validate with schemas/submission.schema.json: it agrees with the tool."""
    import jsonschema

    root = FIXTURE_MEASURES.parent.parent.parent.parent
    schema = json.loads((root / "schemas" / "submission.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    result = run("template", "--period", "2021-Q2", "--measures", FIXTURE_MEASURES)
    assert result.exit_code == 0
    assert validator.is_valid(yaml.safe_load(result.stdout))
    assert validator.is_valid({"department": "区供电公司", "as_of": "2021-05-30"})
    assert not validator.is_valid({"department": "区供电公司"})  # neither period nor as_of
    assert not validator.is_valid({"department": "区供电公司", "period": None})

"""Every output format of `bizenv check` on a small quarter (tests/data/check/quarter)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from bizenv_cli.schemas import build_schema

from .conftest import CHECK_DATA, FIXTURE_MEASURES

ROOT = CHECK_DATA.parent.parent.parent
QUARTER = CHECK_DATA / "quarter"
WAIVERS = CHECK_DATA / "quarter-waivers.yaml"
BASE = (QUARTER, "--measures", FIXTURE_MEASURES, "--waivers", WAIVERS, "--as-of", "2021-06-30")
EXPECTED_SUMMARY = {
    "met": 4,
    "at_risk": 2,
    "overdue": 2,
    "not_met": 0,
    "missing": 3,
    "pending": 9,
    "waived": 1,
}


def _check(run: Any, *args: Any) -> Any:
    return run("check", *BASE, *args)


def test_json_matches_the_generated_schema_and_the_committed_one(run: Any) -> None:
    result = _check(run, "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    schema = build_schema("check-result")
    jsonschema.validate(doc, schema)
    committed = json.loads(
        (ROOT / "schemas" / "check-result.schema.json").read_text(encoding="utf-8")
    )
    assert committed == schema, "run `bizenv schema` to regenerate schemas/"
    assert doc["version"] == 1 and doc["as_of"] == "2021-06-30"
    assert doc["summary"] == EXPECTED_SUMMARY
    ids = [r["target"] for r in doc["results"]]
    assert ids[:4] == [
        "m04-substation-capacity-expansion",
        "m04-10kv-corridor-construction",
        "m04-220kv-line-relocation-start",
        "m04-external-line-works-sanan-rongbai",
    ]
    assert [r["measure"] for r in doc["results"]] == sorted(r["measure"] for r in doc["results"])
    cut = next(r for r in doc["results"] if r["target"] == "m06-average-outage-time-cut")
    assert cut["explanation"].startswith("8.2 h vs 10.6 h baseline (2020): -22.6 %, target -20 %")
    assert cut["reported_location"] == {
        "path": "tests/data/check/quarter/power-supply-company.yaml",
        "line": 20,
        "column": 12,
    }
    assert cut["target_location"]["path"].endswith("06-power-reliability.yaml")
    assert cut["target_location"]["line"] > 0
    assert cut["reporter"] == "power-supply-company" and cut["responsible"] == [
        "economic-development-bureau",
        "power-supply-company",
    ]
    assert cut["change"]["limit_value"] == 8.5
    late = next(r for r in doc["results"] if r["target"] == "m04-220kv-line-relocation-start")
    assert (late["status"], late["late"]) == ("met", True)
    assert any("m30-complaint-error-free-rate" in n and "expired" in n for n in doc["notes"])


def test_json_is_stable(run: Any) -> None:
    assert _check(run, "--format", "json").stdout == _check(run, "--format", "json").stdout


def test_only_failing_keeps_what_needs_action(run: Any) -> None:
    doc = json.loads(_check(run, "--format", "json", "--only", "failing").stdout)
    assert {r["status"] for r in doc["results"]} == {"at_risk", "overdue", "missing"}
    assert len(doc["results"]) == 7
    assert doc["summary"] == EXPECTED_SUMMARY


def test_table_is_plain_when_piped_and_aligns_chinese(run: Any) -> None:
    result = _check(run)
    assert result.exit_code == 1
    out = result.stdout
    assert "\x1b[" not in out
    assert out.rstrip().splitlines()[-1] == (
        "21 targets on 2021-06-30: met 4, at_risk 2, overdue 2, not_met 0, missing 3, pending 9, "
        "waived 1"
    )
    row = next(ln for ln in out.splitlines() if "m42-first-ordinary-invoices" in ln)
    assert "| overdue " in row and "| 2020-08-31 then " in row and "税务局" in row
    header = next(ln for ln in out.splitlines() if ln.startswith("no."))
    rows = [ln for ln in out.splitlines() if re.match(r"^ *\d+ \|", ln)]
    pipes = [i for i, ch in enumerate(header) if ch == "|"]
    from rich.cells import cell_len

    for ln in rows:  # every column separator at the same display column, Chinese or not
        cols = [cell_len(ln[:i]) for i, ch in enumerate(ln) if ch == "|"]
        assert cols == pipes, ln
    assert "note: waiver for m30-complaint-error-free-rate" in out


def test_table_never_reads_submitted_text_as_markup(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    sub = tmp_path / "s.yaml"
    sub.write_text("department: 区供电公司\nperiod: '2021-Q2'\nentries: {}\n", encoding="utf-8")
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        "waivers:\n  - target: m30-contract-performance-rate\n    reason: '[red]x[/] [link=http://e.invalid]y[/link]'\n"
        "    approved_by: '[/]'\n    expires: 2021-12-31\n",
        encoding="utf-8",
    )
    result = run(
        "check", sub, "--measures", FIXTURE_MEASURES, "--waivers", waivers, "--as-of", "2021-06-30"
    )
    assert result.exit_code == 1
    assert "[red]x[/] [link=http://e.invalid]y[/link]" in result.stdout
    assert "(approved by [/])" in result.stdout


def test_markdown(run: Any) -> None:
    out = _check(run, "--format", "markdown").stdout
    lines = out.splitlines()
    assert (
        lines[0]
        == "## bizenv check: 关于以市场主体需求为导向打造一流营商环境的实施方案, as of 2021-06-30"
    )
    assert "| overdue | 2 |" in lines and "| waived | 1 |" in lines
    assert "**5 target(s) failing** (fail on: missing, not_met, overdue)." in lines
    row = next(ln for ln in lines if "`m06-average-outage-time-cut`" in ln)
    assert row.startswith("| 6 | `m06-average-outage-time-cut` | met | 8.2 h vs 10.6 h baseline")
    assert "limit &lt;= 8.5 h: ok" in row
    table_rows = [ln for ln in lines if ln.startswith("| ") and "`m" in ln]
    assert len(table_rows) == 21
    assert all(ln.count(" | ") == 6 for ln in table_rows)


def test_markdown_escapes_emphasis_in_submitted_text() -> None:
    from bizenv_cli.output.check.markdown import cell

    assert cell("*urgent* _x_ ~~y~~ [a](b) <b>|") == (
        "\\*urgent\\* \\_x\\_ \\~\\~y\\~\\~ \\[a\\](b) &lt;b&gt;\\|"
    )


def test_junit_is_well_formed_with_failures_and_skips(run: Any) -> None:
    out = _check(run, "--format", "junit").stdout
    root = ET.fromstring(out.encode("utf-8"))
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == 21
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("21", "5", "10")
    failed = {c.get("name") for c in cases if c.find("failure") is not None}
    assert "m42-first-ordinary-invoices" in failed and "m30-complaint-error-free-rate" in failed
    skipped = {c.get("name") for c in cases if c.find("skipped") is not None}
    assert "m30-complaint-on-time-rate" in skipped and "m31-foreign-trade-growth" in skipped
    at_risk = next(c for c in cases if c.get("name") == "m06-live-working-rate")
    assert at_risk.find("failure") is None
    # --fail-on at_risk turns at-risk targets into failures too
    root = ET.fromstring(
        _check(run, "--format", "junit", "--fail-on", "at_risk").stdout.encode("utf-8")
    )
    assert root.get("failures") == "7"


def test_github_annotations(run: Any) -> None:
    out = _check(run, "--format", "github").stdout
    lines = out.splitlines()
    assert (
        "::error file=tests/data/check/quarter/tax-bureau.yaml,line=7,col=12,"
        "title=m42-first-ordinary-invoices overdue::"
    ) in "\n".join(lines)
    missing = next(ln for ln in lines if "title=m30-contract-performance-rate missing" in ln)
    assert missing.startswith(
        "::error file=tests/data/check/measures/30-government-procurement.yaml,line="
    )
    warning = next(ln for ln in lines if "m06-live-working-rate" in ln)
    assert warning.startswith(
        "::warning file=tests/data/check/quarter/power-supply-company.yaml,line=17,col=12,"
    )
    assert "title=m06-live-working-rate at_risk (due soon)::" in warning
    assert sum(ln.startswith("::error ") for ln in lines) == 5
    assert lines[-1].startswith("21 targets on 2021-06-30:")


def test_github_is_automatic_in_github_actions(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert _check(run).stdout.startswith("::")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 1),
        (("--fail-on", "never"), 0),
        (("--fail-on", "missing"), 1),
        (("--fail-on", "at_risk"), 1),
    ],
)
def test_exit_codes_on_the_quarter(run: Any, args: tuple[str, ...], code: int) -> None:
    assert _check(run, "--format", "json", *args).exit_code == code


def test_exit_zero_when_nothing_overdue_not_met_or_missing(run: Any, tmp_path: Path) -> None:
    sub = tmp_path / "s.yaml"
    sub.write_text(
        "department: 区供电公司\nperiod: '2021-Q1'\nentries:\n"
        "  m05-high-voltage-connection-days:\n    value: 31\n",
        encoding="utf-8",
    )
    # On 2021-01-31 only m04-external-line-works (due 2021-02-28) and the ongoing targets could
    # fail; waive the ongoing ones and report the milestone done.
    sub.write_text(
        sub.read_text(encoding="utf-8") + "  m04-external-line-works-sanan-rongbai:\n"
        "    state: done\n    completed: 2021-01-20\n  m22-annual-policy-clean-up:\n    value: 1\n"
        "  m30-contract-performance-rate:\n    value: 100\n  m30-complaint-on-time-rate:\n"
        "    value: 100\n  m30-complaint-error-free-rate:\n    value: 100\n"
        "  m42-first-vat-special-invoices:\n    value: 25\n  m42-first-ordinary-invoices:\n"
        "    value: 50\n",
        encoding="utf-8",
    )
    sub.write_text(
        sub.read_text(encoding="utf-8").replace("period: '2021-Q1'", "as_of: 2021-01-31"),
        encoding="utf-8",
    )
    ok = run("check", sub, "--measures", FIXTURE_MEASURES, "--format", "json")
    assert ok.exit_code == 0, ok.stdout
    doc = json.loads(ok.stdout)
    assert doc["as_of"] == "2021-01-31"  # default: the submission's own date
    assert doc["summary"]["at_risk"] == 1
    assert run("check", sub, "--measures", FIXTURE_MEASURES, "--fail-on", "at_risk").exit_code == 1
    assert run("check", sub, "--measures", FIXTURE_MEASURES, "--fail-on", "pending").exit_code == 1


def test_output_file(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    result = _check(run, "--format", "json", "-o", target)
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"] == EXPECTED_SUMMARY
    assert [p.name for p in tmp_path.iterdir()] == ["result.json"]
    table = tmp_path / "table.txt"
    _check(run, "-o", table)
    assert "m42-first-ordinary-invoices" in table.read_text(encoding="utf-8")


def test_output_into_a_missing_folder_is_a_clear_error(run: Any, tmp_path: Path) -> None:
    result = _check(run, "--format", "json", "-o", tmp_path / "no" / "such" / "out.json")
    assert result.exit_code == 3
    assert "cannot write" in result.stderr and "Traceback" not in result.output


def test_every_unit_reads_in_explanations():
    """A target in any unit of the vocabulary can be explained (no unit is left out)."""
    from bizenv_cli.i18n.numbers import quantity
    from bizenv_cli.models.units import Unit

    for unit in Unit:
        assert quantity(2, unit).startswith("2")
    assert quantity(1, Unit.working_day) == "1 working day"
    assert quantity(1.5, Unit.working_day) == "1.5 working days"
    assert quantity(1, Unit.ten_thousand_usd) == "1 x 10,000 USD"


def test_check_and_report_escape_markdown_alike() -> None:
    from bizenv_cli.output.check.markdown import cell
    from bizenv_cli.output.report.markdown import md

    for text in ("不超过30个工作日", ">= 80%", "a | b", "*x* [y](z) & <b>"):
        assert md(text) == cell(text)
    assert cell("<= 30") == "&lt;= 30"

"""What the committee gets: caps as lines, 优秀 eligibility, the workbook, the PDF, and
text from files that can never act (formulas, bidi controls)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.score.test_rules_file import edited, score
from tests.score.test_score import QUARTERS, RULES, WAIVERS

CAPS = """overall_cap:
  name: overall
  reason: bonuses at most 1, deductions at most 25
  bonus: 1
  deduction: 25
excellent:
  name: excellent
  reason: measure 53
  min_score: 60
  disqualifying_rules: [lead-unfinished]
"""


def test_caps_are_lines_and_eligibility(run, tmp_path: Path) -> None:
    rules = edited(tmp_path, "    points: -10\n", "    points: -10\n    cap: 20\n")
    rules.write_text(rules.read_text(encoding="utf-8") + CAPS, encoding="utf-8")
    result = score(run, rules, *WAIVERS, "--format", "json")
    assert result.exit_code == 0, result.stderr
    units = {u["unit"]: u for u in json.loads(result.stdout)["units"]}
    court = units["district-court"]
    # three missing returns, -30, capped at 20: a line of +10; then the deductions
    # (-20 returns, -9 helper) are 29, capped at 25: a line of +4.
    caps = [(x["rule"], x["target"], x["period"], x["points"]) for x in court["lines"]
            if x["why"].startswith("cap")]
    assert caps == [("return-missing", None, None, 10), ("overall", None, None, 4)]
    assert court["score"] == 75 and court["eligible_excellent"] is True
    centre = units["engineering-management-center"]
    # +2 bonus capped at 1 (-1), -30 returns capped at 20 (+10), then -23 within 25.
    assert centre["score"] == 100 + 2 - 1 - 30 + 10 - 3
    finance = units["finance-bureau"]
    assert finance["eligible_excellent"] is False  # it has lead-unfinished lines
    for found in units.values():
        assert found["score"] == pytest.approx(
            found["base"] + sum(x["points"] for x in found["lines"]), abs=1e-9)
        assert found["score"] >= 100 - 25


def test_weights_multiply_target_lines(run, tmp_path: Path) -> None:
    rules = edited(tmp_path, "returns:", "weights:\n  chapters: {6: 2}\n  targets: "
                   "{m50-one-stop-ip-protection: 0.5}\nreturns:")
    result = score(run, rules, *WAIVERS, "--format", "json", "--department", "district-court")
    lines = json.loads(result.stdout)["units"][0]["lines"]
    helper = [x for x in lines if x["rule"] == "helper-unfinished"]
    assert [x["points"] for x in helper] == [-1.5, -1.5, -1.5]
    assert all("weight 0.5" in x["why"] for x in helper)


def test_usage_errors(run, tmp_path: Path) -> None:
    assert score(run, RULES, "--format", "xlsx").exit_code == 2
    assert score(run, RULES, "--format", "json", "-o", tmp_path / "x.pdf").exit_code == 2
    none = run("score", *QUARTERS, "--year", "2020", "--rules", RULES)
    assert none.exit_code == 2 and "no period of 2020" in none.stderr
    assert run("score", "--year", "2021").exit_code == 2
    inputs = score(run, RULES, "-o", RULES)
    assert inputs.exit_code == 2 and RULES.read_text(encoding="utf-8").startswith("#")


def test_as_of_stops_at_the_period_end(run) -> None:
    result = score(run, RULES, *WAIVERS, "--as-of", "2021-06-30", "--format", "json")
    lines = [x for u in json.loads(result.stdout)["units"] for x in u["lines"]]
    assert {x["period"] for x in lines} == {"2021-Q1", "2021-Q2"}


@pytest.fixture
def hostile_measures(tmp_path: Path) -> Path:
    """The measures with a unit whose name is a formula with a bidi override in it."""
    measures = tmp_path / "measures"
    shutil.copytree("measures", measures)
    path = measures / "departments.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("name: 工管中心", 'name: "=HYPERLINK(\\"http://x\\")工管\\u202e中心"', 1)
    text = text.replace("aliases: [工程管理中心]", "aliases: [工程管理中心, 工管中心]", 1)
    path.write_text(text, encoding="utf-8")
    return measures


def test_hostile_names_are_neutralised(run, tmp_path: Path, hostile_measures: Path) -> None:
    from openpyxl import load_workbook

    rules = edited(tmp_path, "name: lead-met", "name: '@SUM(1+1)*cmd'")
    rules.write_text(rules.read_text(encoding="utf-8"), encoding="utf-8")
    book = tmp_path / "scores.xlsx"
    base = ("score", *QUARTERS, "--year", "2021", "--rules", rules, "--measures",
            hostile_measures)
    assert run(*base, "-o", book).exit_code == 0
    cells = [c for ws in load_workbook(book) for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith(("=", "@"))]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert not any("\u202e" in str(c.value) for c in cells)
    table = run(*base, "--lang", "zh")
    assert "\u202e" not in table.stdout and "\\u202e" in table.stdout
    doc = run(*base, "--format", "json").stdout
    assert "\u202e" not in doc and "\\u202e" in doc


def test_workbook_has_a_summary_and_a_sheet_per_unit(run, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = tmp_path / "scores.xlsx"
    result = score(run, RULES, *WAIVERS, "-o", book)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(score(run, RULES, *WAIVERS, "--format", "json").stdout)
    wb = load_workbook(book)
    assert wb.sheetnames[0] == "汇总"
    assert len(wb.sheetnames) == 1 + len(doc["units"])
    court = wb["区法庭"]
    values = [[c.value for c in row] for row in court.iter_rows()]
    assert ["规则", "指标", "期间", "分值", "依据"] in values
    assert sum(1 for row in values if row[0] == "helper-unfinished") == 3
    assert values[-1][0] == "合计" and values[-1][3] == -39


def test_the_lead_office_can_come_from_bizenv_toml(run, tmp_path: Path) -> None:
    from tests.conftest import ROOT

    rules = edited(tmp_path, "lead_office: optimization-office\n", "")
    (tmp_path / "bizenv.toml").write_text('[office]\nshort_name = "区优化办"\n', encoding="utf-8")
    quarters = [ROOT / q for q in QUARTERS]
    result = run("score", *quarters, "--year", "2021", "--rules", rules, "--measures",
                 ROOT / "measures", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["rules"]["lead_office"] == "optimization-office"


SUPERVISION = """supervision:
  - name: closed-on-time
    reason: an item closed by its rectification deadline
    outcome: closed_on_time
    points: 1
  - name: closed-late
    reason: an item closed after its rectification deadline
    outcome: closed_late
    points: -1
  - name: red
    reason: an item still open past its rectification deadline
    outcome: red
    points: -2
"""


def test_ledger_items_make_lines(run, tmp_path: Path) -> None:
    """The ledger of `bizenv ledger update` over Q2 then Q3: each item scores as it stood
    on the as-of day, and every supervision line names its item."""
    ledger = tmp_path / "ledger.yaml"
    for quarter, day in (("2021-Q2", "2021-06-30"), ("2021-Q3", "2021-09-30")):
        update = run("ledger", "update", *QUARTERS[: 2 if quarter == "2021-Q2" else 3],
                     "--as-of", day, *WAIVERS, "--ledger", ledger)
        assert update.exit_code in (0, 1), update.output
    book = ledger.read_text(encoding="utf-8")
    assert "closed:" in book  # Q3 closed some of Q2's items
    rules = tmp_path / "rules.yaml"
    text = RULES.read_text(encoding="utf-8")
    rules.write_text(text + ("\n" if not text.endswith("\n") else "") + SUPERVISION,
                     encoding="utf-8")
    result = score(run, rules, *WAIVERS, "--ledger", ledger, "--as-of", "2021-12-31",
                   "--format", "json")
    assert result.exit_code == 0, result.output
    units = json.loads(result.stdout)["units"]
    lines = [x for u in units for x in u["lines"] if x["rule"] in ("closed-on-time",
                                                                     "closed-late", "red")]
    assert lines, "no supervision line from a ledger with closed and open items"
    assert all(x["why"].startswith("supervision item DB2021-") for x in lines)
    for unit in units:
        assert unit["score"] == round(unit["base"] + sum(x["points"] for x in unit["lines"]), 2)
    early = score(run, rules, *WAIVERS, "--ledger", ledger, "--as-of", "2021-06-30",
                  "--format", "json")
    closed_early = [x for u in json.loads(early.stdout)["units"] for x in u["lines"]
                    if x["rule"].startswith("closed")]
    assert closed_early == []  # on 2021-06-30 nothing was closed yet

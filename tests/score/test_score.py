"""Acceptance of `bizenv score` over the example quarters 2021-Q1..Q3 with a small rules
file of our own (tests/score/data/rules.yaml: base 100; lead +1 per target met, lead -5
and each responsible unit -3 per target overdue, not met or unreported, at each period
end; -10 per period with no return; no caps)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent / "data"
RULES = DATA / "rules.yaml"
QUARTERS = ("examples/2021-Q1", "examples/2021-Q2", "examples/2021-Q3")
WAIVERS = ("--waivers", "examples/waivers.yaml")
COLLECTIVES = {
    "district-relevant-departments", "relevant-departments", "district-departments",
    "district-law-enforcement-departments",
}


def scores(run, *extra: str | Path, rules: Path = RULES) -> dict[str, Any]:
    result = run("score", *QUARTERS, "--year", "2021", "--rules", rules, "--format", "json",
                 *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def waived() -> dict[str, Any]:
    """The scores with the example waivers: one run for the module's tests."""
    from tests.history.conftest import _invoke

    argv = ["score", *QUARTERS, "--year", "2021", "--rules", str(RULES), "--format", "json",
            *WAIVERS]
    result = _invoke(argv)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def unit(doc: dict[str, Any], unit_id: str) -> dict[str, Any]:
    return next(u for u in doc["units"] if u["unit"] == unit_id)


def test_hand_computed_scores(waived: dict[str, Any]) -> None:
    # By hand, from `bizenv check QUARTERS --as-of` each period end (2021-03-31, -06-30,
    # -09-30) and departments.yaml / the measures:
    #
    # 工管中心 (engineering-management-center) sends no return in any quarter:
    #   3 x return-missing -10                                            = -30
    #   leads m29-online-tendering-rate: at_risk in Q1 (92 %, no rule), met
    #   (100 %) in Q2 and Q3:                                              +1 +1
    #   responsible for m33-clinical-center-phase-one: pending in Q1 and Q2,
    #   due by Q3 and unreported (missing):                               -3
    #   100 - 30 + 2 - 3                                                  = 69
    # 区法庭 (district-court): no return in any quarter                     = -30
    #   responsible for m50-one-stop-ip-protection (ongoing), missing each
    #   quarter: 3 x -3                                                   = -9
    #   100 - 30 - 9                                                      = 61
    # 招商局 (investment-promotion-bureau): no return                       = -30
    #   responsible for m21-negative-list-hidden-barriers (ongoing), missing
    #   each quarter: 3 x -3                                              = -9
    #   responsible for m11-firms-with-financing-support (>= 50 % by 2021-06-30):
    #   41 % in Q1 and 46 % in Q2 are at_risk (Q2's end is the due day itself: not
    #   yet overdue; no rule), 49 % in Q3 is overdue                      = -3
    #   100 - 30 - 9 - 3                                                  = 58
    expected = {
        "engineering-management-center": 69,
        "district-court": 61,
        "investment-promotion-bureau": 58,
    }
    for unit_id, score in expected.items():
        found = unit(waived, unit_id)
        assert found["base"] == 100
        assert found["score"] == score, (unit_id, found["lines"])
    lines = unit(waived, "engineering-management-center")["lines"]
    assert [(x["rule"], x["target"], x["period"], x["points"]) for x in lines] == [
        ("return-missing", None, "2021-Q1", -10),
        ("lead-met", "m29-online-tendering-rate", "2021-Q2", 1),
        ("return-missing", None, "2021-Q2", -10),
        ("lead-met", "m29-online-tendering-rate", "2021-Q3", 1),
        ("helper-unfinished", "m33-clinical-center-phase-one", "2021-Q3", -3),
        ("return-missing", None, "2021-Q3", -10),
    ]


def test_shape_sum_and_shared_ranks(waived: dict[str, Any]) -> None:
    assert set(waived) == {"year", "rules", "units"}
    assert waived["year"] == 2021
    assert waived["rules"]["base"] == 100 and waived["rules"]["default"] is False
    previous = None
    for found in waived["units"]:
        assert set(found) == {"unit", "unit_name", "base", "score", "rank",
                              "eligible_excellent", "lines"}
        total = found["base"] + sum(x["points"] for x in found["lines"])
        assert found["score"] == pytest.approx(total, abs=1e-9)
        for line in found["lines"]:
            assert set(line) == {"rule", "target", "period", "points", "why"}
        higher = sum(1 for other in waived["units"] if other["score"] > found["score"])
        assert found["rank"] == higher + 1  # ties share a rank, the next rank skips
        if previous is not None:
            assert previous["score"] >= found["score"]
        previous = found
    ranks = [u["rank"] for u in waived["units"]]
    assert len(ranks) != len(set(ranks)), "the example has ties: they share a rank"


def test_a_collective_gets_no_row(waived: dict[str, Any]) -> None:
    units = {u["unit"] for u in waived["units"]}
    assert not units & COLLECTIVES
    assert "finance-bureau" in units  # a unit that shares its targets with a collective


def test_changing_one_rule_changes_exactly_its_scores(
    run, waived: dict[str, Any], tmp_path: Path
) -> None:
    changed = tmp_path / "rules.yaml"
    changed.write_text(
        RULES.read_text(encoding="utf-8").replace("points: -3", "points: -4"), encoding="utf-8"
    )
    after = {u["unit"]: u for u in scores(run, *WAIVERS, rules=changed)["units"]}
    moved = 0
    for before in waived["units"]:
        helper = sum(1 for x in before["lines"] if x["rule"] == "helper-unfinished")
        now = after[before["unit"]]
        assert now["score"] == before["score"] - helper, before["unit"]
        moved += helper > 0
    assert moved and moved < len(waived["units"])  # some moved, and only those


def test_a_waived_target_costs_nothing(run, waived: dict[str, Any]) -> None:
    target = "m20-connection-standards-extra-requirements"  # waived in examples/waivers.yaml
    unwaived = scores(run)
    charged = {u["unit"]: sum(x["points"] for x in u["lines"] if x["target"] == target)
               for u in unwaived["units"]}
    assert any(charged.values()), "without the waiver the target costs its units"
    for found in waived["units"]:
        assert not [x for x in found["lines"] if x["target"] == target]
        before = unit(unwaived, found["unit"])
        assert found["score"] == before["score"] - charged[found["unit"]]


def test_every_line_names_what_check_said(run, waived: dict[str, Any]) -> None:
    """How a unit disputes a line: `check --as-of` the period end says the same status."""
    ends = {"2021-Q1": "2021-03-31", "2021-Q2": "2021-06-30", "2021-Q3": "2021-09-30"}
    lines = unit(waived, "investment-promotion-bureau")["lines"]
    for period, end in ends.items():
        upto = QUARTERS[: list(ends).index(period) + 1]
        check = run("check", *upto, *WAIVERS, "--as-of", end, "--format", "json")
        statuses = {r["target"]: r["status"] for r in json.loads(check.stdout)["results"]}
        for line in (x for x in lines if x["period"] == period and x["target"]):
            assert f"{line['target']} {statuses[line['target']]} " in line["why"]


def test_department_statement(run) -> None:
    doc = scores(run, *WAIVERS, "--department", "区法庭")
    assert [u["unit"] for u in doc["units"]] == ["district-court"]
    assert doc["units"][0]["rank"] > 1  # its rank among all units
    table = run("score", *QUARTERS, "--year", "2021", "--rules", RULES, *WAIVERS,
                "--department", "district-court", "--lang", "zh")
    assert table.exit_code == 0, table.stderr
    assert "“一站式”知识产权保护机制" in table.stdout  # m50-one-stop-ip-protection, by its title
    assert "2021年第三季度" in table.stdout and "未报送（责任单位）" in table.stdout
    assert "报表未报送" in table.stdout
    collective = run("score", *QUARTERS, "--year", "2021", "--rules", RULES,
                     "--department", "区直各有关部门")
    assert collective.exit_code == 2
    assert "gets no score" in collective.stderr


def test_the_worked_example_in_the_docs(waived: dict[str, Any]) -> None:
    from tests.conftest import ROOT

    docs = (ROOT / "docs" / "score.md").read_text(encoding="utf-8")
    found = unit(waived, "investment-promotion-bureau")
    assert (found["score"], found["rank"]) == (58, 6)
    assert "招商局 (investment-promotion-bureau) scores 58" in docs and "Ranked 6th" in docs
    assert [u["score"] for u in waived["units"][:5]] == [70, 70, 70, 69, 61]
    assert "three units share rank 1 with 70, then 69, 61" in docs

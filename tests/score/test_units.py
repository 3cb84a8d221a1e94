"""The pure pieces: who a target scores, shared ranks, supervision items' lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bizenv_cli.evaluation.result import TargetResult
from bizenv_cli.models.scoring import Role, ScoringRules, SupervisionRule
from bizenv_cli.scoring.ranking import ranks
from bizenv_cli.scoring.roles import scored_units
from bizenv_cli.scoring.supervision import Item, supervision_lines

COLLECTIVES = {"district-relevant-departments", "relevant-departments"}


def units(lead: list[str], responsible: list[str], office: str | None = "optimization-office"):
    result = TargetResult.model_construct(lead=lead, responsible=responsible)
    return scored_units(result, COLLECTIVES, office)


def test_roles() -> None:
    assert units(["finance-bureau"], ["district-relevant-departments", "tax-bureau"]) == [
        ("finance-bureau", Role.lead), ("tax-bureau", Role.responsible)]
    # no lead named: the first responsible unit is chiefly in charge
    assert units([], ["tax-bureau", "finance-bureau"]) == [
        ("tax-bureau", Role.lead), ("finance-bureau", Role.responsible)]


def test_a_target_of_collectives_only_goes_to_the_lead_office() -> None:
    only = (["district-relevant-departments"], ["relevant-departments"])
    assert units(*only) == [("optimization-office", Role.lead)]
    assert units(*only, office=None) == []
    assert units([], []) == []


def test_ties_share_a_rank_and_the_next_skips() -> None:
    assert ranks({"a": 90, "b": 95, "c": 90, "d": 80}) == {"b": 1, "a": 2, "c": 2, "d": 4}


def test_supervision_items_make_lines_by_outcome(tmp_path: Path) -> None:
    rules = ScoringRules(
        title="t", default=False, source="s", base=100,
        supervision=[
            SupervisionRule(name=name, reason="r", outcome=outcome, points=points)
            for name, outcome, points in (("on-time", "closed_on_time", 1),
                                          ("late", "closed_late", -1), ("red", "red", -2))
        ],
    )
    due = date(2021, 7, 15)
    items = [
        Item("D1", "tax-bureau", "m05-x", due, date(2021, 7, 10), red=False),
        Item("D2", "tax-bureau", None, due, date(2021, 8, 1), red=False),
        Item("D3", "finance-bureau", None, due, None, red=True),
        Item("D4", "finance-bureau", None, due, None, red=False),  # open, in time: no line
    ]
    found: dict = {}
    supervision_lines(items, rules, found)
    assert [(x.rule, x.points) for x in found["tax-bureau"]] == [("on-time", 1), ("late", -1)]
    assert [(x.rule, x.points) for x in found["finance-bureau"]] == [("red", -2)]
    assert "D3" in found["finance-bureau"][0].why

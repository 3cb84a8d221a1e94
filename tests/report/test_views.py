"""The report's numbers (output/report/views): one evaluation of the fixture, seen per view."""

from __future__ import annotations

import pytest

from bizenv_cli.evaluation.counts import STATUS_ORDER, StatusCounts
from bizenv_cli.evaluation.result import Status
from bizenv_cli.output.report.views import build_report
from bizenv_cli.output.report.views.bars import segments

from .conftest import AS_OF, COUNTS


@pytest.fixture(scope="module")
def views(fixture_report):
    measure_set, result = fixture_report
    return build_report(result, measure_set.plan, measure_set.departments.departments)


def unit_card(fixture_report, name):
    measure_set, result = fixture_report
    dept = measure_set.index.resolve(name)
    return build_report(
        result, measure_set.plan, measure_set.departments.departments, department=dept
    )


def test_counts_match_the_evaluation(views, fixture_report):
    _, result = fixture_report
    assert views.counts.as_dict() == COUNTS
    assert views.counts.as_dict() == {s.value: n for s, n in result.summary.items()}
    assert views.counts.total == 32 and views.measures == 10
    assert views.as_of == AS_OF


def test_share_of_due_targets_met(views):
    # due: 7 overdue + 1 not met + 4 missing + 14 met whose date has passed (or ongoing);
    # m31-foreign-trade-growth is met before its 2021-12-31 date: not due, not in the share.
    assert (views.share.due, views.share.met, views.share.met_early) == (26, 14, 1)
    assert round(views.share.share * 100, 1) == 53.8


def test_chapter_and_section_totals_add_up(views):
    assert [c.number for c in views.chapters] == [1, 2, 3, 4, 6]
    assert sum(c.counts.total for c in views.chapters) == 32
    for chapter in views.chapters:
        assert sum(s.counts.total for s in chapter.sections) == chapter.counts.total
    first = views.chapters[0]
    assert first.title.zh == "切实加强项目要素保障"
    assert first.counts.as_dict() == {
        **dict.fromkeys(COUNTS, 0),
        "met": 5,
        "overdue": 3,
        "missing": 1,
    }
    assert [s.number for s in views.chapters[2].sections] == [10, 14]


def test_units_with_the_most_overdue_come_first(views):
    order = [u.id for u in views.units]
    assert order[:3] == ["economic-development-bureau", "power-supply-company", "tax-bureau"]
    overdue = [u.count(Status.overdue) for u in views.units]
    assert overdue == sorted(overdue, reverse=True)
    assert views.units_clear == 3  # named, with nothing overdue, not met or missing


def test_a_units_overdue_list_by_role(views):
    tax = next(u for u in views.units if u.id == "tax-bureau")
    lead, responsible = tax.role("lead"), tax.role("responsible")
    assert [r.target for r in lead.of(Status.overdue)] == [
        "m43-instant-deregistration-rate",
        "m43-special-policy-refund-days",
    ]
    assert [r.target for r in responsible.of(Status.overdue)] == [
        "m23-seal-invoice-social-security-days"
    ]
    assert tax.count(Status.overdue) == 3 and tax.count(Status.missing) == 0
    econ = next(u for u in views.units if u.id == "economic-development-bureau")
    assert econ.role("lead").total == 0  # m31 (lead) is met or pending
    assert [r.target for r in econ.role("responsible").of(Status.missing)] == [
        "m05-residential-connection-days",
        "m16-renovation-days",
    ]


def test_overdue_and_missing_longest_overdue_first(views):
    days = [r.days_overdue for r in views.overdue]
    assert days == [344, 344, 132, 71, 71, 41, 41, 41, 41, None, None]
    assert {r.status for r in views.overdue} == {Status.overdue, Status.missing}
    assert views.overdue[-2].target == "m51-leading-group-reorganised"  # ongoing: no days


def test_due_soon_and_the_calendar(views):
    assert [r.target for r in views.due_soon] == ["m33-clinical-center-phase-one"]
    months = [(m.year, m.month, m.counts.total) for m in views.calendar]
    assert months == [(2021, 8, 1), (2021, 12, 4)]
    assert views.calendar[1].counts[Status.pending] == 2


def test_report_card_counts_each_role(fixture_report):
    card_report = unit_card(fixture_report, "住建局")
    card = card_report.card
    assert card.department.id == "housing-construction-bureau"
    assert card.lead.as_dict() == {**dict.fromkeys(COUNTS, 0), "met": 3, "overdue": 1, "missing": 1}
    assert card.responsible.as_dict() == {**dict.fromkeys(COUNTS, 0), "at_risk": 2, "pending": 1}
    first = card.rows[0]
    assert first[0].target == "m16-social-investment-small-medium-days" and first[1] == ("lead",)
    assert card_report.counts.total == 8
    assert card_report.notes == ()  # the expired waiver is about another unit's target


def test_report_card_keeps_notes_about_its_targets(fixture_report):
    notes = unit_card(fixture_report, "区优化办").notes
    assert len(notes) == 1 and "m51-leading-group-reorganised" in notes[0]


@pytest.mark.parametrize("width", [1, 5, 7, 16, 32, 40])
@pytest.mark.parametrize(
    "numbers",
    [[15, 2, 7, 1, 4, 2, 1], [30, 1, 1, 0, 0, 0, 0], [0, 0, 0, 0, 1, 0, 0], [1, 1, 1, 1, 1, 1, 1]],
)
def test_bar_segments_fill_the_width_and_keep_every_status(width, numbers):
    counts = StatusCounts(tuple(zip(STATUS_ORDER, numbers, strict=True)))
    parts = segments(counts, width)
    assert sum(n for _, n in parts) == width
    present = sum(1 for n in numbers if n)
    if width >= present:
        assert [s for s, _ in parts] == [s for s, n in zip(STATUS_ORDER, numbers, strict=True) if n]


def test_empty_bar():
    assert segments(StatusCounts.of([]), 20) == []

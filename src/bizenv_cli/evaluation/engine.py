"""evaluate(): every target of the plan gets exactly one status on the as-of date."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from bizenv_cli.evaluation.assess import Assessment, assess
from bizenv_cli.evaluation.result import (
    CheckResult,
    DeadlineInfo,
    Location,
    Status,
    TargetResult,
    count_statuses,
)
from bizenv_cli.evaluation.returns import build_returns
from bizenv_cli.evaluation.status import Timing, judge
from bizenv_cli.evaluation.waivers import expired_note, waiver_info, waivers_by_target
from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.explain import render
from bizenv_cli.i18n.phrases import Explanation, phrase
from bizenv_cli.loading.targets import TargetRef, index_targets
from bizenv_cli.models import MilestoneTarget
from bizenv_cli.models.submission import Entry
from bizenv_cli.models.waiver import Waiver, Waivers

if TYPE_CHECKING:
    from bizenv_cli.loading.measureset import MeasureSet
    from bizenv_cli.loading.submissions import LoadedSubmission

Pick = tuple["LoadedSubmission", Entry]


def reported_history(
    submissions: Sequence[LoadedSubmission], as_of: date
) -> dict[str, list[Pick]]:
    """Target id -> its reported entries up to ``as_of``, oldest period first.

    A submission whose period contains ``as_of`` counts; one that starts after it does not.
    """
    history: dict[str, list[Pick]] = {}
    for sub in sorted(submissions, key=lambda s: s.date):
        if sub.start > as_of:
            continue
        for target_id, entry in sub.reported().items():
            history.setdefault(target_id, []).append((sub, entry))
    return history


ENGLISH = Messages("en")  # the JSON's explanation is English, whatever --lang says
CHINESE = Messages("zh")  # and its explanation_zh Chinese (for diff of saved results)


def evaluate(
    measure_set: MeasureSet,
    submissions: Sequence[LoadedSubmission],
    *,
    as_of: date,
    waivers: Waivers | None = None,
    due_within: int = 30,
    unread: Mapping[str, str] | None = None,
) -> CheckResult:
    """The result on ``as_of``. Pure: no I/O, no clock. ``unread``: files of the returns that
    could not be read (path -> the unit their name names), for the returns view."""
    history = reported_history(submissions, as_of)
    waived = waivers_by_target(waivers)
    notes: list[str] = []
    results = []
    for target_id, ref in index_targets(measure_set).items():
        waiver = waived.get(target_id)
        if waiver is not None and as_of > waiver.expires:
            notes.append(expired_note(waiver))
        picks = history.get(target_id, [])
        latest = picks[-1] if picks else None
        met_before = _met_before(ref, picks, as_of)
        results.append(_result(ref, latest, waiver, as_of, due_within, met_before))
    summary = count_statuses(results)
    return CheckResult(
        as_of=as_of,
        plan=measure_set.plan.title,
        due_within=due_within,
        summary=summary,
        results=results,
        notes=notes,
        returns=build_returns(
            results, submissions, measure_set.departments.departments, as_of, unread or {}
        ),
    )


def _met_before(ref: TargetRef, picks: list[Pick], as_of: date) -> Pick | None:
    """For a "date, then ongoing" target: the first earlier report that met it, if any.

    Such a target is overdue after its date until met, then judged as ongoing.
    """
    if ref.due is None or not ref.measure.deadline.ongoing:
        return None
    for sub, entry in picks[:-1]:
        if assess(ref.target, entry, ref.due, as_of).satisfied:
            return sub, entry
    return None


def _result(
    ref: TargetRef,
    pick: Pick | None,
    waiver: Waiver | None,
    as_of: date,
    due_within: int,
    met_before: Pick | None = None,
) -> TargetResult:
    target, measure = ref.target, ref.measure
    sub, entry = pick if pick else (None, None)
    found: Assessment | None = assess(target, entry, ref.due, as_of) if entry else None
    due = None if met_before else ref.due  # met once: judged as ongoing from then on
    timing = judge(found.satisfied if found else None, due, as_of, due_within=due_within)
    explained = found.explanation if found else _nothing(timing, ref.due)
    if met_before and timing.status is Status.not_met:
        explained += (phrase("met_before", period=str(met_before[0].period)),)
    info = waiver_info(waiver, as_of) if waiver else None
    if info is not None and not info.expired:
        timing = Timing(Status.waived)
        waived = phrase(
            "waived", expires=str(info.expires), reason=info.reason, approved_by=info.approved_by
        )
        explained = (waived, *explained)
    elif info is not None:
        explained += (phrase("waiver_expired", expires=str(info.expires)),)
    line, col = ref.line()
    comparator, required, required_unit = (
        (None, None, None)
        if isinstance(target, MilestoneTarget)
        else (target.comparator, target.value, target.unit)
    )
    result = TargetResult(
        measure=measure.number,
        measure_id=measure.id,
        measure_title=measure.title,
        chapter=measure.chapter,
        section=measure.section,
        target=target.id,
        title=target.title,
        kind=target.kind,
        what=target.what,
        strive=target.strive,
        status=timing.status,
        late=bool(found and found.late),
        due_soon=timing.due_soon,
        reported=found.reported if found else None,
        reported_as=entry.value if entry else None,
        reported_unit=(entry.unit or ref.value_unit) if entry and entry.value is not None else None,
        state=entry.state if entry else None,
        completed=entry.completed if entry else None,
        sample_size=entry.sample_size if entry else None,
        evidence=entry.evidence if entry else None,
        note=entry.note if entry else None,
        unit=ref.value_unit,
        comparator=comparator,
        required=required,
        required_unit=required_unit,
        change=found.change if found else None,
        failed_parts=found.failed_parts if found else [],
        explanation=render(explained, ENGLISH),
        explanation_zh=render(explained, CHINESE),
        deadline=DeadlineInfo(
            text=measure.deadline.text, due=measure.deadline.due, ongoing=measure.deadline.ongoing
        ),
        due=ref.due,
        days_left=timing.days_left,
        days_overdue=timing.days_overdue,
        lead=list(measure.lead),
        responsible=list(measure.responsible),
        target_location=Location(path=ref.loaded.path, line=line, column=col),
        reported_location=_location(sub, target.id) if sub else None,
        reporter=sub.department if sub else None,
        period=sub.period if sub else None,
        waiver=info,
    )
    return result.explain(explained)


def _location(sub: LoadedSubmission, target_id: str) -> Location:
    pos = sub.entry_pos(target_id)
    return Location(path=sub.path, line=pos.line, column=pos.col)


def _nothing(timing: Timing, due: date | None) -> Explanation:
    if timing.status is Status.pending:
        return (phrase("nothing_yet"),)
    return (phrase("nothing" if due else "nothing_ongoing"),)

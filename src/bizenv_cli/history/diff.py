"""`bizenv diff`: what changed between two saved check results, target by target."""

from __future__ import annotations

import math

from bizenv_cli.evaluation.result import FAILING_BY_DEFAULT, CheckResult, Status, TargetResult
from bizenv_cli.history.diff_model import DiffResult, TargetChange, Transition

# How bad a status is: the order of `check --fail-on` (pending < at_risk < overdue = not_met =
# missing), with met and waived below everything.
SEVERITY: dict[Status, int] = {
    Status.met: 0,
    Status.waived: 0,
    Status.pending: 1,
    Status.at_risk: 2,
    Status.overdue: 3,
    Status.not_met: 3,
    Status.missing: 3,
}
_MOVE = 1e-9


def transition(old: Status | None, new: Status | None) -> Transition:
    """The transition from ``old`` to ``new`` (None: the target is not in that result)."""
    if old is None:
        return Transition.new_target
    if new is None:
        return Transition.gone
    if old is new:
        return Transition.unchanged
    was_failing, is_failing = old in FAILING_BY_DEFAULT, new in FAILING_BY_DEFAULT
    if new is Status.met:
        return Transition.recovered if was_failing else Transition.newly_met
    if is_failing and not was_failing:
        return Transition.newly_overdue if new is Status.overdue else Transition.newly_failing
    if was_failing and not is_failing:
        return Transition.recovered
    if SEVERITY[new] > SEVERITY[old]:
        return Transition.worsened
    if SEVERITY[new] < SEVERITY[old]:
        return Transition.improved
    return Transition.changed


def difference(old: float | None, new: float | None) -> float | None:
    """``new - old``; None when either is missing or the difference is beyond a float
    (1.7e308 - -1.7e308): the outputs then say the difference is too large."""
    if old is None or new is None:
        return None
    delta = new - old
    return delta if math.isfinite(delta) else None


def _change(old: TargetResult | None, new: TargetResult | None) -> TargetChange:
    either = new or old
    assert either is not None
    old_value, new_value = (old.reported if old else None), (new.reported if new else None)
    delta = difference(old_value, new_value)
    old_state, new_state = (old.state if old else None), (new.state if new else None)
    moved = bool(
        old
        and new
        and (
            (old_value is None) != (new_value is None)
            or (delta is not None and abs(delta) > _MOVE)
            or (delta is None and old_value != new_value)  # too far apart to subtract
            or old_state != new_state
        )
    )
    old_status, new_status = (old.status if old else None), (new.status if new else None)
    return TargetChange(
        target=either.target,
        measure=either.measure,
        transition=transition(old_status, new_status),
        worse=bool(old_status and new_status and SEVERITY[new_status] > SEVERITY[old_status]),
        old_status=old_status,
        new_status=new_status,
        old_value=old_value,
        new_value=new_value,
        delta=delta,
        old_state=old_state,
        new_state=new_state,
        moved=moved,
        explanation=either.explanation,
        explanation_zh=either.explanation_zh,
    )


def diff(old: CheckResult, new: CheckResult) -> DiffResult:
    """Every target's transition from ``old`` to ``new``; the caller checks the plans match."""
    before = {r.target: r for r in old.results}
    after = {r.target: r for r in new.results}
    every = [_change(before.get(r.target), r) for r in new.results]
    every += [_change(r, None) for r in old.results if r.target not in after]
    counts = dict.fromkeys(Transition, 0)
    ids: dict[Transition, list[str]] = {t: [] for t in Transition if t is not Transition.unchanged}
    for change in every:
        counts[change.transition] += 1
        if change.transition in ids:
            ids[change.transition].append(change.target)
    return DiffResult(
        plan=new.plan,
        old_as_of=old.as_of,
        new_as_of=new.as_of,
        old_summary=old.summary,
        new_summary=new.summary,
        counts=counts,
        transitions=ids,
        moved=[c.target for c in every if c.moved],
        changes=[c for c in every if c.transition is not Transition.unchanged or c.moved],
    )

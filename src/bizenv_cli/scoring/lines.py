"""The lines of one period: one per target outcome per unit, one per unit's return.

A target's status at the period end (check's own evaluation) makes a line for each unit
it scores (``roles``) under every rule for that role and status; waived targets and
statuses no rule names make none. A unit's return for the period is ``on_time`` when a
file of the period came from it and ``missing`` when none did (``late`` needs the day a
return was due: the feedback cycle of the supervision rules, not yet known here).
"""

from __future__ import annotations

from collections.abc import Collection

from bizenv_cli.evaluation.result import CheckResult, Status, TargetResult
from bizenv_cli.models.scoring import ReturnOutcome, ScoringRules, TargetOutcome
from bizenv_cli.scoring.model import Cause, ScoreLine
from bizenv_cli.scoring.roles import scored_units

Lines = dict[str, list[ScoreLine]]  # unit id -> its lines


def outcome(result: TargetResult) -> TargetOutcome | None:
    """The outcome a rule can name; None for a waived target (a waiver costs nothing)."""
    if result.status is Status.waived:
        return None
    if result.status is Status.met and result.late:
        return TargetOutcome.met_late
    return TargetOutcome(result.status.value)


def weight(rules: ScoringRules, result: TargetResult) -> float:
    """The target's own weight, else its chapter's, else 1."""
    weights = rules.weights
    return weights.targets.get(result.target, weights.chapters.get(result.chapter, 1.0))


def target_lines(
    check: CheckResult, period: str, rules: ScoringRules, collectives: Collection[str],
    into: Lines,
) -> None:
    for result in check.results:
        found = outcome(result)
        if found is None:
            continue
        factor = weight(rules, result)
        for unit, role in scored_units(result, collectives, rules.lead_office):
            for rule in rules.targets:
                if rule.role is not role or found not in rule.outcomes:
                    continue
                points = round(rule.points * factor, 2)
                why = f"{period}: {result.target} {found.value} (as {role.value} unit)"
                why += f", weight {factor:g}" if factor != 1 else ""
                why += f"; {result.explanation}" if result.explanation else ""
                cause = Cause("target", found.value, role.value, factor, result.measure,
                              result.explanation)
                line = ScoreLine(rule=rule.name, target=result.target, period=period,
                                 points=points, why=why)
                into.setdefault(unit, []).append(line.caused_by(cause))


def return_lines(
    check: CheckResult, period: str, rules: ScoringRules, collectives: Collection[str],
    into: Lines,
) -> None:
    if check.returns is None or check.returns.period is None:
        return  # no submission up to the day: no period whose returns could be judged
    for unit in check.returns.units:
        if unit.department in collectives or not unit.targets:
            continue
        got = ReturnOutcome.missing if unit.sent_nothing else ReturnOutcome.on_time
        for rule in rules.returns:
            if rule.outcome is not got:
                continue
            files = ", ".join(unit.files)
            why = f"{period}: return {got.value}" + (f" ({files})" if files else "")
            line = ScoreLine(rule=rule.name, target=None, period=period,
                             points=round(rule.points, 2), why=why)
            into.setdefault(unit.department, []).append(
                line.caused_by(Cause("return", got.value, detail=files))
            )

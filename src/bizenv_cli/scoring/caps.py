"""Caps: a rule's total per unit, and all bonuses or all deductions, kept within bounds.

A cap never hides a line: the rule's lines all stay, and one cap line gives back what
is past the cap (a rule capped at 30 whose lines add up to -36 gets a line of +6). The
overall cap then bounds the bonuses and the deductions, rule caps applied first.
"""

from __future__ import annotations

from collections.abc import Sequence

from bizenv_cli.models.scoring import OverallCap, ScoringRules
from bizenv_cli.scoring.model import Cause, ScoreLine


def _cap_line(rule: str, total: float, cap: float, why: str, kind: str) -> ScoreLine:
    kept = cap if total > 0 else -cap
    back = round(kept - total, 2)
    line = ScoreLine(rule=rule, target=None, period=None, points=back, why=why)
    return line.caused_by(Cause(kind, detail=f"{total:g} -> {kept:g}", before=total))


def rule_caps(lines: Sequence[ScoreLine], rules: ScoringRules) -> list[ScoreLine]:
    """A cap line for each rule whose lines add up to more than its cap."""
    added = []
    for rule in (*rules.targets, *rules.returns, *rules.supervision):
        if rule.cap is None:
            continue
        total = round(sum(line.points for line in lines if line.rule == rule.name), 2)
        if abs(total) > rule.cap:
            why = f"cap: {rule.name} counts at most {rule.cap:g} points a year ({total:g} before)"
            added.append(_cap_line(rule.name, total, rule.cap, why, "cap"))
    return added


def overall_caps(lines: Sequence[ScoreLine], cap: OverallCap | None) -> list[ScoreLine]:
    """Lines that bring all bonuses and all deductions within the overall cap."""
    if cap is None:
        return []
    by_rule: dict[str, float] = {}
    for line in lines:  # a rule's lines net of its own cap line
        by_rule[line.rule] = by_rule.get(line.rule, 0.0) + line.points
    bonus = round(sum(v for v in by_rule.values() if v > 0), 2)
    deduction = round(sum(v for v in by_rule.values() if v < 0), 2)
    added = []
    if cap.bonus is not None and bonus > cap.bonus:
        why = f"cap: bonuses count at most {cap.bonus:g} points a year ({bonus:g} before)"
        added.append(_cap_line(cap.name, bonus, cap.bonus, why, "overall_cap"))
    if cap.deduction is not None and -deduction > cap.deduction:
        why = (f"cap: deductions count at most {cap.deduction:g} points a year "
               f"({deduction:g} before)")
        added.append(_cap_line(cap.name, deduction, cap.deduction, why, "overall_cap"))
    return added

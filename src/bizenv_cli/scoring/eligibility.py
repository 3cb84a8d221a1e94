"""Eligibility for 优秀 (the plan's measure 53): a unit is not eligible when its score is
below the rules' minimum, or when it has a line of a rule that withdraws eligibility
(a line of 0 points counts: the rule found the unit's work lacking)."""

from __future__ import annotations

from collections.abc import Sequence

from bizenv_cli.models.scoring import Excellent
from bizenv_cli.scoring.model import ScoreLine


def not_eligible(
    score: float, lines: Sequence[ScoreLine], rule: Excellent | None
) -> list[tuple[str, str]]:
    """Why the unit may not be rated 优秀, (English, Chinese) per reason; empty: eligible."""
    if rule is None:
        return []
    reasons = []
    if rule.min_score is not None and score < rule.min_score:
        reasons.append((f"score {score:g} is below {rule.min_score:g}",
                        f"得分{score:g}分，低于{rule.min_score:g}分"))
    for name in rule.disqualifying_rules:
        count = sum(1 for line in lines if line.rule == name and line.cause.kind != "cap")
        if count:
            reasons.append((f"{count} line(s) of {name}", f"有{count}条“{name}”"))
    return reasons

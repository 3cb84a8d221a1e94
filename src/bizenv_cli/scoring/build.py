"""From the period evaluations to each unit's statement: lines, caps, score, rank, 优秀."""

from __future__ import annotations

from collections.abc import Sequence

from bizenv_cli.evaluation.result import CheckResult
from bizenv_cli.history.model import PeriodInfo
from bizenv_cli.models.plan import Department, DepartmentKind
from bizenv_cli.models.scoring import ScoringRules
from bizenv_cli.scoring.caps import overall_caps, rule_caps
from bizenv_cli.scoring.eligibility import not_eligible
from bizenv_cli.scoring.lines import Lines, return_lines, target_lines
from bizenv_cli.scoring.model import ScoreResult, UnitScore
from bizenv_cli.scoring.ranking import ranks
from bizenv_cli.scoring.supervision import Item, supervision_lines


def build_scores(
    departments: Sequence[Department],
    rules: ScoringRules,
    rules_file: str,
    year: int,
    evaluated: Sequence[tuple[PeriodInfo, CheckResult]],
    items: Sequence[Item] = (),
) -> ScoreResult:
    """Every unit's statement, ranked. Pure: the evaluations are made by the caller."""
    collectives = {d.id for d in departments if d.kind is DepartmentKind.collective}
    found: Lines = {}
    named: set[str] = set()
    for period, check in evaluated:
        target_lines(check, period.period, rules, collectives, found)
        return_lines(check, period.period, rules, collectives, found)
        named |= {u for r in check.results for u in (*r.lead, *r.responsible)}
    supervision_lines(items, rules, found)
    order = [d.id for d in departments]
    known = {d.id: d for d in departments}
    ids = [u for u in order if u not in collectives and (u in named or u in found)]
    ids += sorted(u for u in found if u not in known)
    scored: dict[str, UnitScore] = {}
    for unit in ids:
        lines = list(found.get(unit, []))
        lines += rule_caps(lines, rules)
        lines += overall_caps(lines, rules.overall_cap)
        score = round(rules.base + sum(line.points for line in lines), 2)
        reasons = not_eligible(score, lines, rules.excellent)
        dept = known.get(unit)
        scored[unit] = UnitScore(
            unit=unit,
            unit_name=dept.name if dept else unit,
            base=rules.base,
            score=score,
            rank=0,
            eligible_excellent=not reasons,
            lines=lines,
        ).because(tuple(reasons))
    rank = ranks({u: s.score for u, s in scored.items()})
    units = [
        s.model_copy(update={"rank": rank[u]})
        for u, s in sorted(scored.items(), key=lambda kv: (rank[kv[0]], ids.index(kv[0])))
    ]
    applied = {"file": rules_file, **rules.model_dump(mode="json")}
    return ScoreResult(year=year, rules=applied, units=units)

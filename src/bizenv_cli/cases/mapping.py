"""Read the case mapping (``measures/cases.yaml``) and check that each entry fits its
target: the target exists and is a threshold, the aggregate gives what the target's
aggregation compares, the duration gives its unit, and no target is mapped twice."""

from __future__ import annotations

import difflib
from pathlib import Path

from bizenv_cli.cases.codes import CODE_MAPPING
from bizenv_cli.diagnostics import Finding
from bizenv_cli.errors import BizenvError
from bizenv_cli.loading.names import CASES_FILE
from bizenv_cli.models import Aggregation, Target, ThresholdTarget, Unit
from bizenv_cli.models.casemap import Aggregate, CaseMap, Duration, TargetMap

MAPPING_FILE = CASES_FILE

# the target's aggregation -> the aggregates that give the value check compares
FITS: dict[Aggregation | None, tuple[Aggregate, ...]] = {
    Aggregation.average: (Aggregate.average,),
    Aggregation.each: (Aggregate.maximum,),  # every case within the limit = the longest is
    Aggregation.maximum: (Aggregate.maximum, Aggregate.count),
    Aggregation.total: (Aggregate.count,),
    Aggregation.rate: (Aggregate.share, Aggregate.within_limit),
    None: tuple(Aggregate),
}


def duration_for(target: ThresholdTarget) -> Duration | None:
    """The duration a target's unit and limit call for (docs/calendar.md: whole working
    days from one day up, office time below one day and for hours)."""
    if target.unit is Unit.working_day:
        return Duration.working_days if target.value >= 1 else Duration.office_days
    if target.unit is Unit.calendar_day:
        return Duration.calendar_days
    if target.unit is Unit.hour:
        return Duration.office_hours
    return None


MAX_SUGGESTIONS = 20  # unknown targets given a "did you mean": each costs a scan of all ids


def problems(
    spec: TargetMap, target_id: str, target: Target | None, known: list[str], suggest: bool = True
) -> str:
    """What is wrong with computing ``target`` by ``spec`` ('' when nothing is)."""
    if target is None:
        close = difflib.get_close_matches(target_id, known, n=1) if suggest else []
        return f"no target {target_id!r}" + (f"; did you mean {close[0]}?" if close else "")
    if not isinstance(target, ThresholdTarget):
        return f"{target_id} is a {target.kind} target: only thresholds are computed from cases"
    fits = FITS[target.aggregation]
    if spec.aggregate not in fits:
        return (
            f"{target_id} is judged by its {target.aggregation} (unit {target.unit}): use "
            f"aggregate {' or '.join(a.value for a in fits)}, not {spec.aggregate.value}"
        )
    if spec.duration is None or spec.aggregate is Aggregate.within_limit:
        needed = (
            Unit.percent
            if spec.aggregate in (Aggregate.share, Aggregate.within_limit)
            else (Unit.count)
        )
        if target.unit is not needed:
            return f"{spec.aggregate.value} gives {needed}, but {target_id} is in {target.unit}"
        return ""
    wanted = duration_for(target)
    if spec.duration is not wanted:
        why = "" if wanted is None else f": use duration {wanted.value}"
        return f"{target_id} is {target.value:g} {target.unit}{why}, not {spec.duration.value}"
    return ""


def load_mapping(path: Path, targets: dict[str, Target]) -> CaseMap:
    """The mapping at ``path``; BizenvError (exit 3) with every problem at file:line:col."""
    from bizenv_cli.loading.measureset import load_required

    mapping, shown, positions = load_required(path, CaseMap)
    findings: list[Finding] = []
    seen: dict[str, str] = {}
    known = sorted(targets)
    unknown = 0
    for i, source in enumerate(mapping.sources):
        for j, spec in enumerate(source.targets):
            key = ("target",) if spec.target else ("categories", "targets")
            pos = positions.value_pos(("sources", i, "targets", j, *key))
            line, col = (pos.line, pos.col) if pos else (0, 0)
            for target_id, _ in spec.expanded():
                where = f"{shown}:{line}"
                target = targets.get(target_id)
                unknown += target is None  # suggestions for the first few only (cap() counts)
                suggest = unknown <= MAX_SUGGESTIONS
                message = problems(spec, target_id, target, known, suggest)
                if not message and target_id in seen:
                    message = f"{target_id} is mapped twice (also at {seen[target_id]})"
                seen.setdefault(target_id, where)
                if message:
                    findings.append(Finding(shown, line, col, CODE_MAPPING, message))
    if findings:
        raise BizenvError(f"{shown} cannot be used", findings=findings)
    return mapping


def mapping_findings(root: Path, targets: dict[str, Target]) -> list[Finding]:
    """The problems of ``root``'s cases.yaml, for `bizenv validate` (none without one)."""
    path = root / MAPPING_FILE
    if not path.is_file():
        return []
    try:
        load_mapping(path, targets)
    except BizenvError as exc:
        return exc.findings or [Finding(str(path), 0, 0, CODE_MAPPING, exc.message)]
    return []

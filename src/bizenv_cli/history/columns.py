"""Evaluate once per period without re-reading every submission each time.

``evaluate`` looks at every submission it is given, so a history of P periods over S
submissions cost P x S (10,000 daily files: 10^8 steps, minutes). A target's result on a
day depends only on the latest submission up to that day that reports it and, for a
"date, then ongoing" target, on the first earlier report that met it. So each day is
evaluated on just those submissions: one pass over the submissions in order of their
first day, keeping the latest report of each target, gives them. The targets' results
are exactly ``evaluate``'s on all the submissions (tests/history compares them); the
returns view of these results is not (history does not show it).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date

from bizenv_cli.evaluation import evaluate
from bizenv_cli.evaluation.assess import assess
from bizenv_cli.evaluation.result import CheckResult
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.loading.submissions import LoadedSubmission
from bizenv_cli.loading.targets import TargetRef, index_targets
from bizenv_cli.models.submission import Entry
from bizenv_cli.models.waiver import Waivers


def evaluate_each(
    measure_set: MeasureSet,
    submissions: Sequence[LoadedSubmission],
    days: Sequence[date],
    *,
    waivers: Waivers | None,
    due_within: int,
) -> list[CheckResult]:
    """``evaluate`` on each of ``days`` (in the order given): the same target results."""
    refs = index_targets(measure_set)
    by_date = sorted(submissions, key=lambda s: s.date)  # evaluate's own (stable) order
    by_start = sorted(range(len(by_date)), key=lambda r: by_date[r].start)
    reported = [by_date[r].reported() for r in range(len(by_date))]
    latest: dict[str, int] = {}  # target id -> the rank (in by_date) of its latest report
    earlier: dict[str, list[int]] = {}  # an ongoing target's reports that can ever meet it
    ongoing = {t for t, ref in refs.items() if ref.due is not None and ref.measure.deadline.ongoing}
    results: dict[date, CheckResult] = {}
    added = 0
    for day in sorted(set(days)):
        while added < len(by_start) and by_date[by_start[added]].start <= day:
            rank = by_start[added]
            added += 1
            for target_id, entry in reported[rank].items():
                latest[target_id] = max(latest.get(target_id, -1), rank)
                ref = refs.get(target_id)
                if target_id in ongoing and ref is not None and _can_meet(ref, entry):
                    bisect.insort(earlier.setdefault(target_id, []), rank)
        used = set(latest.values())
        for target_id, ranks in earlier.items():
            used.update(_until_met(refs[target_id], ranks, latest[target_id], reported, day))
        chosen = [by_date[r] for r in sorted(used)]
        results[day] = evaluate(
            measure_set, chosen, as_of=day, waivers=waivers, due_within=due_within
        )
    return [results[day] for day in days]


def _can_meet(ref: TargetRef, entry: Entry) -> bool:
    """Whether this report meets the target on some day (a milestone done later than the
    day looked at meets it from its completion on)."""
    return assess(ref.target, entry, ref.due, date.max).satisfied


def _until_met(
    ref: TargetRef,
    ranks: list[int],
    last: int,
    reported: Sequence[dict[str, Entry]],
    day: date,
) -> list[int]:
    """The reports before the latest that ``evaluate`` looks through for the first one
    that met the target on ``day``: up to and including that one."""
    out = []
    for rank in ranks:
        if rank >= last:
            break
        out.append(rank)
        entry = reported[rank][ref.target.id]
        if assess(ref.target, entry, ref.due, day).satisfied:
            break
    return out

"""Counting results by status, and which targets are due.

A target is *due* on the as-of date when its deadline has passed or it is
ongoing (no end date). By the evaluation's definitions every overdue,
not_met and missing target is due and every at_risk and pending one is not;
a met target is due when its effective due date is before the as-of date or
it has none (ongoing). Waived targets are never counted as due. The header's
share is ``met among due targets / due targets``; targets met ahead of their
deadline are reported beside it ("met early") but left out of the share, so
the share does not move when a target that was never due is done early.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from bizenv_cli.evaluation.result import Status, TargetResult

# Display order everywhere: done, then need action (least to most severe
# after at_risk), then not yet relevant.
STATUS_ORDER: tuple[Status, ...] = (
    Status.met,
    Status.at_risk,
    Status.overdue,
    Status.not_met,
    Status.missing,
    Status.pending,
    Status.waived,
)
# The statuses that mean "someone must act now" in the department view.
ACTION: tuple[Status, ...] = (Status.overdue, Status.not_met, Status.missing)
_ALWAYS_DUE = frozenset(ACTION)


@dataclass(frozen=True)
class StatusCounts:
    """A count for every status (zeros included), in STATUS_ORDER."""

    counts: tuple[tuple[Status, int], ...]

    @classmethod
    def of(cls, results: Iterable[TargetResult]) -> StatusCounts:
        tally = dict.fromkeys(STATUS_ORDER, 0)
        for result in results:
            tally[result.status] += 1
        return cls(tuple(tally.items()))

    def __getitem__(self, status: Status) -> int:
        return dict(self.counts)[status]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def as_dict(self) -> dict[str, int]:
        return {status.value: n for status, n in self.counts}


def is_due(result: TargetResult, as_of: date) -> bool:
    if result.status in _ALWAYS_DUE:
        return True
    if result.status is Status.met:
        return result.due is None or result.due < as_of
    return False


@dataclass(frozen=True)
class DueShare:
    due: int  # targets that are due (see module docstring)
    met: int  # of which met
    met_early: int  # met, but not yet due

    @property
    def share(self) -> float | None:
        """met / due in 0..1; None when nothing is due."""
        return self.met / self.due if self.due else None


def due_share(results: Iterable[TargetResult], as_of: date) -> DueShare:
    due = met = early = 0
    for result in results:
        if is_due(result, as_of):
            due += 1
            met += result.status is Status.met
        elif result.status is Status.met:
            early += 1
    return DueShare(due, met, early)

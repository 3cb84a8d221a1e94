"""What computing one target from cases gives: the value, the counts behind it, the bad
rows by reason, the exceptions and the evidence. Plain data for the reporters."""

from __future__ import annotations

from dataclasses import dataclass, field

# Why a row is not used (the keys of ``TargetOutcome.bad``), in the order they are checked.
REASONS: dict[str, str] = {
    "missing_id": "no case id",
    "bad_start": "the start is empty or not a timestamp",
    "bad_end": "the end is not a timestamp",
    "outside_calendar": "a date in a year no working-day calendar covers",
    "end_before_start": "the end is before the start",
    "date_only": "no time of day, which office time needs (a date proves only 'same day')",
    "duplicate_id": "the case id is on an earlier row too (the first one is used)",
}
EXAMPLES_PER_REASON = 5


@dataclass(frozen=True)
class BadRow:
    reason: str
    file: str
    row: int
    column: int
    detail: str


@dataclass(frozen=True)
class CaseException:
    """A case over the limit: closed and too long, or still open and already past it."""

    case_id: str
    file: str
    row: int
    start: str
    end: str | None  # None: still open on the as-of date
    duration: float  # in the target's unit (for a count: the count)
    over: float  # by how much it is over the limit


@dataclass(frozen=True)
class Evidence:
    file: str
    sha256: str
    rows: list[tuple[int, int]]  # inclusive ranges of the rows used


@dataclass
class TargetOutcome:
    target: str
    source: str
    aggregate: str
    duration: str | None
    unit: str
    comparator: str
    limit: float
    value: float | None = None
    sample_size: int = 0  # the cases (or rows) the value is computed from
    selected: int = 0  # the rows that meet the target's conditions
    over_limit: int = 0  # closed cases over the limit
    within_share: float | None = None  # percent of closed cases within the limit
    open_cases: int = 0
    open_over: int = 0  # open cases already past the limit on the as-of date
    outside: int = 0  # rows outside the period (or after the as-of date)
    bad: dict[str, int] = field(default_factory=dict)
    bad_rows: list[BadRow] = field(default_factory=list)  # the first few of each reason
    exceptions: list[CaseException] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def bad_total(self) -> int:
        return sum(self.bad.values())

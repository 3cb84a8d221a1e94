"""The result of `bizenv score` (its JSON): the year, the rules, one statement per unit.

``score`` is ``base`` plus the sum of the unit's ``lines``; caps are lines too, so the
sum is always the whole story. A line names its rule, the target and the period it came
from, and says why (the status, the role, the weight).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import Field, PrivateAttr

from bizenv_cli.models.base import StrictModel


@dataclass(frozen=True)
class Cause:
    """What a line came from, as data, for outputs in either language."""

    kind: str  # "target", "return", "supervision", "cap", "overall_cap"
    status: str | None = None  # the target status, the return or supervision outcome
    role: str | None = None  # lead or responsible
    weight: float = 1.0
    measure: int | None = None
    detail: str = ""  # check's one-line explanation (English), or the cap's arithmetic
    before: float | None = None  # a cap: the rule's (or all rules') total before it


class ScoreLine(StrictModel):
    rule: str = Field(description="The rule's name in the rules file")
    target: str | None = Field(description="The target id (null for returns and caps)")
    period: str | None = Field(description="The period whose evaluation made the line")
    points: float = Field(description="Points: positive a bonus, negative a deduction")
    why: str = Field(description="The status and role the line came from (English)")
    _cause: Cause = PrivateAttr(default=Cause("target"))

    @property
    def cause(self) -> Cause:
        return self._cause

    def caused_by(self, cause: Cause) -> ScoreLine:
        self._cause = cause
        return self


class UnitScore(StrictModel):
    unit: str = Field(description="Department id")
    unit_name: str = Field(description="The unit's Chinese name")
    base: float
    score: float = Field(description="base plus the sum of lines (caps included)")
    rank: int = Field(description="1 is the highest score; equal scores share a rank")
    eligible_excellent: bool = Field(description="May be rated 优秀 under the rules")
    lines: list[ScoreLine]
    _not_eligible: tuple[tuple[str, str], ...] = PrivateAttr(default=())

    @property
    def not_eligible(self) -> tuple[tuple[str, str], ...]:
        """Why not eligible for 优秀, (English, Chinese) per reason; empty when eligible."""
        return self._not_eligible

    def because(self, reasons: tuple[tuple[str, str], ...]) -> UnitScore:
        self._not_eligible = reasons
        return self


class ScoreResult(StrictModel):
    year: int
    rules: dict[str, Any] = Field(description="The rules applied, with the file they came from")
    units: list[UnitScore]
    _periods: tuple[str, ...] = PrivateAttr(default=())
    _as_of: date | None = PrivateAttr(default=None)
    _statement: bool = PrivateAttr(default=False)

    @property
    def periods(self) -> tuple[str, ...]:
        return self._periods

    @property
    def as_of(self) -> date | None:
        """The last period end evaluated."""
        return self._as_of

    @property
    def is_default(self) -> bool:
        """The shipped example rules, not yet the zone's own 考核办法."""
        return bool(self.rules.get("default"))

    def framed(self, periods: tuple[str, ...], as_of: date) -> ScoreResult:
        """The periods evaluated and the last day (not in the JSON)."""
        self._periods, self._as_of = periods, as_of
        return self

    def for_unit(self, unit: str) -> ScoreResult:
        """Only ``unit``'s statement (its rank is still among all units)."""
        mine = [u for u in self.units if u.unit == unit]
        copy = self.model_copy(update={"units": mine})
        copy._statement = True
        return copy

    @property
    def statement(self) -> bool:
        """One unit's statement (``--department``): every line, not the summary."""
        return self._statement

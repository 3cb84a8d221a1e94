"""Returns for another period than the one checked, and an as-of date far past the returns.

A value keeps the period it was reported for: one from last quarter's workbook is last
quarter's, however current the check. So, for each submission with a period:

- with ``--period P``: a submission for another period is named with both (C017);
- without it: a submission whose period ends before the latest period given starts, or for
  which a whole later period of its kind has ended by ``--as-of`` (2021-Q1 as of 2021-06-30:
  all of 2021-Q2 has passed), is named with its period and the as-of date (C017).

And once for the check: an ``--as-of`` after the end of the period following the latest one
given (2021-Q2's next is 2021-Q3, ending 2021-09-30; 2030-01-01 is past it) is a warning
(C018): the statuses are then judged years after the last figures. A submission with only
an as-of date counts as the quarter holding it. All of these are warnings: the check goes on.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.models.periods import next_period, period_bounds, quarter_of

if TYPE_CHECKING:
    from bizenv_cli.loading.loaded import LoadedSubmission

CODE_OTHER_PERIOD = "C017"
CODE_FAR_AS_OF = "C018"
_MAX_STEPS = 1000


def _said(sub: LoadedSubmission, message: str, code: str = CODE_OTHER_PERIOD) -> Finding:
    pos = sub.pos(("period",))
    cell = sub.cell_name(pos) if sub.cell_name and pos.line else ""
    return Finding(sub.path, pos.line, pos.col, code, f"{cell}: {message}" if cell else message,
                   Level.warning)


def _period(sub: LoadedSubmission) -> str:
    return sub.submission.period or quarter_of(sub.date)


def other_periods(
    loaded: list[LoadedSubmission], *, as_of: date | None, period: str | None
) -> list[Finding]:
    """A warning for each submission of another period than the one checked, and one for an
    as-of date far past the latest period given."""
    findings: list[Finding] = []
    dated = [s for s in loaded if s.submission.period]
    if period is not None:
        findings += [
            _said(s, f"this return is for {s.submission.period}, but --period {period} is "
                  "checked: its values are that period's where they are used")
            for s in dated if s.submission.period != period
        ]
    elif dated:
        latest = max(dated, key=lambda s: period_bounds(_period(s))[0])
        newest, begins = _period(latest), period_bounds(_period(latest))[0]
        for sub in dated:
            own = _period(sub)
            later = next_period(own)
            if period_bounds(own)[1] < begins:
                findings.append(_said(sub, f"this return is for {own}, before {newest} (the "
                                      f"latest period given, e.g. {latest.path}): its values "
                                      f"are {own}'s where they are used"))
            elif as_of is not None and later and period_bounds(later)[1] <= as_of:
                findings.append(_said(sub, f"this return is for {own}, but the check is as of "
                                      f"{as_of}, after all of {later}: its values are "
                                      f"{own}'s; pass --period or the --as-of it is for"))
    findings += _far_as_of(loaded, as_of=as_of, period=period)
    return findings


def _far_as_of(
    loaded: list[LoadedSubmission], *, as_of: date | None, period: str | None
) -> list[Finding]:
    periods = [_period(s) for s in loaded] + ([period] if period else [])
    if as_of is None or not periods:
        return []
    latest = max(periods, key=lambda p: period_bounds(p)[1])
    later = next_period(latest)
    if later is None or as_of <= period_bounds(later)[1]:
        return []
    return [Finding(
        "--as-of", 0, 0, CODE_FAR_AS_OF,
        f"{as_of} is after the end of {later}, the period after the latest one given "
        f"({latest}, ending {period_bounds(latest)[1]}): every status is judged on {as_of} on "
        "figures of that period; check the date", Level.warning)]


def checked_period(
    loaded: list[LoadedSubmission], *, as_of: date | None, period: str | None
) -> str | None:
    """The period the check is for: ``--period``; else the latest period given, moved on to
    the last period of its kind that has ended by ``--as-of`` (2021-Q1 as of 2021-06-30:
    2021-Q2). A value of another period is shown with its own."""
    if period is not None:
        return period
    periods = [_period(s) for s in loaded]
    if not periods:
        return None
    checked = max(periods, key=lambda p: period_bounds(p)[0])
    for _ in range(_MAX_STEPS):  # as of 9999-12-31 on 1000-01 returns: bounded all the same
        later = next_period(checked)
        if as_of is None or later is None or period_bounds(later)[1] > as_of:
            break
        checked = later
    return checked

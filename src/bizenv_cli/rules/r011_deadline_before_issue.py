"""R011 (warning): the measure's deadline falls before the plan was issued.

The plan keeps such dates as written (measure 20 says 2020年6月底 in a plan issued
2021-04-19), so this is a warning: check the year against the plan, keep it if the
plan really says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules._common import finding

CODE = "R011"
LEVEL = Level.warning
DESCRIPTION = "the deadline's due date is before the plan's issue date"


def check(mset: MeasureSet) -> Iterator[Finding]:
    issued = mset.plan.issued
    for loaded in mset.measures:
        deadline = loaded.measure.deadline
        if deadline.due is not None and deadline.due < issued:
            yield finding(
                loaded,
                ("deadline",),
                CODE,
                f"deadline {deadline.text} (due {deadline.due.isoformat()}) is before the plan "
                f"was issued on {issued.isoformat()}: check the year against the plan",
                LEVEL,
            )

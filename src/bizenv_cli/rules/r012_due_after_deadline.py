"""R012 (warning): a target's own ``due`` date is after its measure's deadline."""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules._common import finding

CODE = "R012"
LEVEL = Level.warning
DESCRIPTION = "a target's own due date is after its measure's deadline"


def check(mset: MeasureSet) -> Iterator[Finding]:
    for loaded in mset.measures:
        deadline = loaded.measure.deadline
        if deadline.due is None:
            continue
        for i, target in enumerate(loaded.measure.targets):
            if target.due is not None and target.due > deadline.due:
                yield finding(
                    loaded,
                    ("targets", i, "due"),
                    CODE,
                    f"target {target.id} is due {target.due.isoformat()}, after the measure's "
                    f"deadline {deadline.text} ({deadline.due.isoformat()}): check the date",
                    LEVEL,
                )

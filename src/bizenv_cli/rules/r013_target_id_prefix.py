"""R013: every target id starts with its measure's ``mNN-`` prefix."""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules._common import finding

CODE = "R013"
LEVEL = Level.error
DESCRIPTION = "every target id starts with its measure's mNN- prefix"


def check(mset: MeasureSet) -> Iterator[Finding]:
    for loaded in mset.measures:
        prefix = f"m{loaded.measure.number:02d}-"
        for i, target in enumerate(loaded.measure.targets):
            if not target.id.startswith(prefix):
                yield finding(
                    loaded,
                    ("targets", i, "id"),
                    CODE,
                    f"target id {target.id!r} does not start with {prefix!r} "
                    f"(measure {loaded.measure.number})",
                    LEVEL,
                )

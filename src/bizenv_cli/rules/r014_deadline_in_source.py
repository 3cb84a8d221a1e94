"""R014: the deadline is the one the source states in its 完成时限 (whitespace ignored)."""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules._common import clip, finding, squash
from bizenv_cli.rules._responsibility import field_text

CODE = "R014"
LEVEL = Level.error
DESCRIPTION = "the deadline is the source's 完成时限 (whitespace ignored)"


def check(mset: MeasureSet) -> Iterator[Finding]:
    for loaded in mset.measures:
        deadline = loaded.measure.deadline
        stated = field_text(loaded.measure.source, "deadline")
        if stated is None:
            yield finding(
                loaded,
                ("deadline",),
                CODE,
                "the source has no 完成时限: the deadline cannot be traced to the plan "
                "(is the source complete, through its closing parenthesis?)",
                LEVEL,
            )
        elif squash(deadline.text) != stated:
            yield finding(
                loaded,
                ("deadline",),
                CODE,
                f"deadline {deadline.text!r} is not the source's 完成时限 {clip(stated)!r}",
                LEVEL,
            )

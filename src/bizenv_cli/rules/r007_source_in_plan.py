"""R007: the measure's ``source`` occurs in the plan's text, ignoring whitespace:
every number traces back to the plan."""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules._common import divergence, finding, squash

CODE = "R007"
LEVEL = Level.error
DESCRIPTION = "the measure's source occurs verbatim in the plan text"


def check(mset: MeasureSet) -> Iterator[Finding]:
    plan_text = squash(mset.plan_text)
    for loaded in mset.measures:
        source = squash(loaded.measure.source)  # never empty: the schema refuses blank text
        if source in plan_text:
            continue
        yield finding(
            loaded,
            ("source",),
            CODE,
            f"source is not in the plan text {mset.plan.text!r} (whitespace ignored): "
            f"{divergence(source, plan_text)}; copy the measure's text exactly from the plan",
            LEVEL,
        )

"""R006: every quote (of a target, a scope condition, a limit) occurs verbatim in its
measure's ``source``, ignoring whitespace."""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules._common import divergence, finding, quoted_items, squash

CODE = "R006"
LEVEL = Level.error
DESCRIPTION = "every target, scope and limit quote occurs verbatim in the measure's source"


def check(mset: MeasureSet) -> Iterator[Finding]:
    for loaded in mset.measures:
        source = squash(loaded.measure.source)
        for item in quoted_items(loaded):
            # Never empty: the schema refuses text made only of whitespace.
            quote = squash(item.quote)
            if quote in source:
                continue
            yield finding(
                loaded,
                (*item.path, "quote"),
                CODE,
                f"quote of {item.label} is not in the measure's source (whitespace ignored): "
                f"{divergence(quote, source)}; copy the words exactly from source",
                LEVEL,
            )

"""R020: an entry of ``review:`` left by `bizenv extract` in a measure file or plan.yaml.

The extractor marks what it was unsure of (a deadline without a year, units without a
label, a comparator read from context...). The warning stays until a person has checked
the field against the plan, corrected it if need be, and deleted the entry."""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules._common import clip, finding

CODE = "R020"
LEVEL = Level.warning
DESCRIPTION = "a review: entry left by bizenv extract (check the field, then delete the entry)"


def _message(field: str, note: str) -> str:
    return (
        f"to review ({clip(field, 60)}): {clip(note, 300)}; check it against the plan, "
        "correct the field if need be, then delete this review entry"
    )


def check(mset: MeasureSet) -> Iterator[Finding]:
    positions = mset.plan_positions
    for i, item in enumerate(mset.plan.review):
        pos = positions.value_pos(("review", i)) if positions else None
        yield Finding(
            mset.plan_path,
            pos.line if pos else 0,
            pos.col if pos else 0,
            CODE,
            _message(item.field, item.note),
            LEVEL,
        )
    for loaded in mset.measures:
        for i, item in enumerate(loaded.measure.review):
            yield finding(loaded, ("review", i), CODE, _message(item.field, item.note), LEVEL)

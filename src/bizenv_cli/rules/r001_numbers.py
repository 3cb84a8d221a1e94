"""R001: measure numbers are unique and run 1..N without gaps.

Only checked when a whole measure folder is validated. A file that failed to
load still counts for the number in its file name, so one broken file does not
also report a gap. A folder that holds only some of the plan's measures (a test
fixture) lists their numbers in plan.yaml's ``excerpt``; exactly those are then
expected.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import LoadedMeasure, MeasureSet
from bizenv_cli.rules._common import finding, shown

CODE = "R001"
LEVEL = Level.error
DESCRIPTION = "measure numbers are unique and run 1..N without gaps"
WHOLE_SET = True

_PREFIX = re.compile(r"^([0-9]+)")


def _span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}-{high}"


def check(mset: MeasureSet) -> Iterator[Finding]:
    first: dict[int, LoadedMeasure] = {}
    for loaded in mset.measures:
        number = loaded.measure.number
        if number in first:
            yield finding(
                loaded,
                ("number",),
                CODE,
                f"measure number {number} is also used by {shown(first[number], ('number',))}: "
                "each measure has its own number",
                LEVEL,
            )
        else:
            first[number] = loaded
    present = set(first)
    for name in mset.broken:
        match = _PREFIX.match(PurePath(name).name)
        if match:
            present.add(int(match.group(1)))
    if mset.plan.excerpt:
        yield from _excerpt(mset, first, present)
        return
    expected = 1
    for loaded in sorted(first.values(), key=lambda m: m.measure.number):
        number = loaded.measure.number
        missing = [n for n in range(expected, number) if n not in present]
        if missing:
            yield finding(
                loaded,
                ("number",),
                CODE,
                f"measure numbers jump to {number}: {_span(missing[0], missing[-1])} "
                f"{'is' if len(missing) == 1 else 'are'} missing (numbers run 1..N without gaps)",
                LEVEL,
            )
        expected = number + 1


def _excerpt(
    mset: MeasureSet, first: dict[int, LoadedMeasure], present: set[int]
) -> Iterator[Finding]:
    listed = set(mset.plan.excerpt)
    for number, loaded in sorted(first.items()):
        if number not in listed:
            yield finding(
                loaded,
                ("number",),
                CODE,
                f"measure number {number} is not in plan.yaml's excerpt list: add it there, "
                "or remove this file",
                LEVEL,
            )
    positions = mset.plan_positions
    for i, number in enumerate(mset.plan.excerpt):
        if number not in present:
            pos = positions.value_pos(("excerpt", i)) if positions else None
            yield Finding(
                mset.plan_path,
                pos.line if pos else 0,
                pos.col if pos else 0,
                CODE,
                f"plan.yaml's excerpt lists measure {number}, but no measure file holds it: "
                f"restore {number:02d}-<slug>.yaml, or take {number} off the list",
                LEVEL,
            )

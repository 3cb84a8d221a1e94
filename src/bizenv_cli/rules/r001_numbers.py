"""R001: measure numbers are unique and run 1..N without gaps.

Only checked when a whole measure folder is validated. A file that failed to
load still counts for the number in its file name, so one broken file does not
also report a gap.
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

"""How a draft compares with a measure set encoded by hand (the yardstick of
benchmarks/bench_extract.py and tests/extract): measures found, units, deadlines,
numeric targets, and anything invented (a value not in its quote, a quote not in the
text)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bizenv_cli.extract.draft import Draft
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.models import ChangeTarget, FrequencyTarget, ThresholdTarget
from bizenv_cli.rules._numerals import appears


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Figures:
    measures: int = 0  # in the hand-encoded set
    found: int = 0  # drafted with the same number and the same source
    units_right: int = 0
    deadlines_right: int = 0
    targets: int = 0  # numeric targets (threshold, change, frequency) by hand
    targets_found: int = 0
    invented: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def rate(self, part: int, whole: int) -> float:
        return 100.0 * part / whole if whole else 100.0


def _comparator(value: str) -> str:
    return "=" if value == "==" else value


def compare(draft: Draft, hand: MeasureSet) -> Figures:
    figures = Figures(measures=len(hand.measures))
    drafted = {m.number: m for m in draft.measures}
    text = _squash(draft.text)
    for m in draft.measures:
        source = _squash(m.source)
        if source not in text:
            figures.invented.append(f"measure {m.number}: source not in the text")
        for t in m.targets:
            if _squash(t.quote) not in source:
                figures.invented.append(f"measure {m.number}: quote {t.quote!r} not in source")
            if not appears(float(t.value), _squash(t.quote)):
                figures.invented.append(f"measure {m.number}: {t.value} not in {t.quote!r}")
    for loaded in hand.measures:
        want = loaded.measure
        got = drafted.get(want.number)
        if got is None or _squash(got.source) != _squash(want.source):
            figures.misses.append(f"measure {want.number}: not found")
            continue
        figures.found += 1
        ids = [[_id(hand, n) for n in got.lead], [_id(hand, n) for n in got.responsible]]
        if ids == [want.lead, want.responsible]:
            figures.units_right += 1
        else:
            figures.misses.append(f"measure {want.number}: units {ids}")
        deadline = want.deadline
        read = got.deadline
        if read is not None and (read.due, read.ongoing) == (deadline.due, deadline.ongoing):
            figures.deadlines_right += 1
        else:
            figures.misses.append(f"measure {want.number}: deadline {got.deadline_text}")
        wanted: Counter[tuple[float, str, str]] = Counter()
        for target in want.targets:
            if isinstance(target, ThresholdTarget | ChangeTarget | FrequencyTarget):
                wanted[(float(target.value), target.unit.value,
                        _comparator(target.comparator.value))] += 1  # fmt: skip
        have = Counter((float(t.value), t.unit.value, t.comparator) for t in got.targets)
        figures.targets += sum(wanted.values())
        matched = sum((wanted & have).values())
        figures.targets_found += matched
        for missing in (wanted - have).elements():
            figures.misses.append(f"measure {want.number}: target {missing} not found")
    return figures


def _id(hand: MeasureSet, name: str) -> str:
    dept = hand.index.resolve(name)
    return dept.id if dept else f"?{name}"

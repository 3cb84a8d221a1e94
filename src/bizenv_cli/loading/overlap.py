"""Two reported entries for one target and one period end: which is used, or an error.

When two different units report the same target for periods ending on the same day,
the entry of the unit that ranks first among the measure's units is used: a lead
unit, else the responsible units in the measure's order (the plan names the unit
chiefly in charge first). The other entry is set aside with a warning (C008) naming
both places. An entry computed from case records (`bizenv cases -o`: its evidence names
each file with its sha256) wins over a unit's own figure whatever their ranks: the figure
with evidence is used, and a warning (C019) names both values and both places. Two entries
of one unit, or of two units the measure does not name (so
neither ranks first), stay an error (C004): bizenv cannot tell which one is right.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.targets import TargetRef
from bizenv_cli.reading.yamlsafe import Pos

if TYPE_CHECKING:
    from bizenv_cli.loading.loaded import LoadedSubmission

CODE_DUPLICATE = "C004"
CODE_SET_ASIDE = "C008"
CODE_AGAINST_CASES = "C019"  # a unit's figure set aside for the one computed from case records
_EVIDENCE_RE = re.compile(r"\bsha256:[0-9a-f]{64}\b")
UNNAMED = 1_000_000  # the rank of a unit the measure does not name


@dataclass
class _Entry:
    sub: LoadedSubmission
    pos: Pos
    rank: int
    target: str

    def where(self) -> str:
        return f"{self.sub.path}:{self.pos.line}:{self.pos.col}"


def _rank(ref: TargetRef | None, department: str) -> int:
    if ref is None:
        return UNNAMED
    units = [*ref.measure.lead, *ref.measure.responsible]
    return units.index(department) if department in units else UNNAMED


def _role(ref: TargetRef, department: str) -> str:
    if department in ref.measure.lead:
        return "the lead unit"
    return "the first responsible unit" if ref.measure.responsible[:1] == [department] else (
        "a responsible unit"
    )


def resolve_overlaps(
    loaded: list[LoadedSubmission], refs: Mapping[str, TargetRef]
) -> list[Finding]:
    """Mark the entries set aside (``sub.set_aside``); findings for every overlap."""
    kept: dict[tuple[str, date], _Entry] = {}
    findings: list[Finding] = []
    for sub in loaded:
        for target_id in sub.reported():
            ref = refs.get(target_id)
            new = _Entry(sub, sub.entry_pos(target_id), _rank(ref, sub.department), target_id)
            key = (target_id, sub.date)
            old = kept.get(key)
            if old is None:
                kept[key] = new
            elif ref is not None and _computed(old) != _computed(new):
                used, aside = (old, new) if _computed(old) else (new, old)
                kept[key] = used
                aside.sub.set_aside.add(target_id)
                findings.append(_against_cases(target_id, used, aside))
            elif ref is None or old.sub.department == sub.department or old.rank == new.rank:
                findings.append(_duplicate(target_id, old, new))
            else:
                used, aside = (old, new) if old.rank < new.rank else (new, old)
                kept[key] = used
                aside.sub.set_aside.add(target_id)
                findings.append(_set_aside(target_id, ref, used, aside))
    return findings


def _computed(entry: _Entry) -> bool:
    """An entry `bizenv cases` computed from case records: its evidence names each file with
    its sha256 (cases/submission.py)."""
    found = entry.sub.submission.entries.get(entry.target)
    return found is not None and bool(_EVIDENCE_RE.search(found.evidence or ""))


def _value(entry: _Entry) -> str:
    found = entry.sub.submission.entries[entry.target]
    if found.value is None:
        return f"state {found.state}" if found.state else "nothing"
    shown = f"{found.value:.4g}" if isinstance(found.value, float) else str(found.value)
    return shown + (f" {found.unit}" if found.unit else "")


def _against_cases(target_id: str, used: _Entry, aside: _Entry) -> Finding:
    sub = aside.sub
    return Finding(
        sub.path,
        aside.pos.line,
        aside.pos.col,
        CODE_AGAINST_CASES,
        f"{target_id}: {sub.department} reports {_value(aside)} here, but {_value(used)} is "
        f"computed from the case records at {used.where()} for the period ending "
        f"{used.sub.date}: the computed figure is used (it has the evidence); check the "
        "unit's figure",
        Level.warning,
    )


def _duplicate(target_id: str, first: _Entry, again: _Entry) -> Finding:
    sub = again.sub
    return Finding(
        sub.path,
        again.pos.line,
        again.pos.col,
        CODE_DUPLICATE,
        f"{target_id} is reported twice for the period ending {sub.date}: here "
        f"({sub.period}) and at {first.where()} ({first.sub.period}); keep one"
        + (
            ""
            if first.sub.department == sub.department
            else f" (neither {first.sub.department} nor {sub.department} is a unit of its "
            "measure, so neither entry is the one to use)"
        ),
    )


def _set_aside(target_id: str, ref: TargetRef, used: _Entry, aside: _Entry) -> Finding:
    return Finding(
        aside.sub.path,
        aside.pos.line,
        aside.pos.col,
        CODE_SET_ASIDE,
        f"{target_id} is also reported for the period ending {used.sub.date} by "
        f"{used.sub.department}, {_role(ref, used.sub.department)} of measure "
        f"{ref.measure.number}, at {used.where()}: that entry is used, this one from "
        f"{aside.sub.department} is not",
        Level.warning,
    )

"""What `bizenv list` and `bizenv show` report, as plain data (no click, no rich).

The rows built here are the documented JSON output (``LISTING_VERSION``):
``{"version": 1, "measures": [...], "targets": [...]}``. The table and text
renderers in ``bizenv_cli.output`` only lay these rows out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.models import ChangeTarget, Deadline, Measure, Target

LISTING_VERSION = 1
TARGET_KINDS = ("threshold", "change", "milestone", "frequency")


@dataclass(frozen=True)
class Filters:
    """Measure-level filters (department, chapter, section, ongoing) keep or drop a whole
    measure; target-level filters (kind, due range) keep or drop its targets. A measure is
    listed when at least one of its targets is."""

    department: str | None = None  # a department id, matched against lead and responsible
    chapter: int | None = None
    section: int | None = None
    due_from: date | None = None
    due_to: date | None = None
    ongoing: bool | None = None  # True: only ongoing deadlines; False: only without
    kind: str | None = None


def effective_due(measure: Measure, target: Target) -> date | None:
    """The target's own date, else its measure's deadline date (None when only ongoing)."""
    return target.due or measure.deadline.due


def _measure_matches(measure: Measure, f: Filters) -> bool:
    if f.department and f.department not in (*measure.lead, *measure.responsible):
        return False
    if f.chapter is not None and measure.chapter != f.chapter:
        return False
    if f.section is not None and measure.section != f.section:
        return False
    return f.ongoing is None or measure.deadline.ongoing == f.ongoing


def _target_matches(measure: Measure, target: Target, f: Filters) -> bool:
    if f.kind and target.kind != f.kind:
        return False
    if f.due_from is None and f.due_to is None:
        return True
    due = effective_due(measure, target)
    if due is None:
        return False
    return (f.due_from is None or due >= f.due_from) and (f.due_to is None or due <= f.due_to)


def select(measures: list[Measure], f: Filters) -> list[tuple[Measure, list[Target]]]:
    """The measures that pass ``f``, each with its targets that pass."""
    chosen = []
    for measure in measures:
        if not _measure_matches(measure, f):
            continue
        targets = [t for t in measure.targets if _target_matches(measure, t, f)]
        if targets:
            chosen.append((measure, targets))
    return chosen


def deadline_row(deadline: Deadline) -> dict[str, Any]:
    due = deadline.due.isoformat() if deadline.due else None
    return {"text": deadline.text, "due": due, "ongoing": deadline.ongoing}


def target_row(measure: Measure, target: Target) -> dict[str, Any]:
    """One target as documented in README (every key always present; null when not applicable)."""
    change = target if isinstance(target, ChangeTarget) else None
    comparator = getattr(target, "comparator", None)
    unit = getattr(target, "unit", None)
    return {
        "measure_number": measure.number,
        "measure_id": measure.id,
        "target_id": target.id,
        "title": target.title.model_dump(mode="json"),
        "kind": target.kind,
        "comparator": comparator.value if comparator else None,
        "value": getattr(target, "value", None),
        "unit": unit.value if unit else None,
        "aggregation": _enum(getattr(target, "aggregation", None)),
        "period": _enum(getattr(target, "period", None)),
        "direction": change.direction.value if change else None,
        "baseline": change.baseline.value if change else None,
        "quantity_unit": change.quantity_unit.value if change else None,
        "limit": change.limit.model_dump(mode="json") if change and change.limit else None,
        "deadline": deadline_row(measure.deadline),
        "due": target.due.isoformat() if target.due else None,
        "lead": list(measure.lead),
        "responsible": list(measure.responsible),
        "quote": target.quote,
        "what": target.what.model_dump(mode="json"),
        "strive": target.strive,
        "scope": [s.model_dump(mode="json") for s in getattr(target, "scope", [])],
    }


def _enum(value: Any) -> str | None:
    return None if value is None else str(value.value)


def measure_row(measure: Measure, targets: list[Target]) -> dict[str, Any]:
    return {
        "number": measure.number,
        "id": measure.id,
        "chapter": measure.chapter,
        "section": measure.section,
        "title": measure.title.model_dump(mode="json"),
        "lead": list(measure.lead),
        "responsible": list(measure.responsible),
        "deadline": deadline_row(measure.deadline),
        "targets": [t.id for t in targets],
    }


def listing(measures: list[Measure], f: Filters) -> dict[str, Any]:
    """The whole `bizenv list --format json` document."""
    chosen = select(measures, f)
    return {
        "version": LISTING_VERSION,
        "measures": [measure_row(m, ts) for m, ts in chosen],
        "targets": [target_row(m, t) for m, ts in chosen for t in ts],
    }


def format_number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) and abs(value) >= 10_000 else str(value)


def requirement(row: dict[str, Any], *, with_unit: bool = True) -> str:
    """A target row's requirement in a few words: '<= 30 working_day', 'decrease >= 20 percent'."""
    if row["kind"] == "milestone":
        return "done"
    text = f"{row['comparator']} {format_number(row['value'])}"
    if with_unit:
        text += f" {row['unit']}"
    if row["kind"] == "change":
        text = f"{row['direction']} {text} vs {row['baseline']}"
        limit = row["limit"]
        if limit:
            text += f", and {limit['comparator']} {format_number(limit['value'])} {limit['unit']}"
    if row["period"]:
        text += f" per {row['period']}"
    return text


def deadline_meaning(deadline: dict[str, Any]) -> str:
    if deadline["due"] and deadline["ongoing"]:
        return f"due {deadline['due']}, then ongoing"
    return f"due {deadline['due']}" if deadline["due"] else "ongoing, no end date"


def number_ranges(numbers: list[int]) -> str:
    """'1-14, 19-54' for the measure numbers present."""
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def find_quote(source: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` occurs in ``source`` ignoring whitespace, as [start, end) offsets
    into the original ``source`` (the span covers any whitespace inside the match)."""
    needle = "".join(quote.split())
    if not needle:
        return None
    index = [i for i, ch in enumerate(source) if not ch.isspace()]
    squeezed = "".join(source[i] for i in index)
    at = squeezed.find(needle)
    if at < 0:
        return None
    return index[at], index[at + len(needle) - 1] + 1


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def measure_view(mset: MeasureSet, number: int) -> dict[str, Any]:
    """Everything `bizenv show` prints about one measure (KeyError if there is no such number)."""
    measure = mset.by_number()[number].measure
    chapter = next((c for c in mset.plan.chapters if c.number == measure.chapter), None)
    section = next(
        (s for c in mset.plan.chapters for s in c.sections if s.number == measure.section), None
    )
    targets = []
    for target in measure.targets:
        row = target_row(measure, target)
        span = find_quote(measure.source, target.quote)
        row["source_span"] = list(span) if span else None
        targets.append(row)
    return {
        "version": LISTING_VERSION,
        "measure": {
            **measure_row(measure, measure.targets),
            "chapter_title": chapter.title.model_dump(mode="json") if chapter else None,
            "section_title": section.title.model_dump(mode="json") if section else None,
            "lead_names": [_unit_name(mset, d) for d in measure.lead],
            "responsible_names": [_unit_name(mset, d) for d in measure.responsible],
            "source": measure.source,
        },
        "targets": targets,
    }


def _unit_name(mset: MeasureSet, dept_id: str) -> str:
    dept = mset.index.by_id.get(dept_id)
    return dept.name if dept else dept_id


def unit_names(mset: MeasureSet) -> dict[str, str]:
    """Department id -> Chinese name, for tables."""
    return {d.id: d.name for d in mset.departments.departments}

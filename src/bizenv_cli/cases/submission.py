"""The submission `bizenv cases -o` writes: what `bizenv check` reads, unchanged.

Each computed target is an entry with ``value`` (in the target's unit), ``sample_size``
(the cases it is computed from) and ``evidence`` (each file, its sha256 and the rows
used); ``note`` says what was left out (open cases, bad rows, rows outside the period).
The entries are validated with the submission model before anything is written.
"""

from __future__ import annotations

from typing import Any

from bizenv_cli.cases.outcome import Evidence, TargetOutcome
from bizenv_cli.cases.run import CaseRun
from bizenv_cli.models.submission import Submission

MAX_TEXT = 2000  # the submission model's limit on evidence and note


def _rows(ranges: list[tuple[int, int]]) -> str:
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


def evidence_text(evidence: list[Evidence], budget: int = MAX_TEXT) -> str:
    """'FILE sha256:HEX rows 2-40, 42-90; ...', ranges cut short (and counted) to fit."""
    parts = []
    share = max(200, budget // max(1, len(evidence)) - 4)
    for item in evidence:
        head = f"{item.file} sha256:{item.sha256} rows "
        kept = min(item.rows.height, share // 4)  # a range takes at least 3 characters
        ranges = item.ranges(kept)
        room = share - len(head) - 60  # 60: for " and N more rows in M ranges"
        while kept > 1 and len(_rows(ranges)) > room:
            kept //= 2
            ranges = ranges[:kept]
        rows = _rows(ranges)
        if kept < item.rows.height:
            count = item.count - sum(b - a + 1 for a, b in ranges)
            rows += f" and {count} more rows in {item.rows.height - kept} ranges"
        parts.append(head + rows)
    return "; ".join(parts)[:budget]


def note_text(outcome: TargetOutcome, period: str | None) -> str | None:
    said = []
    if outcome.open_cases:
        said.append(
            f"{outcome.open_cases} open case(s) not in the value, {outcome.open_over} already "
            "past the limit"
        )
    if outcome.bad:
        counts = ", ".join(f"{reason} {n}" for reason, n in sorted(outcome.bad.items()))
        said.append(f"{outcome.bad_total} row(s) not usable ({counts})")
    if outcome.outside:
        where = f"outside {period}" if period else "after the as-of date"
        said.append(f"{outcome.outside} case(s) {where}")
    if outcome.over_limit:
        said.append(f"{outcome.over_limit} case(s) over the limit")
    said += outcome.notes
    return "; ".join(said)[:MAX_TEXT] if said else None


def build(run: CaseRun, department: str) -> dict[str, Any]:
    """The submission as plain data (validated), in the order of the outcomes."""
    entries: dict[str, Any] = {}
    for outcome in run.outcomes:
        entry: dict[str, Any] = {}
        if outcome.value is not None:
            entry["value"] = outcome.value
        entry["sample_size"] = outcome.sample_size
        if outcome.evidence:
            entry["evidence"] = evidence_text(outcome.evidence)
        note = note_text(outcome, run.period)
        if note:
            entry["note"] = note
        entries[outcome.target] = entry
    data: dict[str, Any] = {"department": department}
    if run.period:
        data["period"] = run.period
    data["as_of"] = run.as_of.isoformat()
    data["entries"] = entries
    Submission.model_validate(data)  # what check will read: fail here, not there
    return data


def render(data: dict[str, Any], run: CaseRun) -> str:
    import yaml

    files = ", ".join(f"{t.shown} ({t.how})" for t in run.tables)
    header = (
        f"# Computed by `bizenv cases` on {run.as_of} from: {files}\n"
        "# Do not edit the values: compute them again from the records.\n"
    )
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return header + body

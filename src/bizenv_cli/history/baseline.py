"""`bizenv check --baseline OLD.json`: fail only on failures that are new or worse.

A target counts against the gate when it fails now (by ``--fail-on``) and either did not
fail in the baseline (or was not in it) or has a more severe status than there
(``diff.SEVERITY``: with ``--fail-on at_risk``, at_risk -> overdue is worse). Every other
failing target is a **known failure**: listed, but the exit code ignores it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from bizenv_cli.evaluation.result import CheckResult, Status, TargetResult
from bizenv_cli.history.diff import SEVERITY
from bizenv_cli.sanitize import message


@dataclass
class Gate:
    new: list[tuple[TargetResult, Status | None]] = field(default_factory=list)
    known: list[tuple[TargetResult, Status]] = field(default_factory=list)


def gate(result: CheckResult, baseline: CheckResult, failing: Collection[Status]) -> Gate:
    """Split today's failing targets into new-or-worse ones and known ones."""
    before = {r.target: r.status for r in baseline.results}
    found = Gate()
    for row in result.results:
        if row.status not in failing:
            continue
        old = before.get(row.target)
        if old is None or old not in failing or SEVERITY[row.status] > SEVERITY[old]:
            found.new.append((row, old))
        else:
            found.known.append((row, old))
    return found


def gate_lines(found: Gate, source: str, baseline: CheckResult) -> list[str]:
    """What the user reads (on stderr, so machine formats on stdout stay as they are)."""
    lines: list[str] = [
        f"baseline {source} (as of {baseline.as_of}): {len(found.new)} new or worse "
        f"failure(s), {len(found.known)} known failure(s)"
    ]
    for row, old in found.new:
        was = f"was {old.value}" if old else "not in the baseline"
        lines.append(f"  new    {row.target}: {row.status.value} ({was})")
    for row, old in found.known:
        lines.append(f"  known  {row.target}: {row.status.value} (was {old.value})")
    return [message(line) for line in lines]  # the file name and ids come from the user

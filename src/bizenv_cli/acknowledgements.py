"""Warnings the zone has reviewed: a measure's ``acknowledged: [{code, reason}]``.

A warning of that code in that measure's file is then not reported as a warning but
listed as acknowledged, with the reason (``validate --format json``), so CI can run
``validate --strict``. An acknowledgement that matches no warning is stale (A001,
warning); acknowledging an error, or a code that is never a warning, is refused
(A002, error): an error is fixed, not acknowledged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bizenv_cli.diagnostics import Finding, Level

if TYPE_CHECKING:  # a validation kept in the cache is read back without the models
    from bizenv_cli.loading.measureset import MeasureSet

CODE_STALE = "A001"
CODE_REFUSED = "A002"
CODES: dict[str, tuple[Level, str]] = {
    CODE_STALE: (Level.warning, "an acknowledgement that no warning of its code matches (stale)"),
    CODE_REFUSED: (Level.error, "an acknowledgement of an error, or of a code never a warning"),
}


@dataclass(frozen=True)
class Acknowledged:
    """A warning that is not reported, and why."""

    finding: Finding
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {**self.finding.to_dict(), "reason": self.reason}


def apply(
    mset: MeasureSet,
    findings: Iterable[Finding],
    *,
    warning_codes: set[str],
    checked_codes: set[str],
) -> tuple[list[Finding], list[Acknowledged]]:
    """(findings still reported, plus A001/A002 findings; the acknowledged warnings).

    ``warning_codes``: the codes that can be warnings; ``checked_codes``: the codes whose
    checks ran this time (a whole-set rule does not run on a few files: no stale claim)."""
    from bizenv_cli.rules._common import finding

    kept = list(findings)
    acknowledged: list[Acknowledged] = []
    for loaded in mset.measures:
        for i, ack in enumerate(loaded.measure.acknowledged):
            where = ("acknowledged", i, "code")
            mine = [f for f in kept if f.path == loaded.path and f.code == ack.code]
            if ack.code not in warning_codes or any(f.level is Level.error for f in mine):
                kept.append(
                    finding(
                        loaded,
                        where,
                        CODE_REFUSED,
                        f"{ack.code} is an error, not a warning: fix it rather than "
                        "acknowledge it, and remove this acknowledgement",
                        Level.error,
                    )
                )
                continue
            if not mine:
                if ack.code in checked_codes:
                    kept.append(
                        finding(
                            loaded,
                            where,
                            CODE_STALE,
                            f"acknowledged {ack.code}, but this measure has no {ack.code} "
                            "warning any more: remove the acknowledgement",
                            Level.warning,
                        )
                    )
                continue
            acknowledged.extend(Acknowledged(f, ack.reason) for f in mine)
            kept = [f for f in kept if f not in mine]
    return kept, acknowledged

"""Whom a target's outcome scores, and in which role.

The lead units (牵头单位) score as lead; for a measure that names no lead, its first
responsible unit does (the plan names the unit chiefly in charge first, as `check` ranks
them), and the other units as responsible. Collectives (kind: collective, 区直各有关部门)
are groups, not units: they never score. A target whose only units are collectives is
charged to the rules' lead office, as lead.
"""

from __future__ import annotations

from collections.abc import Collection

from bizenv_cli.evaluation.result import TargetResult
from bizenv_cli.models.scoring import Role


def scored_units(
    result: TargetResult, collectives: Collection[str], lead_office: str | None
) -> list[tuple[str, Role]]:
    """(unit id, role) for each unit the target's outcome scores, in the plan's order."""
    leads = list(result.lead) or list(result.responsible[:1])
    others = [u for u in result.responsible if u not in leads]
    named = [*((u, Role.lead) for u in leads), *((u, Role.responsible) for u in others)]
    units = [(u, role) for u, role in named if u not in collectives]
    if units or not named:
        return units
    return [(lead_office, Role.lead)] if lead_office is not None else []

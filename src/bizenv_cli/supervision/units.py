"""Who answers for a failed target: its lead units, else its responsible units; never a
collective placeholder (区直各有关部门 names no one), whose targets go to the issuing office."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bizenv_cli.models.plan import Department


def answerable(
    lead: Sequence[str],
    responsible: Sequence[str],
    departments: Mapping[str, Department],
    office: str,
) -> list[str]:
    """The unit ids that get the item: the lead units that are real units, else the
    responsible ones, else the issuing office (``office``)."""

    def real(ids: Sequence[str]) -> list[str]:
        return [i for i in ids if i in departments and departments[i].kind.value != "collective"]

    return real(lead) or real(responsible) or [office]

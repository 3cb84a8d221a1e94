"""Resolve the many spellings of a unit to one department id."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from bizenv_cli.models import Department
from bizenv_cli.models.plan import DepartmentKind

_SPACE = re.compile(r"\s+")


def _norm(name: str) -> str:
    return _SPACE.sub("", name).lower()


class DepartmentIndex:
    """Look departments up by id, Chinese name or any alias (whitespace ignored)."""

    def __init__(self, departments: list[Department]) -> None:
        self.by_id = {d.id: d for d in departments}
        self._names: dict[str, str] = {}
        for d in departments:
            for name in (d.id, d.name, d.en, *d.aliases):
                self._names.setdefault(_norm(name), d.id)

    def resolve(self, name: str) -> Department | None:
        dept_id = self._names.get(_norm(name))
        return self.by_id[dept_id] if dept_id else None

    def suggest(self, name: str) -> str | None:
        """The closest known id or name, for 'did you mean' messages."""
        match = difflib.get_close_matches(_norm(name), list(self._names), n=1, cutoff=0.5)
        if not match:
            return None
        dept = self.by_id[self._names[match[0]]]
        return f"{dept.id} ({dept.name})"


# The office that compiles the plan's progress (区优化办): it answers for the targets the plan
# gives only to collectives ("区直各有关部门"), which are groups, not units anyone can chase.
LEAD_OFFICE = "optimization-office"
LEAD_OFFICE_NAMES = ("区优化办", "优化办")


def lead_office(departments: Sequence[Department]) -> str | None:
    """The lead office's id: ``optimization-office``, else a unit named 区优化办."""
    for dept in departments:
        if dept.id == LEAD_OFFICE or {dept.name, *dept.aliases} & set(LEAD_OFFICE_NAMES):
            return dept.id
    return None


def acting_units(
    lead: Sequence[str], responsible: Sequence[str], departments: Sequence[Department]
) -> tuple[list[str], list[str]]:
    """The units that answer for a target as (lead, responsible): collectives left out; a
    target whose only units are collectives is the lead office's (as lead)."""
    collectives = {d.id for d in departments if d.kind is DepartmentKind.collective}
    leads = [u for u in lead if u not in collectives]
    others = [u for u in responsible if u not in collectives]
    if not leads and not others and (lead or responsible):
        office = lead_office(departments)
        leads = [office] if office else []
    return leads, others

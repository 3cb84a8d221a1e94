"""Resolve the many spellings of a unit to one department id."""

from __future__ import annotations

import difflib
import re

from bizenv_cli.models import Department

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

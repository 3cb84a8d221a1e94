"""R004: every lead and responsible unit is a department id from departments.yaml."""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.rules._common import finding

CODE = "R004"
LEVEL = Level.error
DESCRIPTION = "every lead and responsible department id exists in departments.yaml"
# Suggestions cost a fuzzy match each: a file listing thousands of unknown ids gets
# them for its first few only.
MAX_SUGGESTIONS = 20


def check(mset: MeasureSet) -> Iterator[Finding]:
    index = mset.index
    for loaded in mset.measures:
        unknown = 0
        for field in ("lead", "responsible"):
            ids: list[str] = getattr(loaded.measure, field)
            for i, dept_id in enumerate(ids):
                if dept_id in index.by_id:
                    continue
                known = index.resolve(dept_id)
                if known is not None:
                    hint = f"write its id {known.id!r} ({known.name})"
                elif unknown >= MAX_SUGGESTIONS:
                    hint = "check it against departments.yaml"
                else:
                    unknown += 1
                    suggestion = index.suggest(dept_id)
                    hint = (
                        f"did you mean {suggestion}?"
                        if suggestion
                        else "add it to departments.yaml"
                    )
                yield finding(
                    loaded,
                    (field, i),
                    CODE,
                    f"unknown department id {dept_id!r} in {field}: {hint}",
                    LEVEL,
                )

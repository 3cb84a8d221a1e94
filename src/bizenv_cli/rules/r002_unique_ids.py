"""R002: measure ids and target ids are unique across the measure set.

When only some files are validated, ids are compared among those files.
"""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import LoadedMeasure, MeasureSet
from bizenv_cli.reading.yamlsafe import PathKey
from bizenv_cli.rules._common import finding, shown

CODE = "R002"
LEVEL = Level.error
DESCRIPTION = "measure ids and target ids are unique across the set"


def check(mset: MeasureSet) -> Iterator[Finding]:
    seen: dict[str, tuple[LoadedMeasure, PathKey]] = {}
    for loaded in mset.measures:
        entries: list[tuple[str, str, PathKey]] = [("measure id", loaded.measure.id, ("id",))]
        entries += [
            ("target id", target.id, ("targets", i, "id"))
            for i, target in enumerate(loaded.measure.targets)
        ]
        for what, ident, path in entries:
            if ident in seen:
                other, other_path = seen[ident]
                yield finding(
                    loaded,
                    path,
                    CODE,
                    f"{what} {ident!r} is already used at {shown(other, other_path)}: "
                    "ids must be unique across all measures and targets",
                    LEVEL,
                )
            else:
                seen[ident] = (loaded, path)

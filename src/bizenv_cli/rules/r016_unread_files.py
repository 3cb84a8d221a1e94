"""R016 (warning): a YAML file in the measure folder that is not read as a measure.

Only ``NN-slug.yaml`` files are measures; ``notes.yaml``, ``5a-x.yaml`` or
``measure-05.yaml`` would be left out without a word, and a misnamed measure with
them. The folder's own files (plan.yaml, departments.yaml, calendar.yaml, cases.yaml,
supervision.yaml)
and hidden files (editor backups) are left alone. Only checked when a whole measure
folder is validated.
"""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import (
    MEASURE_FILE_RE,
    OWN_FILES,
    MeasureSet,
    display_path,
)

CODE = "R016"
LEVEL = Level.warning
DESCRIPTION = "a YAML file in the measure folder is not named NN-slug.yaml, so it is not read"
WHOLE_SET = True

_OWN = OWN_FILES


def check(mset: MeasureSet) -> Iterator[Finding]:
    try:
        names = sorted(p.name for p in mset.root.iterdir() if p.is_file())
    except OSError:
        return
    for name in names:
        if (
            name.lower().endswith((".yaml", ".yml"))
            and not MEASURE_FILE_RE.match(name)
            and name not in _OWN
            and not name.startswith(".")
        ):
            yield Finding(
                display_path(mset.root / name),
                0,
                0,
                CODE,
                "not read as a measure: measure files are named NN-slug.yaml (e.g. "
                "05-power-connection-time.yaml); rename it if it is one, else move it "
                "out of the measure folder",
                LEVEL,
            )

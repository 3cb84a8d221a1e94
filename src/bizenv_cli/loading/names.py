"""The names of the files in a measure folder, and how a path is shown in findings.

The lowest room that needs them (the calendar, the case mapping, the rules) imports them from
here, without the pydantic models that ``loading.measureset`` brings in."""

from __future__ import annotations

import re
from pathlib import Path

PLAN_FILE = "plan.yaml"
DEPARTMENTS_FILE = "departments.yaml"
# The folder's own data files beside the measures (read by the commands that need them):
# the working-day calendar (docs/calendar.md) and the case mapping (docs/cases.md).
CALENDAR_FILE = "calendar.yaml"
CASES_FILE = "cases.yaml"
# The supervision loop's rules (docs/supervision.md).
SUPERVISION_FILE = "supervision.yaml"
SCORING_FILE = "scoring.yaml"  # the year's scoring rules (docs/score.md)
OWN_FILES = (
    PLAN_FILE,
    DEPARTMENTS_FILE,
    CALENDAR_FILE,
    CASES_FILE,
    SUPERVISION_FILE,
    SCORING_FILE,
)
# Any case of the suffix: 05-x.YAML is a measure file (R003 asks for .yaml), not skipped.
MEASURE_FILE_RE = re.compile(r"^[0-9]+[-.].*\.ya?ml$|^[0-9]+\.ya?ml$", re.IGNORECASE)


def find_root(path: Path) -> Path | None:
    """The folder holding plan.yaml: ``path`` itself or one of its parents."""
    start = path if path.is_dir() else path.parent
    for folder in (start, *start.parents):
        if (folder / PLAN_FILE).exists():  # a FIFO plan.yaml is refused when read
            return folder
    return None


def display_path(path: Path) -> str:
    """``path`` relative to the current folder when it is inside it, else as given. A
    symlink loop or an unreadable folder on the way (RuntimeError, OSError) keeps it as
    given: the reader names the problem."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, RuntimeError, OSError):
        return str(path)

"""The names of a measure folder's own files, and how a path is shown in a finding.

Light on purpose (no pydantic, no models): the calendar and the cases read their files
from a measure folder without importing the measure-set pipeline (loading.measureset).
"""

from __future__ import annotations

from pathlib import Path

PLAN_FILE = "plan.yaml"
DEPARTMENTS_FILE = "departments.yaml"
# The folder's own data files beside the measures (read by the commands that need them):
# the working-day calendar (docs/calendar.md) and the case mapping (docs/cases.md).
CALENDAR_FILE = "calendar.yaml"
CASES_FILE = "cases.yaml"
OWN_FILES = (PLAN_FILE, DEPARTMENTS_FILE, CALENDAR_FILE, CASES_FILE)


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)

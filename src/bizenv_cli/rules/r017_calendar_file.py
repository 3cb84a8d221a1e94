"""R017 (error): measures/calendar.yaml, when present, must be usable.

The calendar file holds the office hours and the working-day calendar of years the
chinesecalendar library lacks (docs/calendar.md). Its problems are reported where
they are (schema errors as S001, a correction in a year no source covers as R017), so
that CI's `bizenv validate` catches them before `bizenv workdays` or a case
computation meets them. Only checked when a whole measure folder is validated.
"""

from __future__ import annotations

from collections.abc import Iterator

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import MeasureSet

CODE = "R017"
LEVEL = Level.error
DESCRIPTION = "calendar.yaml (office hours, added years, corrected days) must be usable"
WHOLE_SET = True


def check(mset: MeasureSet) -> Iterator[Finding]:
    from bizenv_cli.calendar.load import read_zone_file

    yield from read_zone_file(mset.root)[2]

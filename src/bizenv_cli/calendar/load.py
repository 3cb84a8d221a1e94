"""Load the calendar for a measure folder: the library plus ``calendar.yaml`` if present."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bizenv_cli.calendar.index import WorkCalendar
from bizenv_cli.diagnostics import Finding
from bizenv_cli.errors import BizenvError
from bizenv_cli.loading.names import CALENDAR_FILE

if TYPE_CHECKING:
    from bizenv_cli.models.calendar import CalendarFile

__all__ = ["CALENDAR_FILE", "load_calendar", "read_zone_file"]
CODE_CALENDAR = "R017"  # the rule that reports a calendar.yaml entry that cannot be used


def read_zone_file(measures_dir: Path) -> tuple[CalendarFile | None, str, list[Finding]]:
    """(the zone's calendar file or None, its display path, findings). No file: no findings."""
    from bizenv_cli.calendar.conflicts import conflicts
    from bizenv_cli.calendar.sources import library_days
    from bizenv_cli.loading.locate import validate_document
    from bizenv_cli.loading.names import display_path
    from bizenv_cli.models.calendar import CalendarFile
    from bizenv_cli.reading.files import read_document
    from bizenv_cli.reading.yamlsafe import YamlLoadError

    path = measures_dir / CALENDAR_FILE
    shown = display_path(path)
    if not path.exists() and not path.is_symlink():
        return None, shown, []
    try:
        doc = read_document(path, shown)
    except YamlLoadError as exc:
        return None, shown, list(exc.findings)
    zone, findings = validate_document(CalendarFile, doc, shown)
    if zone is None:
        return None, shown, findings
    findings += conflicts(zone, doc.positions, shown)
    years = set(zone.years)
    if zone.corrections:
        years |= set(library_days()[0])
    for i, fix in enumerate(zone.corrections):
        if fix.date.year not in years:
            pos = doc.positions.value_pos(("corrections", i, "date"))
            findings.append(
                Finding(
                    shown,
                    pos.line if pos else 0,
                    pos.col if pos else 0,
                    CODE_CALENDAR,
                    f"{fix.date} is in {fix.date.year}, which no calendar covers: add the "
                    f"whole year under 'years:' with its notice instead of one day",
                )
            )
    return (None if findings else zone), shown, findings


def load_calendar(measures_dir: Path) -> WorkCalendar:
    """The calendar for ``measures_dir``; BizenvError (exit 3) with findings for a bad file."""
    from bizenv_cli.calendar.sources import build

    zone, shown, findings = read_zone_file(measures_dir)
    if findings:
        raise BizenvError(f"{shown} cannot be used", findings=findings)
    return build(zone, shown if zone else None)

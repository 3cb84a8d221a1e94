"""Load the calendar for a measure folder: the library plus ``calendar.yaml`` if present."""

from __future__ import annotations

from pathlib import Path

from bizenv_cli.calendar.index import WorkCalendar
from bizenv_cli.diagnostics import Finding
from bizenv_cli.errors import BizenvError

CALENDAR_FILE = "calendar.yaml"
CODE_CALENDAR = "K001"  # a calendar.yaml entry that cannot be used


def load_calendar(measures_dir: Path) -> WorkCalendar:
    """The calendar for ``measures_dir``; BizenvError (exit 3) with findings for a bad file."""
    from bizenv_cli.calendar.sources import build, library_days
    from bizenv_cli.loading.files import read_document
    from bizenv_cli.loading.locate import validate_document
    from bizenv_cli.loading.measureset import display_path
    from bizenv_cli.loading.yamlsafe import YamlLoadError
    from bizenv_cli.models.calendar import CalendarFile

    path = measures_dir / CALENDAR_FILE
    if not path.exists():
        return build(None)
    shown = display_path(path)
    try:
        doc = read_document(path, shown)
    except YamlLoadError as exc:
        raise BizenvError(f"{shown} cannot be used", findings=exc.findings) from None
    zone, findings = validate_document(CalendarFile, doc, shown)
    if zone is None:
        raise BizenvError(f"{shown} does not match its schema", findings=findings)
    years = set(library_days()[0]) | set(zone.years)
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
    if findings:
        raise BizenvError(f"{shown} cannot be used", findings=findings)
    return build(zone, shown)

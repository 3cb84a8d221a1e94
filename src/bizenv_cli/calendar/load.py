"""Load the calendar for a measure folder: the library plus ``calendar.yaml`` if present."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

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
    """The calendar for ``measures_dir``; BizenvError (exit 3) with findings for a bad file.
    A calendar built before from the same bytes by the same code comes from the cache
    (``calendar.cache``), without the YAML loader or the models."""
    from bizenv_cli.calendar import cache
    from bizenv_cli.loading.names import display_path

    path = measures_dir / CALENDAR_FILE
    zone_bytes = _plain_bytes(path)
    key = None if zone_bytes is False else cache.key(zone_bytes, display_path(path))
    kept = cache.load(key) if key is not None else None
    if kept is not None:
        return kept
    from bizenv_cli.calendar.sources import build  # the models: only when nothing is kept

    zone, shown, findings = read_zone_file(measures_dir)
    if findings:
        raise BizenvError(f"{shown} cannot be used", findings=findings)
    calendar = build(zone, shown if zone else None)
    if key is not None:
        cache.save(key, calendar)
    return calendar


def _plain_bytes(path: Path) -> bytes | Literal[False] | None:
    """calendar.yaml's bytes; None when there is none; False when it is anything but a
    small regular file (the reader then names the problem, and nothing is cached)."""
    import os
    import stat

    from bizenv_cli.calendar.cache import MAX_ZONE_BYTES

    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None if not path.is_symlink() else False
    except (OSError, RuntimeError):
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ZONE_BYTES:
        return False
    from bizenv_cli.reading.files import read_capped

    try:
        data = read_capped(path, MAX_ZONE_BYTES)  # never blocks on a file swapped for a FIFO
    except OSError:
        return False
    return data if len(data) <= MAX_ZONE_BYTES else False

"""Days ``calendar.yaml`` says two opposite things about: an error naming both places.

- a day inside a holiday block of a year that the same year also lists as a makeup
  working day (调休上班);
- a day corrected twice, once as working and once as a day off;
- a correction that contradicts the file's own year (``working: true`` on a day of one of
  its holiday blocks, ``working: false`` on one of its makeup days).

Whichever was meant, the file must say it once: bizenv never picks one silently.
"""

from __future__ import annotations

from datetime import date

from bizenv_cli.calendar.sources import block_days
from bizenv_cli.diagnostics import Finding
from bizenv_cli.models.calendar import CalendarFile
from bizenv_cli.reading.yamlsafe import PathKey, PositionMap

CODE = "R017"  # the calendar.yaml rule (as calendar/load.py)


class _Places:
    def __init__(self, positions: PositionMap, shown: str) -> None:
        self.positions, self.shown = positions, shown
        self.years: dict[int, str | int] = {}
        for path in positions.nodes:
            if len(path) == 2 and path[0] == "years" and str(path[1]).strip().isdigit():
                self.years.setdefault(int(str(path[1])), path[1])

    def at(self, path: PathKey) -> tuple[int, int]:
        pos = self.positions.value_pos(path) or self.positions.key_pos(path)
        return (pos.line, pos.col) if pos else (0, 0)

    def name(self, path: PathKey) -> str:
        line, col = self.at(path)
        return f"{self.shown}:{line}:{col}" if line else self.shown

    def year(self, year: int) -> str | int:
        """The key the year is written as (YAML keys are text: '2027')."""
        return self.years.get(year, str(year))

    def finding(self, path: PathKey, message: str) -> Finding:
        line, col = self.at(path)
        return Finding(self.shown, line, col, CODE, message)


def conflicts(zone: CalendarFile, positions: PositionMap, shown: str) -> list[Finding]:
    """Every day the file sets both ways, at its second mention, naming the first."""
    places = _Places(positions, shown)
    said: dict[date, tuple[bool, PathKey, str]] = {}  # day -> (working?, where, as what)
    findings: list[Finding] = []
    for year, spec in sorted(zone.years.items()):
        key = places.year(year)
        for day, i in block_days(spec.holidays):
            said.setdefault(day, (False, ("years", key, "holidays", i), "a holiday"))
        for i, worked in enumerate(spec.workdays):
            where: PathKey = ("years", key, "workdays", i)
            first = said.get(worked)
            if first is not None and not first[0]:
                findings.append(
                    places.finding(
                        where,
                        f"{worked} is listed as a makeup working day here and inside the "
                        f"holiday block at {places.name(first[1])}: keep the one the notice "
                        "says",
                    )
                )
            said[worked] = (True, where, "a makeup working day")
    corrected: dict[date, tuple[bool, PathKey]] = {}
    for i, fix in enumerate(zone.corrections):
        where = ("corrections", i, "working")
        before = corrected.get(fix.date)
        if before is not None and before[0] != fix.working:
            findings.append(
                places.finding(
                    where,
                    f"{fix.date} is corrected twice with opposite values: working: "
                    f"{_yes(fix.working)} here, working: {_yes(before[0])} at "
                    f"{places.name(before[1])}; keep the one the notice says",
                )
            )
        corrected.setdefault(fix.date, (fix.working, where))
        year_said = said.get(fix.date)
        if year_said is not None and year_said[0] != fix.working:
            findings.append(
                places.finding(
                    where,
                    f"{fix.date} is corrected to working: {_yes(fix.working)} here but is "
                    f"{year_said[2]} of its year at {places.name(year_said[1])}: change the "
                    "year's entry instead",
                )
            )
    return findings


def _yes(flag: bool) -> str:
    return "true" if flag else "false"

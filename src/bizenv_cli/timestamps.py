"""Dates and times as Chinese systems and spreadsheets write them, read strictly.

``2021-03-05 09:30:00``, ``2021/3/5 9:30``, ``2021年3月5日``, ``2021-03-05``,
``2021-03-05T09:30``, ``2021.3.5``. A day that does not exist (2021-02-30) is an
error that says so; nothing is guessed (no day-first/month-first ambiguity: the
year always comes first).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

_MOMENT_RE = re.compile(
    r"\s*(?P<y>\d{4})(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"|年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日)"
    r"(?:(?:\s+|T|\s*(?<=日))(?P<H>\d{1,2})(?::|时|點|点)(?P<M>\d{2})分?"
    r"(?::(?P<S>\d{2})(?:\.\d{1,6})?|(?P<S2>\d{2})秒)?)?\s*"
)


class MomentError(ValueError):
    """Text that is not a date (or date and time) in a supported form."""


def parse_moment(text: str) -> date | datetime:
    """A date, or a datetime when a time of day is written."""
    match = _MOMENT_RE.fullmatch(text)
    if match is None:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise MomentError(
            f"{shown!r} is not a date: write YYYY-MM-DD (2021-06-30, 2021/6/30, 2021年6月30日), "
            "with a time of day HH:MM after a space if needed"
        )
    year = int(match["y"])
    month = int(match["m"] or match["m2"])
    day = int(match["d"] or match["d2"])
    try:
        found = date(year, month, day)
    except ValueError:
        raise MomentError(f"{text.strip()!r}: there is no such day") from None
    if match["H"] is None:
        return found
    hour, minute = int(match["H"]), int(match["M"])
    second = int(match["S"] or match["S2"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise MomentError(f"{text.strip()!r}: there is no such time of day")
    return datetime.combine(found, time(hour, minute, second))

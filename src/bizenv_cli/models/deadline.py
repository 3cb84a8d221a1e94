"""Deadlines as the plan words them: a month end, ongoing work, or both.

The plan writes "2021年6月底" (end of June 2021), "长期推进" / "持续推进"
(ongoing, no end date) and "2020年8月底,长期推进" (due then, ongoing after).
The text is kept verbatim (whitespace removed: the source PDF scatters
spaces inside words); the meaning is derived from it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

_MONTH_END = r"(?P<year>\d{4})年(?P<month>\d{1,2})月底"
_ONGOING = r"(?P<ongoing>长期推进|持续推进)"
_DEADLINE_RE = re.compile(
    rf"^(?:{_MONTH_END}(?:[,,、;;]{_ONGOING})?|{_ONGOING.replace('ongoing', 'only')})$"
)
DEADLINE_PATTERN = (
    r"^\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*底(\s*[,,、;;]\s*(长\s*期|持\s*续)\s*推\s*进)?"
    r"|(长\s*期|持\s*续)\s*推\s*进)\s*$"
)


@dataclass(frozen=True)
class Deadline:
    """A parsed 完成时限."""

    text: str
    due: date | None
    ongoing: bool

    @property
    def kind(self) -> str:
        if self.due and self.ongoing:
            return "due_then_ongoing"
        return "due" if self.due else "ongoing"


def last_day_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_deadline(value: Any) -> Deadline:
    """Parse the plan's wording; one ValueError saying what is accepted otherwise."""
    if isinstance(value, Deadline):
        return value
    if not isinstance(value, str):
        raise ValueError(
            f"deadline must be text such as '2021年6月底' or '长期推进', got {type(value).__name__}"
        )
    text = re.sub(r"\s+", "", value)
    match = _DEADLINE_RE.match(text)
    if not match:
        raise ValueError(
            f"deadline {value!r} is not in the plan's wording: use 'YYYY年M月底', "
            "'长期推进' (or '持续推进'), or 'YYYY年M月底,长期推进'"
        )
    if match.group("only"):
        return Deadline(text=text, due=None, ongoing=True)
    year, month = int(match.group("year")), int(match.group("month"))
    if not 1 <= month <= 12:
        raise ValueError(f"deadline {value!r} names month {month}; months run 1-12")
    return Deadline(
        text=text, due=last_day_of_month(year, month), ongoing=bool(match.group("ongoing"))
    )


DeadlineField = Annotated[
    Deadline,
    PlainValidator(parse_deadline),
    PlainSerializer(lambda d: d.text, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": DEADLINE_PATTERN,
            "description": "完成时限 as the plan words it: 'YYYY年M月底', '长期推进', "
            "'持续推进' or 'YYYY年M月底,长期推进'",
            "examples": ["2021年6月底", "长期推进", "2020年8月底,长期推进"],
        }
    ),
]

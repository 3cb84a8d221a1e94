"""Read one cell as the person meant it, or say why it cannot be read.

A cell arrives as a ``Raw``: the value (text from a CSV; a number, a datetime or
text from a workbook) and, for workbooks, its number format. Excel and WPS turn
what people type into other things: "95%" into 0.95 with a percent format,
"2021/6/30" into a date, "30" pasted from elsewhere into text, full-width digits
from a Chinese input method. Each coercion accepts those forms and raises
``CellError`` with a short message ("'约30' is not a number") otherwise.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from bizenv_cli.spreadsheet.columns import STATES, Coerce
from bizenv_cli.spreadsheet.raw import (
    CellError,
    Raw,
    Unreadable,
    clean_text,
    is_blank,
    quote,
    readable,
    show,
)

__all__ = ["CellError", "Number", "Raw", "Unreadable", "clean_text", "coerce", "is_blank",
           "quote", "readable", "to_date", "to_number", "to_period", "to_state", "to_text",
           "to_whole"]

MAX_TEXT = 2000
MAX_NUMBER = 1e15
# Excel serial day numbers for 2000-01-01 .. 2099-12-31 (a date cell saved without its format).
_SERIAL_MIN, _SERIAL_MAX = 36526, 73050
_EXCEL_EPOCH = date(1899, 12, 30)

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NUMBER_RE = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d{1,3})?")
_GROUPED_RE = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?")
_DATE_RE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(\s+\d{1,2}:\d{2}(:\d{2})?)?"
)
_MONTH_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")
_YEAR_RE = re.compile(r"(\d{4})\s*年?")


@dataclass(frozen=True)
class Number:
    value: int | float
    percent: bool  # typed as "95%" or stored with a percent format: value is already 0-100


def _tidy(number: float) -> int | float:
    """Whole numbers as int; float noise from percent formats removed (0.95 * 100)."""
    rounded = round(float(number), 9)
    return int(rounded) if rounded.is_integer() and abs(rounded) < 2**53 else rounded


def _percent_format(number_format: str) -> bool:
    return "%" in re.sub(r'"[^"]*"|\\.', "", number_format)


def _finite(value: int | float, raw: Any) -> float:
    """``value`` as a float; CellError for NaN, infinity or a number past MAX_NUMBER.

    Excel keeps 15 significant digits, and no report needs more than 10^15: a bound
    here keeps every sum, unit conversion and change in percent the checks compute
    from a cell finite (1e300 against a baseline of 1e-9 was an OverflowError)."""
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise CellError(f"{quote(raw)} is not a finite number")
    if abs(number) > MAX_NUMBER:
        raise CellError(f"{quote(raw)} is too large a number (the limit is 10^15 either "
                        "side of zero): check the cell")
    return number


def to_number(raw: Raw) -> Number:
    value = readable(raw)
    if isinstance(value, bool):
        raise CellError(f"{quote(value)} is not a number")
    if isinstance(value, int | float):
        number = _finite(value, value)
        if _percent_format(raw.number_format):
            return Number(_tidy(_finite(number * 100, value)), True)
        return Number(_tidy(number), False)
    if isinstance(value, datetime | date | time | timedelta):
        raise CellError(
            f"{quote(value)} is a date or time, not a number (format the cell as 常规 General)"
        )
    text = clean_text(str(value))
    percent = text.endswith("%")
    body = text[:-1].strip() if percent else text
    if _GROUPED_RE.fullmatch(body):
        body = body.replace(",", "")
    if not _NUMBER_RE.fullmatch(body):
        raise CellError(f"{quote(value)} is not a number")
    return Number(_tidy(_finite(float(body), value)), percent)


def to_whole(raw: Raw) -> int:
    number = to_number(raw)
    if number.percent or not float(number.value).is_integer():
        raise CellError(f"{quote(raw.value)} is not a whole number")
    return int(number.value)


def to_date(raw: Raw) -> date:
    value = readable(raw)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIAL_MIN <= value <= _SERIAL_MAX and float(value).is_integer():
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError(f"{quote(value)} is not a date: write it as 2021-06-30")
    text = clean_text(str(value))
    match = _DATE_RE.fullmatch(text)
    if not match:
        raise CellError(f"{quote(value)} is not a date: write it as 2021-06-30 (or 2021/6/30)")
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise CellError(f"{quote(value)} is not a date on the calendar") from None


def to_state(raw: Raw) -> str:
    text = clean_text(str(readable(raw)))
    word = re.sub(r"[\s()\-_]+", "", text).lower()
    for key, zh in STATES.items():
        plain = key.replace("_", "")
        if word in (plain, zh, f"{zh}{plain}", f"{plain}{zh}"):
            return key
    choices = ", ".join(f"{zh} {key}" for key, zh in STATES.items())
    raise CellError(f"{quote(raw.value)} is not a state: choose one of {choices}")


def to_period(raw: Raw) -> str:
    """A period as text. Excel turns "2020" into a number and "2020-06" into a date."""
    value = readable(raw)
    if isinstance(value, datetime | date):
        if value.day == 1:
            return f"{value.year:04d}-{value.month:02d}"
        raise CellError(f"{quote(value)} is a date, not a period: write 2020, 2020-Q2 or 2020-06")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, int) or value.is_integer():  # float() of a 400-digit int overflows
            return str(int(value))
        raise CellError(f"{quote(value)} is not a period: write 2020, 2020-Q2 or 2020-06")
    text = clean_text(str(value))
    day = _DATE_RE.fullmatch(text)  # a CSV holds the date Excel made as text: 2020/6/1
    if day:
        if int(day.group(3)) == 1:
            return f"{int(day.group(1)):04d}-{int(day.group(2)):02d}"
        raise CellError(f"{quote(value)} is a date, not a period: write 2020, 2020-Q2 or 2020-06")
    month = _MONTH_RE.fullmatch(text)
    if month:
        return f"{int(month.group(1)):04d}-{int(month.group(2)):02d}"
    year = _YEAR_RE.fullmatch(text)
    if year:
        return year.group(1)
    return re.sub(r"\s+", "", text).upper()


def to_text(raw: Raw) -> str:
    value = readable(raw)
    if isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    elif isinstance(value, int | float | date) and not isinstance(value, bool):
        text = show(value)
    else:
        text = str(value).strip()
    if _CONTROL_RE.search(text):
        raise CellError("contains a control character: remove it")
    if len(text) > MAX_TEXT:
        raise CellError(f"is {len(text)} characters long; the limit is {MAX_TEXT}")
    return text


def coerce(kind: Coerce, raw: Raw) -> Any:
    """The cell's value for the model: a number (``Number``), int, date, state or text."""
    if kind is Coerce.number:
        return to_number(raw)
    if kind is Coerce.whole:
        return to_whole(raw)
    if kind is Coerce.date:
        return to_date(raw)
    if kind is Coerce.state:
        return to_state(raw)
    if kind is Coerce.period:
        return to_period(raw)
    return to_text(raw)

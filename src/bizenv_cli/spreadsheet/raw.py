"""A cell as a reader hands it over (``Raw``), and what every coercion shares.

``Raw`` holds the value (text from a CSV; a number, a datetime, text or an
``Unreadable`` from a workbook) and, for workbooks, the number format. ``quote``
shows a cell in a message safely: control characters as escapes (so a returned
file cannot recolour or clear the terminal), a long value cut.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

_QUOTE_CHARS = 40
_ZERO_WIDTH_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_MESSAGE_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class CellError(ValueError):
    """A cell that cannot be read; the message names the problem, the caller names the cell."""


@dataclass(frozen=True)
class Unreadable:
    """A cell the workbook reader could not turn into a value; ``message`` says why and
    what to do ("holds a formula with no computed value: ...")."""

    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Raw:
    value: Any
    number_format: str = "General"


def clean_text(value: str) -> str:
    """NFKC (full-width digits, letters and signs become ASCII), without the invisible
    zero-width characters that text pasted from a web page or a chat carries, trimmed."""
    return _ZERO_WIDTH_RE.sub("", unicodedata.normalize("NFKC", value)).strip()


def readable(raw: Raw) -> Any:
    """The cell's value; CellError when the reader could not read it."""
    if isinstance(raw.value, Unreadable):
        raise CellError(raw.value.message)
    return raw.value


def is_blank(raw: Raw) -> bool:
    return raw.value is None or (isinstance(raw.value, str) and not raw.value.strip())


def quote(value: Any) -> str:
    """The cell as quoted in a message: control characters (an escape sequence, a line
    break) are shown as escapes, so a cell cannot move the cursor or recolour the terminal;
    a long value is cut (a 400-digit number)."""
    text = show(value)
    if len(text) > _QUOTE_CHARS:
        text = f"{text[:_QUOTE_CHARS]}... ({len(text):,} characters)"
    text = _MESSAGE_CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return f"'{text}'"


def show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime) and value.time() == time():
        return value.date().isoformat()
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)

"""Numbers and comparators as they appear in the data."""

from __future__ import annotations

import math
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import PlainValidator, WithJsonSchema


class Comparator(StrEnum):
    """How a reported value is compared with the required one."""

    le = "<="
    lt = "<"
    ge = ">="
    gt = ">"
    eq = "=="

    def holds(self, left: float, right: float, *, tolerance: float = 1e-9) -> bool:
        """``left <comparator> right``, with a tolerance so 20.000000000000004 >= 20."""
        if self is Comparator.le:
            return left <= right + tolerance
        if self is Comparator.lt:
            return left < right - tolerance
        if self is Comparator.ge:
            return left >= right - tolerance
        if self is Comparator.gt:
            return left > right + tolerance
        return abs(left - right) <= tolerance


# How YAML and JSON write "not a number" and infinity; our resolver keeps them as text.
_NOT_FINITE_RE = re.compile(r"[-+]?(\.?(nan|inf)|infinity)", re.IGNORECASE)
_DIGITS_RE = re.compile(r"[-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?")


def _shown(value: Any) -> str:
    if not isinstance(value, str):
        return type(value).__name__
    return repr(value) if len(value) <= 40 else repr(value[:37] + "...")


def _number(value: Any) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        if value is None:
            raise ValueError("must be a number, but it is empty")
        if isinstance(value, str) and _NOT_FINITE_RE.fullmatch(value.strip()):
            raise ValueError(
                f"must be a finite number, got {_shown(value)}: NaN and infinity "
                "cannot be compared with a target; write the value"
            )
        digits = sum(ch.isdigit() for ch in value) if isinstance(value, str) else 0
        if digits > 31 and isinstance(value, str) and _DIGITS_RE.fullmatch(value):
            raise ValueError(f"must be a number of at most 31 digits, got {digits:,} digits")
        raise ValueError(f"must be a number, got {_shown(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("must be a finite number (this one is too large to compute with)")
    if isinstance(value, int) and abs(value) >= 10**31:
        raise ValueError("must be a number of at most 31 digits")
    if isinstance(value, float) and value == 0:
        return 0.0  # -0.0 would print as "-0"
    return value


Number = Annotated[
    float | int,
    PlainValidator(_number),
    WithJsonSchema({"type": "number"}),
]

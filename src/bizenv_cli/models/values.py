"""Numbers and comparators as they appear in the data."""

from __future__ import annotations

import math
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


def _number(value: Any) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        if value is None:
            raise ValueError("must be a number, but it is empty")
        shown = repr(value) if isinstance(value, str) else type(value).__name__
        raise ValueError(f"must be a number, got {shown}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


Number = Annotated[
    float | int,
    PlainValidator(_number),
    WithJsonSchema({"type": "number"}),
]

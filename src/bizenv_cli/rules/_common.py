"""Helpers shared by the rules: where a value is, and text compared without whitespace."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.loading.measureset import LoadedMeasure
from bizenv_cli.models import ChangeTarget, FrequencyTarget, ThresholdTarget, Unit
from bizenv_cli.reading.yamlsafe import PathKey, Pos

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """``text`` without any whitespace (the source PDF scatters spaces inside words)."""
    return _SPACE.sub("", text)


def clip(text: str, limit: int = 80) -> str:
    """``text``, cut to ``limit`` characters (with '...') for a message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def locate(loaded: LoadedMeasure, path: PathKey, *, key: bool = False) -> Pos:
    """Line and column of the value at ``path`` (or its key), else of the nearest parent."""
    positions = loaded.positions
    for end in range(len(path), -1, -1):
        part = path[:end]
        pos = positions.key_pos(part) if key else positions.value_pos(part)
        if pos is not None:
            return pos
        key = True  # a default value has no position: point at its parent's key
    return Pos(1, 1)


def finding(
    loaded: LoadedMeasure,
    path: PathKey,
    code: str,
    message: str,
    level: Level = Level.error,
    *,
    key: bool = False,
) -> Finding:
    pos = locate(loaded, path, key=key)
    return Finding(loaded.path, pos.line, pos.col, code, message, level)


def shown(loaded: LoadedMeasure, path: PathKey) -> str:
    """``file:line:col`` of a value, for messages that name a second location."""
    pos = locate(loaded, path)
    return f"{loaded.path}:{pos.line}:{pos.col}"


def matched_prefix(needle: str, haystack: str) -> int:
    """Length of the longest prefix of ``needle`` found in ``haystack`` (binary search:
    if a prefix occurs, every shorter one does too)."""
    low, high = 0, len(needle)
    while low < high:
        mid = (low + high + 1) // 2
        if needle[:mid] in haystack:
            low = mid
        else:
            high = mid - 1
    return low


def divergence(needle: str, haystack: str) -> str:
    """Say where ``needle`` stops matching ``haystack``, for 'not found' messages."""
    n = matched_prefix(needle, haystack)
    if n == 0:
        return "not even its first character matches"
    before = needle[max(0, n - 12) : n]
    after = needle[n : n + 12]
    return f"it matches up to '{before}' but then has '{after}'"


@dataclass(frozen=True)
class Quoted:
    """A value (or none) with the quote it comes from: targets, scope conditions, limits."""

    path: PathKey  # of the mapping holding quote/value/unit
    quote: str
    value: float | None
    unit: Unit | None
    label: str  # for messages: "target m05-x", "scope 1 of target m05-x"


def quoted_items(loaded: LoadedMeasure) -> Iterator[Quoted]:
    for i, target in enumerate(loaded.measure.targets):
        path: PathKey = ("targets", i)
        label = f"target {target.id}"
        if isinstance(target, ThresholdTarget | ChangeTarget | FrequencyTarget):
            yield Quoted(path, target.quote, target.value, target.unit, label)
        else:
            yield Quoted(path, target.quote, None, None, label)
        if isinstance(target, ChangeTarget) and target.limit is not None:
            limit = target.limit
            yield Quoted(
                (*path, "limit"), limit.quote, limit.value, limit.unit, f"limit of {label}"
            )
        if not isinstance(target, FrequencyTarget):
            for j, cond in enumerate(target.scope):
                yield Quoted(
                    (*path, "scope", j),
                    cond.quote,
                    cond.value,
                    cond.unit,
                    f"scope {j + 1} of {label}",
                )

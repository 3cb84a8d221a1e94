"""What the two chart renderers share: each status's tint and hatch, the line styles,
tick steps and a label cut to a width. Tints are light so that the black hatch and
the counts read on them, on screen and in black and white."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable

MAX_LABEL = 120  # characters: no chart label is longer
# key -> (tint, hatch): hatch is "" (plain), "/", "\\", "x", "-", "|" or "." (dots)
STATUS_LOOK: dict[str, tuple[tuple[int, int, int], str]] = {
    "met": ((168, 213, 176), ""),
    "at_risk": ((242, 212, 143), "."),
    "overdue": ((240, 160, 160), "x"),
    "not_met": ((245, 192, 138), "/"),
    "missing": ((205, 184, 240), "\\"),
    "pending": ((169, 200, 240), "-"),
    "waived": ((208, 212, 216), "|"),
}
# Line series: (grey level, dash pattern in units of the line width, marker)
LINE_LOOK: tuple[tuple[int, tuple[float, ...], str], ...] = (
    (0, (), "circle"),
    (90, (6, 3), "square"),
    (0, (2, 2), "triangle"),
    (120, (8, 3, 2, 3), "circle"),
    (60, (), "square"),
    (150, (4, 4), "triangle"),
)


def level(value: float, top: float) -> float:
    """Where ``value`` stands on an axis from 0 to ``top``, kept inside it (0 to 1)."""
    return min(max(value / top, 0.0), 1.0)


def hex_colour(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def step(largest: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 5 x 10^n) giving about ``ticks`` ticks up to ``largest``."""
    if largest <= 0:
        return 1.0
    raw = largest / ticks
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def approx_width(text: str, size: float) -> float:
    """The width of ``text`` at ``size`` in a sans-serif font: wide characters 1 em."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.56 for c in text)


def fit(text: str, room: float, width: Callable[[str], float]) -> str:
    """``text``, cut with "…" if ``width`` says it is wider than ``room``."""
    if width(text) <= room:
        return text
    text = text[:MAX_LABEL]  # a label of 19,000 characters: cut before measuring again
    while text and width(text + "…") > room:
        text = text[:-1]
    return text + "…"

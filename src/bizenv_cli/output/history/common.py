"""What the `bizenv history` and `bizenv diff` formats share: sparklines and short cells."""

from __future__ import annotations

from collections.abc import Sequence

from bizenv_cli.history.diff_model import DiffResult, Transition
from bizenv_cli.history.model import TargetHistory

# ASCII only: block characters are East-Asian "ambiguous width" and break Chinese terminals.
RAMP = "_.:-=+*#"

# The transitions a reader looks for first, in the order they are shown.
TRANSITION_ORDER: tuple[Transition, ...] = (
    Transition.newly_overdue,
    Transition.newly_failing,
    Transition.worsened,
    Transition.recovered,
    Transition.newly_met,
    Transition.improved,
    Transition.changed,
    Transition.new_target,
    Transition.gone,
    Transition.unchanged,
)


def sparkline(values: Sequence[float | None]) -> str:
    """One character per value, low ``_`` to high ``#``; a space where nothing was reported."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known) / 2, max(known) / 2  # halves: 1.7e308 - -1.7e308 stays finite
    span = high - low
    top = len(RAMP) - 1
    return "".join(
        " " if v is None else RAMP[top // 2 if span == 0 else round((v / 2 - low) / span * top)]
        for v in values
    )


def number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def progress_text(row: TargetHistory) -> str:
    if row.progress is None:
        return ""
    detail = row.progress_detail
    if detail is None or detail.ratio is None:
        return row.progress.value
    return f"{row.progress.value} (ratio {detail.ratio:.2f})"


def counts_line(result: DiffResult) -> str:
    shown = [f"{result.counts[t]} {t.value}" for t in TRANSITION_ORDER if result.counts[t]]
    return ", ".join(shown) or "no targets"


def value_move(old: float | None, new: float | None, delta: float | None) -> str:
    if old is None and new is None:
        return ""
    text = f"{number(old) or '-'} -> {number(new) or '-'}"
    if delta is None and old is not None and new is not None and old != new:
        return text + " (difference too large to show)"
    return text + (f" ({delta:+g})" if delta else "")

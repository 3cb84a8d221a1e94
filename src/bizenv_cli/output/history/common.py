"""What the `bizenv history` and `bizenv diff` formats share: sparklines and short cells."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bizenv_cli.history.diff_model import DiffResult, TargetChange, Transition
from bizenv_cli.history.model import TargetHistory, Trend
from bizenv_cli.i18n import Messages

EN = Messages("en")


@dataclass(frozen=True)
class Names:
    """How the tables name targets: by their short Chinese title under zh (``titles``, id ->
    title), with ``ids`` (-v) the id beside it; by their id otherwise (no titles)."""

    titles: Mapping[str, str] = field(default_factory=dict)
    ids: bool = False

    def label(self, target: str) -> str:
        return self.titles.get(target, target)

    @property
    def id_column(self) -> bool:
        return self.ids and bool(self.titles)


BY_ID = Names()


def explanation(change: TargetChange, msg: Messages) -> str:
    """A change's explanation in the output's language: the saved Chinese one under zh
    (results saved before it was kept have only the English one)."""
    if msg.lang == "zh" and change.explanation_zh:
        return change.explanation_zh
    return change.explanation

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


def progress_name(row: TargetHistory, msg: Messages = EN) -> str:
    return msg(f"progress.{row.progress.value}") if row.progress else ""


def progress_text(row: TargetHistory, msg: Messages = EN) -> str:
    if row.progress is None:
        return ""
    detail = row.progress_detail
    if detail is None or detail.ratio is None:
        return progress_name(row, msg)
    return msg("hist.ratio", progress=progress_name(row, msg), ratio=f"{detail.ratio:.2f}")


def trend_name(trend: Trend | None, msg: Messages = EN) -> str:
    return msg(f"trend.{trend.value}") if trend else ""


def status_name(status: str | None, msg: Messages = EN) -> str:
    """A status as check names it (English: its value, as in the JSON)."""
    if status is None:
        return "-"
    return msg.status(status) if msg.lang == "zh" else status


def transition_name(transition: Transition, msg: Messages = EN) -> str:
    """Under zh the report's name for it; in English its value, as in the JSON."""
    return msg(f"transition.{transition.value}") if msg.lang == "zh" else transition.value


def counts_line(result: DiffResult, msg: Messages = EN) -> str:
    shown = [
        msg("diff.count", count=result.counts[t], transition=transition_name(t, msg))
        for t in TRANSITION_ORDER
        if result.counts[t]
    ]
    return ("，" if msg.lang == "zh" else ", ").join(shown) or msg("diff.no_targets")


def value_move(
    old: float | None, new: float | None, delta: float | None, msg: Messages = EN
) -> str:
    if old is None and new is None:
        return ""
    text = f"{number(old) or '-'} -> {number(new) or '-'}"
    left, right = ("（", "）") if msg.lang == "zh" else (" (", ")")
    if delta is None and old is not None and new is not None and old != new:
        return text + f"{left}{msg('diff.too_large')}{right}"
    return text + (f"{left}{delta:+g}{right}" if delta else "")

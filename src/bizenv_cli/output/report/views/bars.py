"""How many characters each status gets in a bar of a given width (no drawing here)."""

from __future__ import annotations

from bizenv_cli.evaluation.counts import StatusCounts
from bizenv_cli.evaluation.result import Status

# One character per status, so bars read without colour (all ASCII: see output/report/style.py).
BAR_CHAR: dict[Status, str] = {
    Status.met: "#",
    Status.at_risk: "~",
    Status.overdue: "!",
    Status.not_met: "x",
    Status.missing: "?",
    Status.pending: ".",
    Status.waived: "-",
}


def segments(counts: StatusCounts, width: int) -> list[tuple[Status, int]]:
    """Split ``width`` characters among the statuses in proportion to their counts.

    Largest-remainder rounding, so the widths add up to exactly ``width``, and
    every status with at least one target gets at least one character when the
    bar is wide enough for that (a single overdue target never disappears).
    An empty group gives an empty list.
    """
    total = counts.total
    present = [(status, n) for status, n in counts.counts if n]
    if not total or width <= 0:
        return []
    floor_share = max(0, min(1, width // len(present)))
    widths = {status: max(floor_share, n * width // total) for status, n in present}
    # Hand out what is left (or take back what the minimum added) by remainder.
    by_remainder = sorted(present, key=lambda p: (-(p[1] * width % total), -p[1]))
    excess = sum(widths.values()) - width
    while excess > 0:
        # take from the widest segment that can spare a character
        status = max(widths, key=lambda s: (widths[s] - floor_share, widths[s]))
        widths[status] -= 1
        excess -= 1
    i = 0
    while excess < 0:
        status = by_remainder[i % len(by_remainder)][0]
        widths[status] += 1
        excess += 1
        i += 1
    return [(status, widths[status]) for status, _ in present if widths[status]]

"""Ranks: the highest score is 1, equal scores share a rank, the next rank skips
(100, 98, 98, 95 rank 1, 2, 2, 4: standard competition ranking)."""

from __future__ import annotations

from collections.abc import Mapping


def ranks(scores: Mapping[str, float]) -> dict[str, int]:
    """Unit id -> rank: 1 plus the number of units with a strictly higher score."""
    ordered = sorted(scores.values(), reverse=True)
    first: dict[float, int] = {}
    for i, score in enumerate(ordered, start=1):
        first.setdefault(score, i)
    return {unit: first[score] for unit, score in scores.items()}

"""Which waiver applies to a target on the as-of date, and notes on expired ones."""

from __future__ import annotations

from datetime import date

from bizenv_cli.evaluation.result import WaiverInfo
from bizenv_cli.models.waiver import Waiver, Waivers


def waivers_by_target(waivers: Waivers | None) -> dict[str, Waiver]:
    """Target id -> its waiver; with several, the one that runs longest."""
    chosen: dict[str, Waiver] = {}
    for waiver in waivers.waivers if waivers else []:
        current = chosen.get(waiver.target)
        if current is None or waiver.expires > current.expires:
            chosen[waiver.target] = waiver
    return chosen


def waiver_info(waiver: Waiver, as_of: date) -> WaiverInfo:
    """A waiver applies through its expiry day; from the next day on it is expired."""
    return WaiverInfo(
        reason=waiver.reason,
        approved_by=waiver.approved_by,
        expires=waiver.expires,
        expired=as_of > waiver.expires,
    )


def expired_note(waiver: Waiver) -> str:
    return (
        f"waiver for {waiver.target} (approved by {waiver.approved_by}) expired on "
        f"{waiver.expires}: it no longer applies and the target is judged on what was reported"
    )

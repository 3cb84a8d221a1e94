"""Document numbers (文号) without gaps per year: the ledger's list of issued notices is
the numbering state, so a number is never given twice, whoever runs bizenv next."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bizenv_cli.models.ledger import IssuedNotice, Ledger
from bizenv_cli.supervision.wording import document_number


def next_serial(ledger: Ledger, year: int) -> int:
    return max((n.serial for n in ledger.notices if n.year == year), default=0) + 1


def issue(
    ledger: Ledger, prefix: str, unit: str, day: date, items: Sequence[str]
) -> tuple[Ledger, IssuedNotice]:
    """The notice to ``unit`` dated ``day``: the one already issued to it that day (a run
    again reuses its number), else the next number of the year, recorded in the ledger."""
    for notice in ledger.notices:
        if notice.unit == unit and notice.date == day:
            return ledger, notice
    serial = next_serial(ledger, day.year)
    notice = IssuedNotice(
        number=document_number(prefix, day.year, serial),
        serial=serial,
        year=day.year,
        unit=unit,
        date=day,
        items=list(items),
    )
    return ledger.model_copy(update={"notices": [*ledger.notices, notice]}), notice

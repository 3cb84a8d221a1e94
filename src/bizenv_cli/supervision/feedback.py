"""`bizenv ledger feedback`: a unit's feedback on an item, or an agreed extension (延期)
with its reason, the old deadline kept."""

from __future__ import annotations

import difflib
import re
from datetime import date

from bizenv_cli.models.ledger import Extension, FeedbackEntry, Ledger


class UnknownItem(LookupError):
    """No item with this id; ``close`` is the nearest one, if any is near."""

    def __init__(self, item_id: str, close: str | None) -> None:
        self.item_id, self.close = item_id, close
        hint = f": did you mean {close}?" if close else " (see `bizenv ledger show`)"
        super().__init__(f"no item {item_id!r} in the ledger{hint}")


_ID_RE = re.compile(r"(?:DB)?\s*([0-9]{4})\s*-\s*0*([0-9]+)", re.IGNORECASE)


def closest(item_id: str, ids: list[str]) -> str | None:
    """The item meant: the same year and serial written another way (db2021-1), else the
    nearest spelling."""
    match = _ID_RE.fullmatch(item_id.strip())
    if match:
        same = f"DB{match.group(1)}-{int(match.group(2)):03d}"
        if same in ids:
            return same
    close = difflib.get_close_matches(item_id.upper(), ids, n=1, cutoff=0.6)
    return close[0] if close else None


class LateExtension(ValueError):
    """An extension must move the deadline later."""

    def __init__(self, item_id: str, old: date, new: date) -> None:
        super().__init__(
            f"{item_id}'s deadline is {old}: an extension to {new} does not move it later"
        )


def record(
    ledger: Ledger,
    item_id: str,
    day: date,
    text: str | None,
    extend_to: date | None = None,
    reason: str | None = None,
) -> Ledger:
    """The ledger with the feedback and/or the extension added to item ``item_id``."""
    ids = [i.id for i in ledger.items]
    if item_id not in ids:
        raise UnknownItem(item_id, closest(item_id, ids))
    items = []
    for item in ledger.items:
        if item.id == item_id:
            update: dict[str, object] = {}
            if text:
                update["feedback"] = [*item.feedback, FeedbackEntry(date=day, text=text)]
            if extend_to is not None:
                assert reason, "an extension needs its reason"
                if extend_to <= item.rectify_by:
                    raise LateExtension(item.id, item.rectify_by, extend_to)
                agreed = Extension(date=day, old=item.rectify_by, new=extend_to, reason=reason)
                update["extensions"] = [*item.extensions, agreed]
                update["rectify_by"] = extend_to
            item = item.model_copy(update=update)
        items.append(item)
    return ledger.model_copy(update={"items": items})

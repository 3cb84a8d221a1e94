"""A target's exceptions, held as positions into the rows they come from.

Ten million cases can have millions over their limit. Copying each one's id, file, row
and timestamps into a frame of its own, and sorting that frame, cost as much memory and
time as the whole computation; so only the position of each case in the prepared rows
(``prepare.AT``), its duration and how far over it is are kept and sorted, the furthest
over first (closed cases, then open ones; ties in file order). A reporter asks for a
slice (``head``: the terminal's ten; ``slice``: the exceptions file, a chunk at a time),
and only those rows are gathered, as ``outcome.EXCEPTION_SCHEMA``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import polars as pl

from bizenv_cli.cases import prepare as P

# The columns of ``TargetOutcome.exceptions``: a case over the limit, closed and too long
# or still open (no end) and already past it on the as-of date; ``duration`` in the
# target's unit (for a count: the count), ``over`` by how much. ``start`` and ``end`` are
# the text as written only where it is not ``moment_text`` of the day and second kept
# beside it (``with_texts`` fills them in, for the few rows shown or a chunk written).
EXCEPTION_SCHEMA: dict[str, pl.DataType] = {
    "case_id": pl.String(),
    "file": pl.String(),
    "row": pl.Int32(),
    "start": pl.String(),
    "end": pl.String(),
    "duration": pl.Float64(),
    "over": pl.Float64(),
    "s_day": pl.Int32(),
    "s_sec": pl.Int32(),
    "e_day": pl.Int32(),
    "e_sec": pl.Int32(),
}
ORDER_SCHEMA = {"at": pl.UInt32, "duration": pl.Float64, "over": pl.Float64, "open": pl.Boolean}
_FROM = [P.AT, P.FILE, P.ROW, P.ID, P.START_TEXT, P.END_TEXT, P.S_DAY, P.S_SEC, P.E_DAY, P.E_SEC]


def ranked(frame: pl.DataFrame, duration: str, limit: float, is_open: bool) -> pl.DataFrame:
    """The cases of ``frame`` (with its ``prepare.AT`` and ``duration`` columns) as an
    order, not yet sorted (``ExceptionList`` sorts what is asked for)."""
    return frame.select(
        pl.col(P.AT).alias("at"),
        pl.col(duration).alias("duration"),
        (pl.col(duration) - limit).alias("over"),
        pl.lit(is_open).alias("open"),
    ).cast(ORDER_SCHEMA)  # type: ignore[arg-type]


def _sorted(order: pl.DataFrame, length: int | None = None) -> pl.DataFrame:
    """The furthest over first, ties in file order; only the first ``length`` when given
    (the few a terminal shows need no sort of millions)."""
    if length is not None and order.height > 4 * length:
        cut = order["duration"].top_k(max(length, 1)).min()
        order = order.filter(pl.col("duration") >= cut)
    ordered = order.sort(["duration", "at"], descending=[True, False])
    return ordered if length is None else ordered.head(length)


@dataclass(frozen=True)
class ExceptionList:
    closed: pl.DataFrame  # ORDER_SCHEMA, unsorted: listed first
    open: pl.DataFrame  # ORDER_SCHEMA, unsorted: listed after the closed
    rows: pl.DataFrame  # the rows ``at`` points into: prepare's columns (_FROM)
    files: tuple[str, ...]  # the file each ``prepare.FILE`` index names
    texts: pl.DataFrame | None = None  # the rows' texts, when not among their columns

    @classmethod
    def empty(cls) -> ExceptionList:
        none = pl.DataFrame(schema=ORDER_SCHEMA)
        return cls(none, none, pl.DataFrame(), ())

    @classmethod
    def of(
        cls,
        closed: pl.DataFrame,
        open: pl.DataFrame | None,
        rows: pl.DataFrame,
        files: list[str],
        texts: pl.DataFrame | None,
    ) -> ExceptionList:
        opened = pl.DataFrame(schema=ORDER_SCHEMA) if open is None else open
        if not closed.height and not opened.height:
            return cls(closed, opened, pl.DataFrame(), tuple(files))
        kept = rows.select([c for c in _FROM if c in rows.columns])
        return cls(closed, opened, kept, tuple(files), texts)

    @property
    def height(self) -> int:
        return self.closed.height + self.open.height

    @cached_property
    def _order(self) -> pl.DataFrame:
        return pl.concat([_sorted(self.closed), _sorted(self.open)])

    def head(self, length: int) -> pl.DataFrame:
        closed = _sorted(self.closed, length)
        if closed.height < length:
            closed = pl.concat([closed, _sorted(self.open, length - closed.height)])
        return self._gather(closed)

    def slice(self, offset: int, length: int) -> pl.DataFrame:
        """Exceptions ``offset`` to ``offset + length`` as ``EXCEPTION_SCHEMA`` rows."""
        return self._gather(self._order.slice(offset, length))

    def _gather(self, part: pl.DataFrame) -> pl.DataFrame:
        files = pl.Enum(list(dict.fromkeys(self.files)) or ["-"])
        schema: dict[Any, Any] = {**EXCEPTION_SCHEMA, "file": files}
        if not part.height:
            return pl.DataFrame(schema=schema)
        index = dict(enumerate(self.files))
        picked = self.rows.select(pl.all().gather(part["at"])).hstack(part.drop("at"))
        if self.texts is not None:
            picked = P.texts_of(self.texts, picked.with_columns(pl.col(P.AT).cast(pl.UInt32)))
        closed = pl.when(~pl.col("open"))
        return picked.select(
            pl.col(P.ID).alias("case_id"),
            pl.col(P.FILE).replace_strict(index, return_dtype=files).alias("file"),
            pl.col(P.ROW).alias("row"),
            pl.col(P.START_TEXT).alias("start"),
            closed.then(pl.col(P.END_TEXT)).alias("end"),
            "duration",
            "over",
            pl.col(P.S_DAY).alias("s_day"),
            pl.col(P.S_SEC).alias("s_sec"),
            closed.then(pl.col(P.E_DAY)).alias("e_day"),
            closed.then(pl.col(P.E_SEC)).alias("e_sec"),
        ).cast(schema)

"""Which row of a CSV file polars could not read, and why: polars says neither (its
message quotes the rest of the file), so the file is read again, on that error only, by
Python's csv module, strict."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path


class RowError(ValueError):
    """A row of the file that cannot be read, by its number (the finding's line)."""

    def __init__(self, row: int, message: str) -> None:
        super().__init__(message)
        self.row = row


def _stray_quote(raw: str) -> bool:
    """Whether a cell of ``raw`` (a record as written) has a quote but does not start with
    one: Python's csv keeps it as a character, polars opens a quoted cell there."""
    state = "start"  # of a cell; "plain" (unquoted), "quoted", "closed" (a quote in quotes)
    for char in raw:
        ends = char in ",\r\n"
        if state == "plain" and char == '"':
            return True
        if state == "quoted":
            state = "closed" if char == '"' else "quoted"
        elif state == "closed" and char == '"':
            state = "quoted"  # a quote written twice
        elif state == "start" and char == '"':
            state = "quoted"
        else:
            state = "start" if ends else "plain"
    return False


def broken_row(path: Path, skip: int, encoding: str) -> RowError | None:
    """The first row polars could not read, and why (polars does not say which): more
    cells than the header, a quote that opens a cell and never closes, or one inside a
    cell that does not start with a quote."""
    width = number = 0
    stray: RowError | None = None
    lines: list[str] = []  # the lines of the record being read

    def kept(text: Iterator[str]) -> Iterator[str]:
        for line in text:
            lines.append(line)
            yield line

    with path.open(encoding=encoding, errors="replace", newline="") as text:
        try:
            for number, row in enumerate(csv.reader(kept(text), strict=True), start=1):
                raw = "".join(lines)
                lines.clear()
                if number == skip + 1:
                    width = len(row)
                elif number > skip + 1 and len(row) > width:
                    cells = f"row {number} has {len(row)} cells, the header {width}"
                    return RowError(number, f"{cells}: quote cells with commas")
                elif stray is None and number > skip + 1 and '"' in raw and _stray_quote(raw):
                    stray = RowError(  # what polars stumbled on, unless a worse row follows
                        number,
                        f"row {number} has a quote inside a cell that does not start with "
                        'one: quote the cell and write the quote twice ("")',
                    )
        except csv.Error as exc:
            return RowError(
                number + 1,
                f"row {number + 1}: {exc}: a cell that starts with a quote ends with one, "
                'and a quote inside it is written twice ("")',
            )
    return stray

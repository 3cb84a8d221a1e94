"""The column parser reads exactly what timestamps.parse_moment reads (plus Excel
serials), and refuses what it refuses, on thousands of generated cells."""

from __future__ import annotations

import random
from datetime import date, datetime

import polars as pl

from bizenv_cli.cases.moments import parse_column
from bizenv_cli.timestamps import MomentError, parse_moment

EPOCH = date(1970, 1, 1).toordinal()


def _cells(rng: random.Random, n: int) -> list[str]:
    pieces = [
        lambda y, m, d: f"{y}-{m:02d}-{d:02d}",
        lambda y, m, d: f"{y}/{m}/{d}",
        lambda y, m, d: f"{y}.{m}.{d}",
        lambda y, m, d: f"{y}年{m}月{d}日",
        lambda y, m, d: f"{y}-{m}-{d}",
    ]
    times = [
        "",
        " 09:30:00",
        " 9:30",
        "T14:05",
        " 17:45:59",
        " 24:00",
        " 9:60",
        " 08:30:60",
        "9时30分",
        " 10:00:00.5",
        "  11:11",
        "x",
    ]
    out = []
    for _ in range(n):
        y, m, d = rng.randint(1999, 2031), rng.randint(0, 13), rng.randint(0, 32)
        text = rng.choice(pieces)(y, m, d) + rng.choice(times)
        if rng.random() < 0.05:
            text = " " + text + " "
        out.append(text)
    return out


def _expected(text: str) -> tuple[int, int | None] | None:
    try:
        moment = parse_moment(text)
    except MomentError:
        return None
    if isinstance(moment, datetime):
        sec = moment.hour * 3600 + moment.minute * 60 + moment.second
        # a datetime at exactly midnight is a date (cases/moments.py)
        return moment.date().toordinal() - EPOCH, sec or None
    return moment.toordinal() - EPOCH, None


def test_column_parser_agrees_with_parse_moment() -> None:
    cells = _cells(random.Random(20210305), 6000)
    parsed = parse_column(pl.Series(cells, dtype=pl.String))
    differences = []
    for text, (day, sec, bad) in zip(cells, parsed.iter_rows(), strict=True):
        want = _expected(text)
        got = None if bad else (day, sec)
        if got != want:
            differences.append((text, got, want))
    assert differences == []
    assert parsed["bad"].sum() > 1000  # the generator makes plenty of wrong cells too


def test_serials_dates_and_empty_cells() -> None:
    parsed = parse_column(pl.Series(["44260", "44260.75", "12345", "", None, "  "]))
    rows = list(parsed.iter_rows())
    day = date(2021, 3, 5).toordinal() - EPOCH
    assert rows[0] == (day, None, False)
    assert rows[1] == (day, 18 * 3600, False)
    assert rows[2] == (None, None, True)  # not in 1982-2173: a count, not a date
    assert rows[3:] == [(None, None, False)] * 3


def test_native_date_and_datetime_columns() -> None:
    days = parse_column(pl.Series([date(2021, 3, 5), None]))
    assert list(days.iter_rows()) == [
        (date(2021, 3, 5).toordinal() - EPOCH, None, False),
        (None, None, False),
    ]
    moments = parse_column(pl.Series([datetime(2021, 3, 5, 9, 30), datetime(2021, 3, 5)]))
    assert [r[1] for r in moments.iter_rows()] == [9 * 3600 + 1800, None]

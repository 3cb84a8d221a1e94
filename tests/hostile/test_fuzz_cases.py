"""Fuzz `bizenv cases` with mutated case files: CSV, XLSX and Parquet.

A seeded generator starts from the first rows of the example power-company export
(examples/cases/power-connections.csv) and mutates its cells: control and bidi
characters, formulas (``=HYPERLINK``, ``+cmd|``, ``@SUM``, ``-1+1``), full-width digits,
Chinese time forms, days that do not exist, numbers that are no dates (1e12, NaN, -5,
inf), huge cells, header names like internal ones (``__id``, ``__row``), dropped and
swapped columns. A CSV is then sometimes re-encoded, bit-flipped or cut short; an XLSX is
written with date-formatted cells and sometimes bit-flipped or cut short; a Parquet file
gets its start and end columns as other types (zone-aware datetimes, dates of year 1,
lists, binary, durations, structs). Each mutant goes through `cases` (one target, and by
the mapping under the export's name), as a table or JSON, with an exceptions file, and
must: finish in time, exit 0, 1 or 3, print no traceback, internal error, library
warning or raw control character; and no exceptions cell may start a formula. To run
longer, or one case again, see tests/hostile/fuzzing.py:

    BIZENV_FUZZ_N=2000 pytest tests/hostile/test_fuzz_cases.py -s
"""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import polars as pl
from tests.conftest import ROOT, Result
from tests.hostile import fuzzing
from tests.hostile.fuzzing import NASTY, Fuzz

COUNT = 40
EXAMPLE = ROOT / "examples" / "cases" / "power-connections.csv"
HEADER = ["工单编号", "用户类别", "外部工程", "受理时间", "装表接电时间"]
CELLS = [
    '=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-1+1", "\t=1+1",
    "２０２１-０３-０５ ０９:００", "2021年3月5日 9时5分", "2021-02-30", "2021-04-31 25:00",
    "1e12", "NaN", "-5", "inf", "44260.5", "0", "", " ", "9" * 400, "x" * 5000, "待定",
    "2021/3/5 9:30", "2021.3.5", "0001-01-01", "200000-01-01", "__id", "__row",
]
_UNSAFE_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _rows(rng: random.Random) -> list[list[str]]:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()[1:31]
    rows = [next(csv.reader([line])) for line in lines]
    for _ in range(rng.randint(1, 12)):
        row = rng.choice(rows)
        column = rng.randrange(len(row))
        pick = rng.random()
        if pick < 0.4:
            row[column] = rng.choice(CELLS)
        elif pick < 0.7:
            row[column] = rng.choice(NASTY) + row[column] + rng.choice(NASTY)
        else:
            row[column] = fuzzing.random_text(rng)
    return rows


def _header(rng: random.Random) -> list[str]:
    header = list(HEADER)
    if rng.random() < 0.2:
        header[rng.randrange(len(header))] = rng.choice(["__id", "__row", "__file", "col:x"])
    if rng.random() < 0.1:
        i, j = rng.randrange(len(header)), rng.randrange(len(header))
        header[i], header[j] = header[j], header[i]
    return header


def _csv(rng: random.Random, header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    text = out.getvalue()
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.15:
        data = rng.choice(fuzzing.encodings(text))
    if rng.random() < 0.15:
        data = fuzzing.flip(data, rng)
    if rng.random() < 0.1:
        data = fuzzing.truncate(data, rng)
    return data


def _number(cell: str) -> object:
    try:
        return float(cell)
    except ValueError:
        return _UNSAFE_XML.sub("", cell)


def _xlsx(rng: random.Random, header: list[str], rows: list[list[str]], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([_UNSAFE_XML.sub("", h) for h in header])
    for row in rows:
        sheet.append([_number(c) if rng.random() < 0.5 else _UNSAFE_XML.sub("", c) for c in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells[3:]:
            cell.number_format = "yyyy-mm-dd hh:mm"  # numbers in them read as dates
    book.save(path)
    if rng.random() < 0.15:
        path.write_bytes(fuzzing.flip(path.read_bytes(), rng))
    if rng.random() < 0.1:
        path.write_bytes(fuzzing.truncate(path.read_bytes(), rng))


def _moments(rng: random.Random, n: int) -> pl.Series:
    kind = rng.randrange(8)
    if kind == 0:
        return pl.Series([datetime(2021, 4, 1, 1, 0) + timedelta(hours=i) for i in range(n)],
                         dtype=pl.Datetime("us", "UTC"))
    if kind == 1:
        return pl.Series([date(1, 1, 1), *[date(2021, 4, 2)] * (n - 1)])
    if kind == 2:
        return pl.Series([[i] for i in range(n)])
    if kind == 3:
        return pl.Series([b"\x00\x1b" for _ in range(n)])
    if kind == 4:
        return pl.Series([timedelta(days=i) for i in range(n)])
    if kind == 5:
        return pl.Series([{"d": i} for i in range(n)])
    if kind == 6:
        return pl.Series([float("nan"), 1e12, -5.0, *[44300.5] * (n - 3)])
    return pl.Series([rng.choice(CELLS) for _ in range(n)], dtype=pl.String)


def _parquet(rng: random.Random, header: list[str], rows: list[list[str]], path: Path) -> None:
    columns: dict[str, pl.Series] = {}
    for j, name in enumerate(header):
        if name in columns:
            continue
        cells = [re.sub("[\ud800-\udfff]", "?", row[j]) for row in rows]
        columns[name] = _moments(rng, len(rows)) if j >= 3 and rng.random() < 0.6 else (
            pl.Series(cells, dtype=pl.String)
        )
    pl.DataFrame(columns).write_parquet(path)
    if rng.random() < 0.1:
        path.write_bytes(fuzzing.flip(path.read_bytes(), rng))


def _formula_cells(path: Path) -> list[str]:
    if not path.exists():
        return []
    if path.suffix == ".csv":
        rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
        cells = [c for row in rows[1:] for c in row[1:3] + row[4:6]]
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(path).active
        assert sheet is not None
        cells = [str(c.value) for row in sheet.iter_rows(min_row=2) for c in row if c.value]
    return [c for c in cells if c and (c[0] in "=+@" or re.match(r"-[^0-9.]", c))]


def test_fuzz_cases(run: Callable[..., Result], tmp_path: Path) -> None:
    fuzz = Fuzz(run)
    quick = ["--target", "m05-high-voltage-connection-days", "--start", "受理时间", "--end",
             "装表接电时间", "--id", "工单编号"]
    for index in fuzzing.cases(COUNT):
        rng = fuzzing.case_rng(index)
        header, rows = _header(rng), _rows(rng)
        suffix = rng.choice([".csv", ".xlsx", ".parquet"])
        folder = tmp_path / f"case{index}"
        folder.mkdir()
        path = folder / f"power-connections{suffix}"
        if suffix == ".csv":
            path.write_bytes(_csv(rng, header, rows))
        elif suffix == ".xlsx":
            _xlsx(rng, header, rows, path)
        else:
            _parquet(rng, header, rows, path)
        fuzz.count += 1
        label = f"case {index} (seed {fuzzing.SEED}, {suffix})"
        out = folder / rng.choice(["over.csv", "over.xlsx"])
        fmt = ["--format", rng.choice(["text", "json"])]
        as_of = ["--as-of", rng.choice(["2021-06-30", "2021-12-31"])]
        for argv in (["cases", str(path), *quick, *fmt, *as_of, "--exceptions", str(out)],
                     ["cases", str(path), "--period", "2021-Q2", *fmt, *as_of]):
            fuzz.check(label, path, argv, ROOT)
            if live := _formula_cells(out):
                fuzz.failures.append(f"{label}: formulas in {out.name}: {live[:3]}")
        if fuzz.done:
            break
    fuzz.report("fuzz cases")

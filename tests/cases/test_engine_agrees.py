"""Acceptance (issue 10): the vectorised durations of the cases engine and a plain loop of
WorkCalendar.working_days / office_seconds, one call per row, give the same numbers on
thousands of random cases, and so do the values `bizenv cases` reports."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path

import polars as pl
from tests.cases.helpers import write_csv

from bizenv_cli.calendar.sources import build
from bizenv_cli.cases import prepare as P
from bizenv_cli.cases.durations import Lookup
from bizenv_cli.cases.read import read_table
from bizenv_cli.models.casemap import Aggregate, Duration, Source, TargetMap

CALENDAR = build(None)


def _cases(n: int) -> list[tuple[datetime, datetime]]:
    rng = random.Random(20210630)
    first, last = date(2019, 1, 1).toordinal(), date(2026, 11, 20).toordinal()
    pairs = []
    for _ in range(n):
        start = datetime.fromordinal(rng.randint(first, last)) + timedelta(
            seconds=rng.randint(1, 86_399)
        )
        end = start + timedelta(seconds=rng.randint(0, 40 * 86_400))
        pairs.append((start, end))
    return pairs


def _file(tmp_path: Path, pairs: list[tuple[datetime, datetime]]) -> Path:
    rows = [
        [f"C{i}", s.strftime("%Y-%m-%d %H:%M:%S"), e.strftime("%Y/%-m/%-d %H:%M:%S")]
        for i, (s, e) in enumerate(pairs)
    ]
    return write_csv(tmp_path / "cases.csv", ["编号", "受理时间", "办结时间"], rows)


def test_vectorised_durations_agree_with_the_calendar_row_by_row(tmp_path: Path) -> None:
    pairs = _cases(4000)
    path = _file(tmp_path, pairs)
    spec = TargetMap(target="m05-high-voltage-connection-days", aggregate=Aggregate.count)
    source = Source(
        name="t", files=["*"], case_id="编号", start="受理时间", end="办结时间", targets=[spec]
    )
    table = read_table(path, "cases.csv", {"编号", "受理时间", "办结时间"})
    lookup = Lookup(CALENDAR)
    prepared = P.prepare(source, [table], lookup)
    end, end_sec = pl.col(P.E_DAY), pl.col(P.E_SEC)
    got = prepared.frame.select(
        work=P.duration(Duration.working_days, lookup, end, end_sec),
        cal=P.duration(Duration.calendar_days, lookup, end, end_sec),
        office=P.duration(Duration.office_hours, lookup, end, end_sec),
    )
    differences = []
    for (start, stop), (work, cal, office) in zip(pairs, got.iter_rows(), strict=True):
        want = (
            CALENDAR.working_days(start.date(), stop.date()),
            (stop.date() - start.date()).days,
            CALENDAR.office_seconds(start.replace(microsecond=0), stop) / 3600,
        )
        if (work, cal) != want[:2] or abs(office - want[2]) > 1e-9:
            differences.append((start, stop, (work, cal, office), want))
    assert differences == []


def test_reported_values_agree_with_a_plain_loop(run, tmp_path: Path) -> None:
    pairs = _cases(3000)
    path = _file(tmp_path, pairs)
    counts = [CALENDAR.working_days(s.date(), e.date()) for s, e in pairs]
    common = [
        "--start",
        "受理时间",
        "--end",
        "办结时间",
        "--id",
        "编号",
        "--as-of",
        "2026-12-31",
        "--format",
        "json",
    ]
    result = run("cases", path, "--target", "m05-high-voltage-connection-days", *common)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sample_size"] == len(pairs)
    assert abs(data["value"] - sum(counts) / len(counts)) < 1e-9
    assert data["over_limit"] == sum(1 for c in counts if c > 30)
    result = run("cases", path, "--target", "m23-business-startup-days", *common)
    office = [CALENDAR.office_seconds(s, e) / CALENDAR.office_day for s, e in pairs]
    data = json.loads(result.stdout)
    assert abs(data["value"] - max(office)) < 1e-9
    assert data["over_limit"] == sum(1 for v in office if v > 0.5 + 1e-9)

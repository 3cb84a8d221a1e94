"""Fuzz `bizenv diff`, `check --baseline` with mutated saved results, and `bizenv workdays`
with mutated calendar.yaml files (issue 15).

Saved results start from a real `check --format json` of the fixture quarter and are
mutated as JSON (a value swapped for a hostile one: 1.7e308, -1.7e308, 5e-324, control
and bidi characters, `::error` lines, huge or deeply nested values, a target twice) or as
text (byte flips, truncation, the submission fuzzer's mutations). Calendar files start
from valid ones and get the same text mutations plus days set both ways. Every command
must finish in time, exit 0, 1 or 3 (never 2 or 4) and print nothing raw.

    BIZENV_FUZZ_N=2000 pytest tests/hostile/test_fuzz_saved.py -s
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import DATA, Result
from tests.hostile.fuzzing import NASTY, NASTY_NAMES, SEED, Fuzz, case_rng, cases, flip, truncate
from tests.hostile.test_fuzz import Seed, mutate

FIXTURE_MEASURES = DATA / "check" / "measures"
QUARTER = DATA / "check" / "quarter"
SAVED_COUNT = 60
CALENDAR_COUNT = 150

HOSTILE: list[Any] = [
    1.7e308, -1.7e308, 5e-324, -0.0, 0, 10**400, -(10**400), "", "x" * 100_000,
    "\x1b[31mred\x1b[0m", "\n::error::boom", "\u202eevil", "\x85\x9b", "a\x00b", None, True,
    [], {}, [[[[[[[[[[1]]]]]]]]]], "2021-02-30", "9999-12-31", "0001-01-01", "met", "overdue",
    "=HYPERLINK(\"http://x\")", {"zh": "\x1b]8;;http://x\x07", "en": "x"},
]


def _walk(data: Any, rng: random.Random) -> tuple[Any, Any] | None:
    spots: list[tuple[Any, Any]] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for key in node:
                spots.append((node, key))
                visit(node[key])
        elif isinstance(node, list):
            for i, item in enumerate(node):
                spots.append((node, i))
                visit(item)

    visit(data)
    return rng.choice(spots) if spots else None


NUMBERS = [1.7e308, -1.7e308, 5e-324, -5e-324, -0.0, 0.0, 1e-300, 123456789.123456789]
TEXTS = [
    "\x1b[31mred\x1b[0m", "\n::error::boom", "\u202eevil", "\x85\x9b", "a\x00b", "x" * 20_000,
    "=HYPERLINK(\"http://x\")", "[link=http://x]x[/link]", "| a | b |", "<script>", "\u2028",
]


def _typed(data: dict[str, Any], rng: random.Random) -> None:
    """A valid result with hostile contents: numbers at a float's ends, text that could
    drive a terminal, a CI log or a Markdown table."""
    rows = data["results"]
    for _ in range(rng.randint(1, 6)):
        row = rng.choice(rows)
        field = rng.choice(["reported", "required", "explanation", "target", "note", "evidence"])
        if field in ("reported", "required"):
            row[field] = rng.choice(NUMBERS)
        else:
            row[field] = rng.choice(TEXTS) + str(rng.randrange(1000))
    if rng.random() < 0.1:  # another plan (H004), named safely
        data["plan"]["zh"] += rng.choice(TEXTS)


def _mutate_saved(text: str, rng: random.Random) -> tuple[bytes, str]:
    kind = rng.choice(
        ["typed", "typed", "typed", "value", "value", "twice", "nasty", "text", "flip", "truncate"]
    )
    if kind == "typed":
        data = json.loads(text)
        _typed(data, rng)
        return json.dumps(data, ensure_ascii=rng.random() < 0.5).encode("utf-8"), kind
    if kind in ("value", "twice"):
        data = json.loads(text)
        if kind == "twice" and data["results"]:
            data["results"].append(dict(rng.choice(data["results"])))
        for _ in range(rng.randint(1, 4)):
            spot = _walk(data, rng)
            if spot is not None:
                container, key = spot
                container[key] = rng.choice(HOSTILE)
        try:
            out = json.dumps(data, ensure_ascii=rng.random() < 0.5)
        except ValueError:
            out = text
        return out.encode("utf-8", "surrogatepass"), kind
    if kind == "nasty":
        at = rng.randrange(len(text))
        return (text[:at] + rng.choice(NASTY) + text[at:]).encode("utf-8", "surrogatepass"), kind
    if kind == "flip":
        return flip(text.encode("utf-8"), rng), kind
    if kind == "truncate":
        return truncate(text.encode("utf-8"), rng), kind
    data_bytes, kinds = mutate(Seed("saved.json", text, False, FIXTURE_MEASURES), rng)
    return data_bytes, "+".join(kinds)


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.history.conftest import _invoke

    out = tmp_path_factory.mktemp("saved") / "good.json"
    result = _invoke(
        ["check", str(QUARTER), "--measures", str(FIXTURE_MEASURES), "--as-of", "2021-06-30",
         "--format", "json", "-o", str(out)]
    )
    assert result.exit_code in (0, 1), result.output
    return out


@pytest.mark.usefixtures("measure_sets_once")
def test_fuzz_saved_results(run: Callable[..., Result], tmp_path: Path, saved: Path) -> None:
    fuzz = Fuzz(run)
    good = saved.read_text(encoding="utf-8")
    for index in cases(SAVED_COUNT):
        rng = case_rng(index)
        data, kind = _mutate_saved(good, rng)
        name = "saved" + (rng.choice(NASTY_NAMES) if rng.random() < 0.1 else "") + ".json"
        path = tmp_path / f"case{index}" / name
        path.parent.mkdir()
        path.write_bytes(data)
        fuzz.count += 1
        label = f"case {index} (seed {SEED}, saved result, {kind})"
        fmt = ["--format", rng.choice(["table", "json", "markdown"])]
        pair = [str(path), str(saved)] if rng.random() < 0.5 else [str(saved), str(path)]
        fuzz.check(label, path, ["diff", *pair, *fmt], tmp_path)
        baseline = ["check", str(QUARTER), "--measures", str(FIXTURE_MEASURES), "--as-of",
                    "2021-06-30", "--baseline", str(path)]
        if index % 3 == 0:
            fuzz.check(label, path, baseline, tmp_path)
        if fuzz.done:
            break
    fuzz.report("fuzz saved results")


CALENDARS = [
    """\
office_hours:
  - {start: "08:30", end: "12:00"}
  - {start: "14:00", end: "17:30"}
years:
  2027:
    notice: 测试用通知
    holidays:
      - {start: 2027-01-01, end: 2027-01-03}
      - {start: 2027-02-05, end: 2027-02-11}
    workdays: [2027-02-13]
corrections:
  - {date: 2021-03-01, working: false, notice: 测试用更正}
""",
    "years: {}\ncorrections: []\n",
    """\
{"years": {"2028": {"notice": "n", "holidays": [{"start": "2028-10-01", "end": "2028-10-07"}],
 "workdays": ["2028-10-08"]}}, "corrections": [{"date": "2022-01-31", "working": true,
 "notice": "m"}]}
""",
]
BOTH_WAYS = [
    "  - {date: 2021-03-01, working: true, notice: x}\n",
    "    workdays: [2027-01-02]\n",
    "  - {date: 2027-02-06, working: true, notice: x}\n",
]
# Days in order (the command's own usage errors are tested in tests/workdays), with a time
# on both ends or neither.
DAYS = ["0001-01-01", "2004-01-01", "2021-03-01", "2026-12-31", "2027-02-12", "2028-10-09",
        "2200-01-01", "9999-12-31"]


def _typed_calendar(rng: random.Random) -> bytes:
    """A well-formed calendar.yaml with hostile contents: the ends of the year range, long
    and overlapping holiday blocks, days set both ways, many corrections, odd notices."""
    from datetime import date, timedelta

    years: dict[str, Any] = {}
    for _ in range(rng.randint(0, 3)):
        year = rng.choice([1949, 2003, 2021, 2027, 2028, 2199, 2200])
        blocks = []
        for _ in range(rng.choice([0, 1, 3, 500])):
            start = date(year, 1, 1) + timedelta(days=rng.randrange(365))
            end = min(start + timedelta(days=rng.choice([0, 6, 400])), date(year, 12, 31))
            blocks.append({"start": str(start), "end": str(end)})
        saturdays = [date(year, 1, 1) + timedelta(days=d) for d in range(365)]
        weekend = [str(d) for d in saturdays if d.weekday() >= 5]
        years[str(year)] = {
            "notice": rng.choice(["测试", "\u202e通知", "x" * 3000, "::error::n"]),
            "holidays": blocks,
            "workdays": rng.sample(weekend, rng.choice([0, 1, 5])),
        }
    fixes = [
        {"date": str(date(rng.choice([2004, 2021, 2026, 2027]), 1, 1) + timedelta(
            days=rng.randrange(365))), "working": rng.random() < 0.5, "notice": "n"}
        for _ in range(rng.choice([0, 2, 50]))
    ]
    return json.dumps({"years": years, "corrections": fixes}, ensure_ascii=False).encode()


def test_fuzz_calendar_files(run: Callable[..., Result], tmp_path: Path) -> None:
    fuzz = Fuzz(run)
    for index in cases(CALENDAR_COUNT):
        rng = case_rng(index)
        text = rng.choice(CALENDARS)
        if rng.random() < 0.3:
            text += rng.choice(BOTH_WAYS)
        data, kinds = mutate(Seed("calendar.yaml", text, False, FIXTURE_MEASURES), rng)
        if rng.random() < 0.4:
            data, kinds = _typed_calendar(rng), ["typed"]
        folder = tmp_path / f"case{index}"
        folder.mkdir()
        path = folder / "calendar.yaml"
        path.write_bytes(data)
        fuzz.count += 1
        label = f"case {index} (seed {SEED}, calendar, {'+'.join(kinds)})"
        start, end = sorted(rng.sample(DAYS[1:4], 2) if rng.random() < 0.7 else rng.sample(DAYS, 2))
        if rng.random() < 0.3:
            start, end = f"{start} 09:30", f"{end} 16:45"
        argv = ["workdays", start, end, "--measures", str(folder)]
        argv += ["--format", rng.choice(["text", "json"])]
        fuzz.check(label, path, argv, tmp_path)
        if fuzz.done:
            break
    fuzz.report("fuzz calendar files")

"""The engine's figures on the shipped examples do not change (issue 15): the power
company's export recounted here day by day, by a plain loop over the calendar's days,
and every target's figures of 2021-Q2 pinned as the audited engine gave them (an
independent day-by-day count agreed with it on all 4,104 values)."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, timedelta

from tests.cases.helpers import EXAMPLES
from tests.conftest import ROOT

from bizenv_cli.calendar.load import load_calendar

PERIOD = (date(2021, 4, 1), date(2021, 6, 30))
KINDS = {
    "m05-high-voltage-connection-days": ("高压", None, "average"),
    "m05-low-voltage-external-works-days": ("低压", "有", "average"),
    "m05-low-voltage-no-external-works-days": ("低压", "无", "average"),
    "m05-residential-connection-days": ("居民", None, "maximum"),
}
# target: value, cases, over the limit, open, open over, outside the period, bad rows
PINNED_Q2 = {
    "m05-high-voltage-connection-days": [25.59090909090909, 22, 4, 3, 3, 11, 2],
    "m05-low-voltage-external-works-days": [8.473684210526315, 38, 7, 0, 0, 1, 1],
    "m05-low-voltage-no-external-works-days": [2.2432432432432434, 37, 9, 1, 1, 2, 0],
    "m05-residential-connection-days": [4.0, 37, 7, 1, 1, 5, 0],
    "m06-live-working-rate": [93.33333333333333, 120, 0, 0, 0, 0, 0],
    "m06-outages-per-line-per-year": [3.0, 21, 3, 0, 0, 19, 0],
    "m16-social-investment-with-scheme-days": [33.0, 10, 2, 0, 0, 5, 0],
    "m16-social-investment-small-medium-days": [47.0, 10, 1, 1, 1, 3, 0],
    "m16-government-linear-municipal-days": [40.0, 13, 0, 1, 1, 4, 0],
    "m16-renovation-days": [30.0, 11, 0, 2, 1, 7, 0],
    "m16-general-industrial-days": [29.0, 16, 0, 0, 0, 7, 0],
    "m23-establishment-registration-days": [0.47619047619047616, 41, 0, 0, 0, 0, 1],
    "m23-seal-invoice-social-security-days": [1.2142857142857142, 40, 2, 0, 0, 0, 0],
    "m23-business-startup-days": [0.5, 38, 0, 0, 0, 0, 0],
    "m43-misfiling-correction-days": [3.0, 25, 7, 0, 0, 5, 0],
    "m43-instant-deregistration-rate": [40.98360655737705, 61, 0, 0, 0, 10, 0],
    "m43-fast-track-deregistration-days": [13.0, 36, 7, 0, 0, 5, 0],
    "m43-export-refund-days": [2.32, 25, 7, 0, 0, 5, 0],
    "m43-general-policy-refund-days": [6.0, 23, 8, 0, 0, 2, 0],
    "m43-special-policy-refund-days": [12.0, 24, 3, 0, 0, 0, 0],
    "m53-general-complaint-days": [7.0, 46, 10, 2, 2, 6, 0],
    "m53-difficult-complaint-days": [13.0, 13, 0, 0, 0, 3, 0],
}


def _moment(text: str) -> datetime | None:
    for form in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M"):
        try:
            return datetime.strptime(text.strip(), form)
        except ValueError:
            continue
    return None


def _day_by_day(start: date, end: date, is_working) -> int:
    count, day = 0, start + timedelta(days=1)
    while day <= end:
        count += is_working(day)
        day += timedelta(days=1)
    return count


def test_the_power_company_export_recounted_day_by_day(run) -> None:
    calendar = load_calendar(ROOT / "measures")
    with (EXAMPLES / "power-connections.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    result = run(
        "cases", EXAMPLES / "power-connections.csv", "--period", "2021-Q2", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    got = {t["target"]: t for t in json.loads(result.stdout)["targets"]}
    for target, (kind, works, aggregate) in KINDS.items():
        seen: set[str] = set()
        days = []
        for row in rows:
            if row["用户类别"].strip() != kind or (works and row["外部工程"].strip() != works):
                continue
            start, end = _moment(row["受理时间"]), _moment(row["装表接电时间"])
            if not row["工单编号"] or start is None or (row["装表接电时间"] and end is None):
                continue
            if end is not None and end < start:
                continue
            if row["工单编号"] in seen:
                continue
            seen.add(row["工单编号"])
            if end is not None and PERIOD[0] <= end.date() <= PERIOD[1]:
                days.append(_day_by_day(start.date(), end.date(), calendar.is_working))
        want = sum(days) / len(days) if aggregate == "average" else max(days)
        assert (got[target]["sample_size"], got[target]["value"]) == (len(days), want), target


def test_the_shipped_examples_give_the_audited_figures(run) -> None:
    result = run("cases", EXAMPLES, "--period", "2021-Q2", "--format", "json")
    assert result.exit_code == 0, result.output
    got = {
        t["target"]: [
            t["value"],
            t["sample_size"],
            t["over_limit"],
            t["open_cases"],
            t["open_over_limit"],
            t["outside_period"],
            sum(t["bad_rows"].values()),
        ]
        for t in json.loads(result.stdout)["targets"]
    }
    assert got == PINNED_Q2

"""The report fixture: a small measure set, a 2021-Q2 quarter, waivers, reported on 2021-08-10.

What the fixture holds (32 targets in 10 measures; see tests/data/report/):
met 15 (one of them, m31-foreign-trade-growth, before its 2021-12-31 deadline),
at_risk 2, overdue 7, not_met 1, missing 4, pending 2, waived 1; due 26, of which met 14.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data" / "report"
MEASURES = DATA / "measures"
QUARTER = DATA / "2021-Q2"
WAIVERS = DATA / "waivers.yaml"
AS_OF = date(2021, 8, 10)
COUNTS = {
    "met": 15,
    "at_risk": 2,
    "overdue": 7,
    "not_met": 1,
    "missing": 4,
    "pending": 2,
    "waived": 1,
}


@pytest.fixture
def report(run: Callable[..., Any]) -> Callable[..., Any]:
    """report(*args) runs `bizenv report` on the fixture quarter (exit code, stdout, stderr)."""

    def _report(*args: str | Path) -> Any:
        return run(
            "report",
            QUARTER,
            "--measures",
            MEASURES,
            "--as-of",
            AS_OF.isoformat(),
            "--waivers",
            WAIVERS,
            *args,
        )

    return _report


@pytest.fixture(scope="session")
def fixture_report() -> Any:
    """(measure set, CheckResult) of the fixture, through the loader and evaluate()."""
    from bizenv_cli.evaluation import evaluate
    from bizenv_cli.loading.measureset import load_measure_set
    from bizenv_cli.loading.submissions import load_submissions
    from bizenv_cli.loading.waivers import load_waivers

    measure_set, problems = load_measure_set(MEASURES)
    assert not problems
    loaded, findings = load_submissions([QUARTER], measure_set, as_of=AS_OF)
    assert not findings
    waivers, findings = load_waivers(WAIVERS, measure_set)
    assert not findings
    return measure_set, evaluate(measure_set, loaded, as_of=AS_OF, waivers=waivers)

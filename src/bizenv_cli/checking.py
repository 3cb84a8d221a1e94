"""The one pipeline behind `bizenv check` and `bizenv report`: load, then evaluate once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from bizenv_cli.diagnostics import Finding, Level, files_of
from bizenv_cli.errors import BizenvError
from bizenv_cli.evaluation import evaluate
from bizenv_cli.evaluation.result import CheckResult
from bizenv_cli.evaluation.stale import checked_period, other_periods
from bizenv_cli.loading.folder import CODE_SKIPPED, unit_of_file
from bizenv_cli.loading.measureset import MeasureSet
from bizenv_cli.loading.submissions import LoadedSubmission, load_submissions
from bizenv_cli.models.periods import period_bounds
from bizenv_cli.models.waiver import Waivers
from bizenv_cli.validation.pipeline import load_usable


def load_inputs(
    paths: list[Path],
    measures_dir: Path,
    *,
    as_of: date | None,
    waivers: Path | None,
    what: str = "nothing was checked",
) -> tuple[MeasureSet, list[LoadedSubmission], Waivers | None, list[str]]:
    """The measure set, the submissions and the waivers, and the warnings about them as
    printable lines. Any error stops here (BizenvError, exit 3) with every error found."""
    measure_set, loaded, waiver_set, findings = _load(
        paths, measures_dir, as_of=as_of, waivers=waivers, what=what
    )
    return measure_set, loaded, waiver_set, _lines(findings)


def _lines(findings: list[Finding]) -> list[str]:
    return [f"{f.location()}: warning {f.code} {f.message}" for f in findings]


def _load(
    paths: list[Path],
    measures_dir: Path,
    *,
    as_of: date | None,
    waivers: Path | None,
    what: str = "nothing was checked",
    period: str | None = None,
) -> tuple[MeasureSet, list[LoadedSubmission], Waivers | None, list[Finding]]:
    measure_set = load_usable(measures_dir)
    loaded, findings = load_submissions(
        paths, measure_set, as_of=as_of, waivers=waivers, period=period
    )

    waiver_set = None
    if waivers is not None:
        from bizenv_cli.loading.waivers import load_waivers

        waiver_set, waiver_problems = load_waivers(waivers, measure_set)
        findings = sorted(set(findings) | set(waiver_problems))
    errors = [f for f in findings if f.level is Level.error]
    if errors:
        files = files_of(errors)  # the files a capped finding stands for included
        total = sum(f.count for f in errors)
        raise BizenvError(f"{total:,} problem(s) in {files} input file(s): {what}", findings=errors)
    return measure_set, loaded, waiver_set, findings


def _unread(findings: list[Finding], measure_set: MeasureSet) -> dict[str, str]:
    """Files of the returns skipped unread, by the unit their name names (returns view)."""
    found = {f.path: unit_of_file(f.path, measure_set.index) for f in findings
             if f.code == CODE_SKIPPED}
    return {path: unit for path, unit in found.items() if unit}


def run_check(
    paths: list[Path],
    measures_dir: Path,
    *,
    as_of: date | None,
    waivers: Path | None,
    due_within: int,
    today: Callable[[], date],
    warn: Callable[[str], None] = lambda line: None,
    period: str | None = None,
) -> tuple[MeasureSet, CheckResult]:
    """Load the measure set, submissions and waivers; evaluate on ``as_of``.

    Without ``as_of`` the latest submission's period end is used, else
    ``today()`` (the caller's clock: the core never reads one itself). Any
    unusable input stops here with every problem found, before evaluation.
    Warnings about the input go to ``warn`` (the caller prints them) and, those about
    submissions and waivers, into the result's notes. ``period`` (``--period``): the period
    of a file that states none, and the one checked (the as-of date defaults to its end).
    """
    measure_set, loaded, waiver_set, findings = _load(
        paths, measures_dir, as_of=as_of, waivers=waivers, period=period
    )
    findings += other_periods(loaded, as_of=as_of, period=period)
    notes = _lines(findings)
    end = period_bounds(period)[1] if period else None
    day = as_of or end or max((s.date for s in loaded), default=None) or today()
    result = evaluate(
        measure_set, loaded, as_of=day, waivers=waiver_set, due_within=due_within,
        unread=_unread(findings, measure_set),
    )
    checked = checked_period(loaded, as_of=as_of, period=period)
    result = result.model_copy(update={"period": checked})
    for note in notes:
        warn(note)
    if notes:  # the input's warnings first: they say which entries the verdicts rest on
        result = result.model_copy(update={"notes": [*notes, *result.notes]})
    if not loaded:
        warn(
            f"bizenv: {'no submission was read' if paths else 'no submissions given'}: all "
            f"{len(result.results)} targets are judged as not reported on {day}"
            f"{'' if as_of else ' (today)'}; pass the departments' submission files or "
            "folders as arguments (e.g. examples/2021-Q2)"
        )
    return measure_set, result

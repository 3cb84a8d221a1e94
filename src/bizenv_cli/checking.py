"""The one pipeline behind `bizenv check` and `bizenv report`: load, then evaluate once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from bizenv_cli.diagnostics import Level, files_of
from bizenv_cli.errors import BizenvError
from bizenv_cli.evaluation import evaluate
from bizenv_cli.evaluation.result import CheckResult
from bizenv_cli.loading.measureset import MeasureSet, load_usable
from bizenv_cli.loading.submissions import LoadedSubmission, load_submissions
from bizenv_cli.models.waiver import Waivers


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
    measure_set = load_usable(measures_dir)
    loaded, findings = load_submissions(paths, measure_set, as_of=as_of, waivers=waivers)
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
    notes = [f"{f.location()}: warning {f.code} {f.message}" for f in findings]
    return measure_set, loaded, waiver_set, notes


def run_check(
    paths: list[Path],
    measures_dir: Path,
    *,
    as_of: date | None,
    waivers: Path | None,
    due_within: int,
    today: Callable[[], date],
    warn: Callable[[str], None] = lambda line: None,
) -> tuple[MeasureSet, CheckResult]:
    """Load the measure set, submissions and waivers; evaluate on ``as_of``.

    Without ``as_of`` the latest submission's period end is used, else
    ``today()`` (the caller's clock: the core never reads one itself). Any
    unusable input stops here with every problem found, before evaluation.
    Warnings about the input go to ``warn`` (the caller prints them) and, those about
    submissions and waivers, into the result's notes.
    """
    measure_set, loaded, waiver_set, notes = load_inputs(
        paths, measures_dir, as_of=as_of, waivers=waivers
    )
    day = as_of or max((s.date for s in loaded), default=None) or today()
    result = evaluate(measure_set, loaded, as_of=day, waivers=waiver_set, due_within=due_within)
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

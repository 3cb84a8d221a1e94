"""One `bizenv cases` job, from plain values (the command line parses, this runs)."""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from bizenv_cli.cases.mapping import MAPPING_FILE, duration_for, load_mapping, problems
from bizenv_cli.cases.run import CaseRun, run_cases
from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.errors import EXIT_USAGE, BizenvError
from bizenv_cli.models import Aggregation, Target, ThresholdTarget
from bizenv_cli.models.casemap import Aggregate, CaseMap, Condition, Source, TargetMap

if TYPE_CHECKING:
    from bizenv_cli.loading.measureset import MeasureSet


@dataclass(frozen=True)
class QuickTarget:
    """One target without a mapping: ``--target --start --end [--id] [--where]``."""

    target: str
    start: str
    end: str
    case_id: str | None = None
    where: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class CaseJob:
    files: list[Path]
    as_of: date
    period: str | None = None
    mapping: Path | None = None  # default: cases.yaml in the measure folder
    quick: QuickTarget | None = None
    strict: bool = False


def quick_mapping(quick: QuickTarget, targets: dict[str, Target], files: list[Path]) -> CaseMap:
    """The mapping a quick question stands for; a usage error when it cannot be one."""
    target = targets.get(quick.target)
    if not isinstance(target, ThresholdTarget):
        probe = TargetMap(target=quick.target, aggregate=Aggregate.count)
        message = problems(probe, quick.target, target, sorted(targets))
        raise BizenvError(message, exit_code=EXIT_USAGE)
    duration = duration_for(target)
    if duration is None or target.aggregation in (Aggregation.rate, Aggregation.total):
        raise BizenvError(
            f"{quick.target} ({target.aggregation}, {target.unit}) is not computed from one "
            "duration per case: use a mapping (--mapping, see docs/cases.md)",
            exit_code=EXIT_USAGE,
        )
    average = target.aggregation is Aggregation.average
    spec = TargetMap(
        target=quick.target,
        where=[Condition(column=c, equals=v) for c, v in quick.where],
        aggregate=Aggregate.average if average else Aggregate.maximum,
        duration=duration,
    )
    source = Source(
        name="--target",
        files=[glob.escape(p.name) for p in files],  # the names themselves, not patterns
        case_id=quick.case_id,
        start=quick.start,
        end=quick.end,
        targets=[spec],
    )
    return CaseMap(sources=[source])


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for the case files directly inside it (not the
    folders in it, even one named x.csv). A file given twice, under two names (relative
    and absolute, or a link to it), is read once: else each of its rows is its own
    duplicate."""
    import os

    from bizenv_cli.cases.read import SUFFIXES

    files: list[Path] = []
    for path in paths:
        if path.is_dir():  # False for a loop of links: then read as a file, and refused
            try:
                inside = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
            except OSError as exc:
                why = exc.strerror or exc
                raise BizenvError(f"{path}: cannot list the folder: {why}") from None
            files += [p for p in inside if not p.is_dir()]
        else:
            files.append(path)
    first: dict[str, Path] = {}
    for path in files:
        first.setdefault(os.path.realpath(path), path)
    return list(first.values())


def execute(job: CaseJob, mset: MeasureSet) -> tuple[CaseRun, str, list[Path]]:
    """The computed targets of ``job`` against the usable measure set ``mset``: the run, the
    reporting department's id, and every file read (the case files and the mapping:
    outputs must not be one of them)."""
    from bizenv_cli.calendar import CalendarGap
    from bizenv_cli.calendar.load import load_calendar
    from bizenv_cli.models.periods import period_bounds

    files = expand(job.files)
    if not files:
        raise BizenvError("no case files (.csv, .xlsx, .parquet) in the folders given")
    targets = {t.id: t for m in mset.measures for t in m.measure.targets}
    if job.quick is not None:
        mapping = quick_mapping(job.quick, targets, files)
    else:
        mapping = load_mapping(job.mapping or mset.root / MAPPING_FILE, targets)
    reporter = mset.index.resolve(mapping.reporter)
    if reporter is None:
        raise BizenvError(f"unknown reporting department {mapping.reporter!r} in the mapping")
    calendar = load_calendar(mset.root)
    bounds = period_bounds(job.period) if job.period else None
    try:
        calendar.require(job.as_of)
    except CalendarGap as exc:
        raise BizenvError(f"--as-of {job.as_of}: {exc}") from None
    run = run_cases(files, mapping, targets, calendar, job.as_of, job.period, bounds)
    if job.strict and run.findings:
        errors = [
            Finding(f.path, f.line, f.col, f.code, f.message, Level.error) for f in run.findings
        ]
        total = sum(o.bad_total for o in run.outcomes)
        raise BizenvError(
            f"{total} row(s) cannot be used (--strict); the first of each reason are listed",
            findings=errors,
        )
    read = [*files, job.mapping or mset.root / MAPPING_FILE] if job.quick is None else files
    return run, reporter.id, read

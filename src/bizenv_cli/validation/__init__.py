"""Validate measure files: load them, run the rules, collect findings.

The core of ``bizenv validate``, without click or rich. A path is a measure
folder (the folder holding plan.yaml) or a measure file in one; files are
grouped by folder so plan.yaml, departments.yaml and the plan text are read
once per folder. Rules that need the whole set (contiguous numbers) only run
when the folder itself is validated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bizenv_cli.acknowledgements import Acknowledged
from bizenv_cli.diagnostics import Finding, Level
from bizenv_cli.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, BizenvError
from bizenv_cli.loading.names import (
    DEPARTMENTS_FILE,
    MEASURE_FILE_RE,
    OWN_FILES,
    PLAN_FILE,
    display_path,
    find_root,
)
from bizenv_cli.sanitize import clean as printable

# The models, the YAML loader and the rules are imported where they are used: a few
# measure files validated before with the same inputs and code come from the cache
# (``validation.kept``) without them (issue 16's start-up target).
if TYPE_CHECKING:
    from bizenv_cli.loading.measureset import MeasureSet


@dataclass
class Validation:
    """What validation found: the findings, how many measure files were read, and
    whether some input (plan.yaml, departments.yaml, the plan text) was unusable."""

    files: int = 0
    findings: list[Finding] = field(default_factory=list)
    unusable: bool = False
    acknowledged: list[Acknowledged] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.count for f in self.findings if f.level is Level.error)

    @property
    def warnings(self) -> int:
        return sum(f.count for f in self.findings if f.level is Level.warning)


@dataclass
class Job:
    """One measure folder to load: all of its measure files, or ``only`` these."""

    root: Path
    only: list[Path] | None = None


def exit_code(result: Validation, *, strict: bool = False) -> int:
    """The one place the exit code of a validation is decided."""
    if result.unusable:
        return EXIT_INPUT
    if result.errors or (strict and result.warnings):
        return EXIT_FINDINGS
    return EXIT_OK


def plan_jobs(paths: Sequence[Path]) -> list[Job]:
    """Group ``paths`` by measure folder. BizenvError (exit 3) for a path that is
    missing or neither a measure folder nor a measure file."""
    jobs: dict[Path, Job] = {}
    for path in paths:
        if not path.exists():
            raise BizenvError(f"{printable(str(path))}: no such file or folder")
        root, file = _classify(path)
        key = root.resolve()
        job = jobs.setdefault(key, Job(root, only=[]))
        if file is None:
            job.only = None
        elif job.only is not None and file.resolve() not in {p.resolve() for p in job.only}:
            job.only.append(file)
    return list(jobs.values())


def _classify(path: Path) -> tuple[Path, Path | None]:
    """(measure folder, measure file or None for the whole folder)."""
    shown = printable(str(path))
    if path.is_dir():
        if (path / PLAN_FILE).exists():  # a FIFO plan.yaml is refused when read (L010)
            return path, None
        raise BizenvError(
            f"{shown}: not a measure folder (it has no {PLAN_FILE}): pass the folder holding "
            f"{PLAN_FILE}, {DEPARTMENTS_FILE} and the NN-slug.yaml measure files"
        )
    root = find_root(path)
    if root is not None and path.name in OWN_FILES and path.parent.resolve() == root.resolve():
        return root, None  # plan, departments, calendar, cases: a change can break any measure
    if root is not None and MEASURE_FILE_RE.match(path.name):
        return root, path
    if root is None:
        raise BizenvError(
            f"{shown}: not a measure file: no {PLAN_FILE} in its folder or any parent"
        )
    raise BizenvError(
        f"{shown}: neither a measure folder nor a measure file (measure files are named "
        f"NN-slug.yaml, e.g. 05-power-connection-time.yaml)"
    )


def validate(paths: Sequence[Path], measures_dir: Path | None = None) -> Validation:
    """Validate every path; findings sorted by file and position. With no paths, the
    measure set (``measures_dir``, else $BIZENV_MEASURES, else the nearest measures/);
    submissions are checked against that set, else the one of their own tree."""
    result = Validation()
    submissions = [p for p in paths if _may_be_submission(p) and _is_submission(p)]
    measures = [p for p in paths if p not in submissions]
    if not paths:
        from bizenv_cli.settings import measures_folder

        measures = [measures_folder(measures_dir)]
    for job in plan_jobs(measures):
        _merge(result, _job(job))
    if submissions:
        from bizenv_cli.settings import measures_folder
        from bizenv_cli.validation.submissions import validate_submission_paths

        root = measures_folder(measures_dir, near=submissions[0])
        files, findings = validate_submission_paths(submissions, root)
        result.files += files
        result.findings.extend(findings)
    result.findings.sort()
    return result


def _may_be_submission(path: Path) -> bool:
    """False for what is plainly not a submission (a measure folder, a file named like a
    measure): ``validation.submissions`` and its readers are then not imported."""
    if path.is_dir():
        return not (path / PLAN_FILE).exists()
    return not MEASURE_FILE_RE.match(path.name)


def _is_submission(path: Path) -> bool:
    from bizenv_cli.validation.submissions import is_submission_path

    return is_submission_path(path)


def _merge(result: Validation, part: Validation) -> None:
    result.files += part.files
    result.findings.extend(part.findings)
    result.unusable = result.unusable or part.unusable
    result.acknowledged.extend(part.acknowledged)


def _job(job: Job) -> Validation:
    """One measure folder's validation. A few of its measure files validated before with
    the same bytes of them, of plan.yaml, departments.yaml and the plan text, by the same
    code, come from the cache (``validation.kept``); what is validated is kept there."""
    if job.only is None:
        return _run(job)[0]
    from bizenv_cli.validation import kept

    inputs = kept.Inputs.of(job.root, job.only)
    found = kept.lookup(inputs)
    if found is not None:
        return found
    done, mset = _run(job)
    if mset is not None and not done.unusable:
        kept.keep(inputs, done, mset)
    return done


def _run(job: Job) -> tuple[Validation, MeasureSet | None]:
    from bizenv_cli.loading.measureset import load_measure_set
    from bizenv_cli.reading.files import CODE_IO

    result = Validation()
    try:
        mset, findings = load_measure_set(job.root, job.only)
    except BizenvError as exc:
        result.unusable = True
        shown = display_path(job.root / PLAN_FILE)
        message = exc.message.removeprefix(f"{shown}: ")
        result.findings.extend(exc.findings or [Finding(shown, 0, 0, CODE_IO, message)])
        return result, None
    result.files += len(mset.measures) + len(mset.broken)
    reported, acknowledged = reviewed(mset, findings, whole_set=job.only is None)
    result.findings.extend(reported)
    result.acknowledged.extend(acknowledged)
    if job.only is None:  # the case mapping names targets: checked with the whole set
        from bizenv_cli.cases.mapping import mapping_findings

        targets = {t.id: t for m in mset.measures for t in m.measure.targets}
        result.findings.extend(mapping_findings(mset.root, targets))
        from bizenv_cli.validation.scoring import scoring_findings  # measures/scoring.yaml

        result.findings.extend(scoring_findings(mset))
    return result, mset


def reviewed(
    mset: MeasureSet, loading: list[Finding], *, whole_set: bool = True
) -> tuple[list[Finding], list[Acknowledged]]:
    """The loading findings and the rules' findings, less the warnings the measure files
    acknowledge (returned apart), plus any stale or refused acknowledgement."""
    from bizenv_cli import acknowledgements
    from bizenv_cli.rules import RULES

    found = list(loading)
    ran = [r for r in RULES.values() if whole_set or not r.whole_set]
    for rule in ran:
        found.extend(rule.check(mset))
    warnings = {r.code for r in RULES.values() if r.level is Level.warning}
    return acknowledgements.apply(
        mset, found, warning_codes=warnings, checked_codes={r.code for r in ran}
    )


def run_rules(mset: MeasureSet, *, whole_set: bool = True) -> list[Finding]:
    """The rules' findings that are still reported (acknowledged warnings left out)."""
    return reviewed(mset, [], whole_set=whole_set)[0]

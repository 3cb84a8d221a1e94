"""`bizenv validate` on submissions and waivers files (beside measure files).

A path is taken for a submission when it is a file with a submission suffix
(.yaml, .json, and what the spreadsheet readers add) that is not named like a
measure file, plan.yaml or departments.yaml, or a folder without plan.yaml that
holds such files. A file whose top level has a ``waivers`` key is validated as a
waivers file. Both are checked against the measure set of their own tree, else
``measures/`` in the current folder.
"""

from __future__ import annotations

from pathlib import Path

from bizenv_cli.diagnostics import Finding
from bizenv_cli.errors import BizenvError
from bizenv_cli.loading.files import read_document
from bizenv_cli.loading.measureset import (
    DEPARTMENTS_FILE,
    MEASURE_FILE_RE,
    PLAN_FILE,
    find_root,
    load_usable,
)
from bizenv_cli.loading.submissions import READERS, expand, load_submissions
from bizenv_cli.loading.waivers import load_waivers
from bizenv_cli.loading.yamlsafe import YamlLoadError

DEFAULT_MEASURES = Path("measures")


def _submission_file(path: Path) -> bool:
    name = path.name
    return (
        path.suffix.lower() in READERS
        and not MEASURE_FILE_RE.match(name)
        and name not in (PLAN_FILE, DEPARTMENTS_FILE)
    )


def is_submission_path(path: Path) -> bool:
    # Not only regular files: a FIFO named like a submission is refused by the loader.
    if path.is_dir():
        if (path / PLAN_FILE).exists():
            return False
        return any(not p.is_dir() and _submission_file(p) for p in path.iterdir())
    return path.exists() and _submission_file(path)


def _is_waivers(path: Path) -> bool:
    if path.suffix.lower() not in (".yaml", ".yml", ".json"):
        return False
    try:
        data = read_document(path).data
    except YamlLoadError:
        return False
    return isinstance(data, dict) and "waivers" in data


def validate_submission_paths(paths: list[Path]) -> tuple[int, list[Finding]]:
    """(number of files read, findings) for submission and waivers files or folders."""
    root = find_root(paths[0]) or DEFAULT_MEASURES
    if not (root / PLAN_FILE).exists():
        raise BizenvError(
            f"{paths[0]}: validating a submission needs the measures: run from the folder "
            f"that holds {DEFAULT_MEASURES}/"
        )
    measure_set = load_usable(root)  # the rules too: a set they reject checks nothing
    files, findings = expand(paths)
    waivers = [p for p in files if _is_waivers(p)]
    for path in waivers:
        findings.extend(load_waivers(path, measure_set)[1])
    submissions = [p for p in files if p not in waivers]
    problems = load_submissions(submissions, measure_set)[1] if submissions else []
    return len(files), sorted(set(findings) | set(problems))

"""`bizenv validate` on submissions and waivers files (beside measure files).

A path is taken for a submission when it is a file with a submission suffix
(.yaml, .json, and what the spreadsheet readers add) that is not named like a
measure file, plan.yaml or departments.yaml, or a folder without plan.yaml that
holds such files. A file whose top level has a ``waivers`` key is validated as a
waivers file. Both are checked against the measure set the caller found
(``loading.discover``: --measures, $BIZENV_MEASURES, their own tree, the nearest measures/).
"""

from __future__ import annotations

from pathlib import Path

from bizenv_cli.diagnostics import Finding
from bizenv_cli.loading.measureset import (
    DEPARTMENTS_FILE,
    MEASURE_FILE_RE,
    OWN_FILES,
    PLAN_FILE,
    display_path,
)
from bizenv_cli.loading.submissions import READERS, expand, load_submissions
from bizenv_cli.loading.waivers import load_waivers
from bizenv_cli.reading.files import read_document
from bizenv_cli.reading.yamlsafe import Document, YamlLoadError
from bizenv_cli.validation.pipeline import load_usable

_YAML = (".yaml", ".yml", ".json")


def _submission_file(path: Path) -> bool:
    name = path.name
    return (
        path.suffix.lower() in READERS
        and not MEASURE_FILE_RE.match(name)
        and name not in (PLAN_FILE, DEPARTMENTS_FILE)
        # calendar.yaml, cases.yaml beside a plan.yaml belong to that measure set
        and not (name in OWN_FILES and (path.parent / PLAN_FILE).is_file())
    )


def is_submission_path(path: Path) -> bool:
    # Not only regular files: a FIFO named like a submission is refused by the loader.
    if path.is_dir():
        if (path / PLAN_FILE).exists():
            return False
        return any(not p.is_dir() and _submission_file(p) for p in path.iterdir())
    return path.exists() and _submission_file(path)


def _read_yaml(files: list[Path]) -> tuple[dict[Path, Document], list[Finding]]:
    """Each YAML/JSON file read and parsed once (spreadsheets are left to their readers);
    the findings of those that cannot be read."""
    documents: dict[Path, Document] = {}
    findings: list[Finding] = []
    for path in files:
        if path.suffix.lower() in _YAML:
            try:
                documents[path] = read_document(path, display_path(path))
            except YamlLoadError as exc:
                findings.extend(exc.findings)
    return documents, findings


def _is_waivers(doc: Document) -> bool:
    return isinstance(doc.data, dict) and "waivers" in doc.data


def validate_submission_paths(paths: list[Path], root: Path) -> tuple[int, list[Finding]]:
    """(number of files read, findings) for submission and waivers files or folders,
    checked against the measure set in ``root``."""
    measure_set = load_usable(root)  # the rules too: a set they reject checks nothing
    files, findings = expand(paths)
    documents, unreadable = _read_yaml(files)
    findings.extend(unreadable)
    waivers = [p for p, doc in documents.items() if _is_waivers(doc)]
    for path in waivers:
        findings.extend(load_waivers(path, measure_set, doc=documents[path])[1])
    # a YAML file that could not be read is reported above, once; spreadsheets are read later
    submissions = [
        p for p in files if p not in waivers and (p in documents or p.suffix.lower() not in _YAML)
    ]
    problems = (
        load_submissions(submissions, measure_set, documents=documents)[1] if submissions else []
    )
    return len(files), sorted(set(findings) | set(problems))

"""Load a measure set: plan.yaml, departments.yaml, the plan text and NN-*.yaml measures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from bizenv_cli.departments import DepartmentIndex
from bizenv_cli.diagnostics import Finding
from bizenv_cli.errors import BizenvError
from bizenv_cli.loading.locate import validate_document
from bizenv_cli.loading.names import (
    CALENDAR_FILE,
    CASES_FILE,
    DEPARTMENTS_FILE,
    MEASURE_FILE_RE,
    OWN_FILES,
    PLAN_FILE,
    display_path,
    find_root,
)
from bizenv_cli.models import Departments, Measure, Plan
from bizenv_cli.reading.decode import DecodeError, decode_utf8
from bizenv_cli.reading.files import read_capped, read_document
from bizenv_cli.reading.yamlsafe import CODE_SIZE, PositionMap, YamlLoadError

MAX_MEASURE_BYTES = 1024 * 1024
MAX_MEASURE_NODES = 10_000  # the largest measure file has about 100
MAX_PLAN_TEXT_BYTES = 8 * 1024 * 1024

M = TypeVar("M", bound=BaseModel)


@dataclass
class LoadedMeasure:
    measure: Measure
    path: str  # as displayed in findings
    positions: PositionMap


@dataclass
class MeasureSet:
    root: Path
    plan: Plan
    plan_path: str
    plan_text: str
    departments: Departments
    departments_path: str
    measures: list[LoadedMeasure] = field(default_factory=list)
    # Files named like measures that failed to load (kept so rules skip them quietly).
    broken: list[str] = field(default_factory=list)
    plan_positions: PositionMap | None = None

    def __post_init__(self) -> None:
        self.index = DepartmentIndex(self.departments.departments)

    def by_number(self) -> dict[int, LoadedMeasure]:
        return {m.measure.number: m for m in self.measures}


def measure_files(root: Path) -> list[Path]:
    # Not only regular files: a FIFO or device named like a measure is refused when read.
    return sorted(p for p in root.iterdir() if not p.is_dir() and MEASURE_FILE_RE.match(p.name))


def load_measure_set(
    root: Path, only: list[Path] | None = None
) -> tuple[MeasureSet, list[Finding]]:
    """Load everything under ``root``. Raises BizenvError when plan or departments are unusable.

    ``only`` restricts which measure files are loaded (the others are not read).
    """
    findings: list[Finding] = []
    plan_path = root / PLAN_FILE
    plan, plan_display, plan_positions = load_required(plan_path, Plan)
    departments, dep_display, _ = load_required(root / DEPARTMENTS_FILE, Departments)
    text_path = (root / plan.text).resolve()
    try:
        data = read_capped(text_path, MAX_PLAN_TEXT_BYTES)
        if len(data) > MAX_PLAN_TEXT_BYTES:
            shown = display_path(text_path)
            message = f"file is over the {MAX_PLAN_TEXT_BYTES:,}-byte limit of the plan text"
            finding = Finding(shown, 0, 0, CODE_SIZE, message)
            raise BizenvError(f"{shown}: {message}", findings=[finding])
        plan_text = decode_utf8(data, display_path(text_path))
    except OSError as exc:
        raise BizenvError(
            f"{plan_display}: plan text {plan.text!r} cannot be read: {exc.strerror or exc}"
        ) from None
    except DecodeError as exc:
        raise BizenvError(exc.finding.message, findings=[exc.finding]) from None
    mset = MeasureSet(root, plan, plan_display, plan_text, departments, dep_display)
    mset.plan_positions = plan_positions
    for path in only if only is not None else measure_files(root):
        shown = display_path(path)
        try:
            doc = read_document(
                path, shown, max_bytes=MAX_MEASURE_BYTES, max_nodes=MAX_MEASURE_NODES
            )
        except YamlLoadError as exc:
            findings.extend(exc.findings)
            mset.broken.append(shown)
            continue
        measure, problems = validate_document(Measure, doc, shown)
        findings.extend(problems)
        if measure is None:
            mset.broken.append(shown)
        else:
            mset.measures.append(LoadedMeasure(measure, shown, doc.positions))
    mset.measures.sort(key=lambda m: (m.measure.number, m.path))
    return mset, findings


def load_required(path: Path, model: type[M]) -> tuple[M, str, PositionMap]:
    """A data file that must be usable as ``model``: (the model, the display path, the
    positions); BizenvError (exit 3) with the findings otherwise."""
    shown = display_path(path)
    try:
        doc = read_document(path, shown)
    except YamlLoadError as exc:
        raise BizenvError(f"{shown} cannot be used", findings=exc.findings) from None
    obj, problems = validate_document(model, doc, shown)
    if obj is None:
        raise BizenvError(f"{shown} does not match its schema", findings=problems)
    return obj, shown, doc.positions


__all__ = [
    "CALENDAR_FILE",
    "CASES_FILE",
    "DEPARTMENTS_FILE",
    "MEASURE_FILE_RE",
    "OWN_FILES",
    "PLAN_FILE",
    "display_path",
    "find_root",
]

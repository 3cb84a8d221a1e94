"""JSON Schemas generated from the models: never written by hand.

Every schema bizenv publishes is one entry in ``SCHEMAS``; adding a model
there adds ``schemas/<name>.schema.json`` to ``bizenv schema`` and to
``bizenv schema --check``. Editors pick the files up through the first line
of each data file: ``# yaml-language-server: $schema=../schemas/<name>.schema.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bizenv_cli.evaluation.result import CheckResult
from bizenv_cli.fileio import write_atomic
from bizenv_cli.history.diff_model import DiffResult
from bizenv_cli.history.model import HistoryResult
from bizenv_cli.models import Departments, Measure, Plan
from bizenv_cli.models.calendar import CalendarFile
from bizenv_cli.models.casemap import CaseMap
from bizenv_cli.models.ledger import Ledger
from bizenv_cli.models.scoring import ScoringRules
from bizenv_cli.models.settings import Settings
from bizenv_cli.models.submission import Submission
from bizenv_cli.models.supervision import SupervisionRules
from bizenv_cli.models.waiver import Waivers
from bizenv_cli.reading.files import read_capped

MAX_SCHEMA_BYTES = 1024 * 1024
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@dataclass(frozen=True)
class SchemaEntry:
    model: type[BaseModel]
    title: str


# name -> what to generate. The file is ``<name>.schema.json``; the name is also the ``$id``'s stem.
SCHEMAS: dict[str, SchemaEntry] = {
    "plan": SchemaEntry(Plan, "bizenv plan (measures/plan.yaml)"),
    "departments": SchemaEntry(Departments, "bizenv departments (measures/departments.yaml)"),
    "measure": SchemaEntry(Measure, "bizenv measure (measures/NN-slug.yaml)"),
    "submission": SchemaEntry(Submission, "bizenv submission (what a department reports)"),
    "waivers": SchemaEntry(Waivers, "bizenv waivers (approved exemptions for targets)"),
    "calendar": SchemaEntry(CalendarFile, "bizenv calendar (measures/calendar.yaml)"),
    "cases": SchemaEntry(CaseMap, "bizenv case mapping (measures/cases.yaml)"),
    "settings": SchemaEntry(Settings, "bizenv settings (bizenv.toml)"),
    "supervision": SchemaEntry(SupervisionRules, "bizenv supervision (measures/supervision.yaml)"),
    "ledger": SchemaEntry(Ledger, "bizenv supervision ledger (督办台账)"),
    "scoring": SchemaEntry(ScoringRules, "bizenv scoring rules (measures/scoring.yaml)"),
    "check-result": SchemaEntry(CheckResult, "bizenv check --format json output"),
    "history": SchemaEntry(HistoryResult, "bizenv history --format json output"),
    "diff": SchemaEntry(DiffResult, "bizenv diff --format json output"),
}


def file_name(name: str) -> str:
    return f"{name}.schema.json"


def build_schema(name: str) -> dict[str, Any]:
    """The schema for ``SCHEMAS[name]``: ``$schema``, ``$id``, ``title``, ``description`` first."""
    entry = SCHEMAS[name]
    generated = entry.model.model_json_schema()
    generated.pop("title", None)
    schema: dict[str, Any] = {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": file_name(name),
        "title": entry.title,
    }
    if "description" in generated:
        schema["description"] = generated.pop("description")
    schema.update(generated)
    if "$defs" in schema:
        defs = schema.pop("$defs")
        schema["$defs"] = {key: defs[key] for key in sorted(defs)}
    return schema


def render_schema(name: str) -> str:
    """The exact text of the schema file: indent 2, UTF-8 text kept, trailing newline."""
    return json.dumps(build_schema(name), indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class SchemaStatus:
    name: str
    path: Path
    state: str  # "current", "stale" or "missing"


def schema_status(output_dir: Path) -> list[SchemaStatus]:
    """How each registered schema file in ``output_dir`` compares with the models."""
    statuses = []
    for name in SCHEMAS:
        path = output_dir / file_name(name)
        try:
            # A FIFO or device in the folder is refused, not read (it would block).
            on_disk: str | None = read_capped(path, MAX_SCHEMA_BYTES).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            on_disk = None
        if on_disk is None:
            state = "missing"
        else:
            state = "current" if on_disk == render_schema(name) else "stale"
        statuses.append(SchemaStatus(name, path, state))
    return statuses


def write_schemas(output_dir: Path) -> list[SchemaStatus]:
    """Write every schema whose file is missing or stale; return what each file was before."""
    output_dir.mkdir(parents=True, exist_ok=True)
    statuses = schema_status(output_dir)
    for status in statuses:
        if status.state != "current":
            write_atomic(status.path, render_schema(status.name))
    return statuses

"""`bizenv diff --format json`: DiffResult (schemas/diff.schema.json)."""

from __future__ import annotations

from bizenv_cli.history.diff_model import DiffResult
from bizenv_cli.sanitize import json_safe


def render(result: DiffResult) -> str:
    # As `check --format json`: C0 escaped by the serializer, C1 and bidi by json_safe.
    return json_safe(result.model_dump_json(indent=2)) + "\n"

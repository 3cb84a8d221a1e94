"""`bizenv history --format json`: HistoryResult (schemas/history.schema.json)."""

from __future__ import annotations

from bizenv_cli.history.model import HistoryResult
from bizenv_cli.sanitize import json_safe


def render(result: HistoryResult) -> str:
    # As `check --format json`: C0 escaped by the serializer, C1 and bidi by json_safe.
    return json_safe(result.model_dump_json(indent=2)) + "\n"

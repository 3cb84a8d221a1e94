"""`bizenv history --format json`: HistoryResult (schemas/history.schema.json)."""

from __future__ import annotations

from bizenv_cli.history.model import HistoryResult


def render(result: HistoryResult) -> str:
    return result.model_dump_json(indent=2) + "\n"

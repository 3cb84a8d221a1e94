"""`bizenv diff --format json`: DiffResult (schemas/diff.schema.json)."""

from __future__ import annotations

from bizenv_cli.history.diff_model import DiffResult


def render(result: DiffResult) -> str:
    return result.model_dump_json(indent=2) + "\n"

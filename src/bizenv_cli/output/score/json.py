"""`bizenv score --format json`: {"year", "rules", "units": [...]} (docs/score.md)."""

from __future__ import annotations

from bizenv_cli.i18n import Messages
from bizenv_cli.sanitize import json_safe
from bizenv_cli.scoring.model import ScoreResult


def render(result: ScoreResult, msg: Messages) -> str:
    # The same in both languages (as check's JSON): ``why`` is English.
    return json_safe(result.model_dump_json(indent=2)) + "\n"

"""`bizenv check --format json`: CheckResult as JSON (schemas/check-result.schema.json)."""

from __future__ import annotations

import json

from bizenv_cli.evaluation.result import CheckResult
from bizenv_cli.reporters.check_common import ReportContext


def render(result: CheckResult, ctx: ReportContext) -> str:
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"

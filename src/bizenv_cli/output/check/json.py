"""`bizenv check --format json`: CheckResult as JSON (schemas/check-result.schema.json)."""

from __future__ import annotations

from bizenv_cli.evaluation.result import CheckResult
from bizenv_cli.output.check.common import ReportContext
from bizenv_cli.sanitize import json_safe


def render(result: CheckResult, ctx: ReportContext) -> str:
    # pydantic's own serializer: the same text as json.dumps(indent=2), several times faster.
    # json_safe: pydantic, like json.dumps, escapes only C0; C1 and bidi become \uXXXX.
    return json_safe(result.model_dump_json(indent=2)) + "\n"

"""Evaluation: submissions and waivers against the measure set on one date (pure, no I/O).

``evaluate(measure_set, submissions, as_of=..., waivers=..., due_within=30)``
returns a ``CheckResult`` (evaluation/result.py) with one status per target.
"""

from bizenv_cli.evaluation.engine import evaluate
from bizenv_cli.evaluation.result import CheckResult, Status, TargetResult

__all__ = ["CheckResult", "Status", "TargetResult", "evaluate"]

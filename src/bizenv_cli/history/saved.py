"""Read a saved `bizenv check --format json` result (for `diff` and `check --baseline`).

Anything else is input that cannot be used (exit 3) with a message that says what the
file is not: unreadable, not UTF-8, not JSON (truncated: the line and column), JSON of
another shape (the first field that does not fit), or a check of a different plan.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import NoReturn

from pydantic import ValidationError

from bizenv_cli.errors import EXIT_INPUT, BizenvError
from bizenv_cli.evaluation.result import CheckResult
from bizenv_cli.models.base import Bilingual

HINT = "give a file written by `bizenv check --format json`"


def _fail(path: Path, what: str) -> NoReturn:
    raise BizenvError(f"{path}: {what}; {HINT}", exit_code=EXIT_INPUT)


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large to be a number")
    return value


def load_saved_check(path: Path) -> CheckResult:
    """The CheckResult saved in ``path``; BizenvError (exit 3) for anything else."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        _fail(path, f"cannot read it ({exc.strerror or exc})")
    try:
        text = raw.decode("utf-8-sig")  # a BOM from a Windows editor is fine
    except UnicodeDecodeError as exc:
        _fail(path, f"not UTF-8 text (byte {exc.start})")
    try:
        json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        _fail(path, f"line {exc.lineno} column {exc.colno}: not valid JSON ({exc.msg})")
    except ValueError as exc:
        _fail(path, f"not usable JSON ({exc})")
    except RecursionError:
        _fail(path, "not usable JSON (nested too deeply)")
    try:
        result = CheckResult.model_validate_json(text)
    except ValidationError as exc:
        from bizenv_cli.loading.locate import plain_message

        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the top level"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        _fail(path, f"not a saved check result: {where}: {plain_message(first)}{more}")
    seen: set[str] = set()
    for row in result.results:
        if row.target in seen:
            _fail(path, f"not a saved check result: target {row.target} appears twice")
        seen.add(row.target)
    return result


def same_plan(path: Path, saved: CheckResult, plan: Bilingual) -> None:
    """Exit 3 when ``saved`` was checked against another plan."""
    if saved.plan != plan:
        raise BizenvError(
            f"{path}: a check of another plan ({saved.plan.zh!r}, not {plan.zh!r}); "
            "compare results of the same plan",
            exit_code=EXIT_INPUT,
        )

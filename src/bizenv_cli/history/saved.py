"""Read a saved `bizenv check --format json` result (for `diff` and `check --baseline`).

Anything else is input that cannot be used (exit 3) with a finding at the file (and line
and column where there is one) that says what the file is not: unreadable or not a
regular file (H001, checked before anything opens it: a FIFO or /dev/zero is never
read), not UTF-8 or not JSON (H002: truncated, the line and column), JSON of another
shape (H003: the first field that does not fit, at its line), a check of a different plan
(H004).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ValidationError

from bizenv_cli.diagnostics import Finding
from bizenv_cli.errors import EXIT_INPUT, BizenvError
from bizenv_cli.evaluation.result import CheckResult
from bizenv_cli.models.base import Bilingual
from bizenv_cli.sanitize import quoted

HINT = "give a file written by `bizenv check --format json`"
CODE_READ = "H001"
CODE_JSON = "H002"
CODE_SHAPE = "H003"
CODE_PLAN = "H004"
# A saved check is about 2 KB per target (200 KB for the shipped plan of 101 targets).
MAX_SAVED_BYTES = 64 * 1024 * 1024
# Looking up the line of a field re-reads the file with positions: only up to this size.
_LOCATE_BYTES = 2 * 1024 * 1024


def _fail(path: Path, what: str, code: str, line: int = 0, col: int = 0) -> NoReturn:
    finding = Finding(str(path), line, col, code, what)
    raise BizenvError(f"{path} cannot be used; {HINT}", exit_code=EXIT_INPUT, findings=[finding])


class _BadNumber(ValueError):
    def __init__(self, literal: str, why: str) -> None:
        super().__init__(f"{literal} {why}")
        self.literal = literal


def _no_constant(name: str) -> float:
    raise _BadNumber(name, "is not a number JSON allows")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadNumber(text, "is too large to be a number")
    return value


def _read(path: Path) -> bytes:
    from bizenv_cli.reading.files import read_capped, require_regular

    try:
        size = require_regular(path).st_size
        if size > MAX_SAVED_BYTES:
            _fail(path, f"file is {size:,} bytes; the limit is {MAX_SAVED_BYTES:,}", CODE_READ)
        raw = read_capped(path, MAX_SAVED_BYTES)
    except RuntimeError:  # a loop of symbolic links, before Python 3.13
        _fail(path, "cannot read it (a loop of symbolic links)", CODE_READ)
    except OSError as exc:
        _fail(path, f"cannot read it ({_why(exc)})", CODE_READ)
    if len(raw) > MAX_SAVED_BYTES:  # it grew while being read
        _fail(path, f"file is over the {MAX_SAVED_BYTES:,}-byte limit", CODE_READ)
    return raw


def _why(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "a loop of symbolic links"
    return str(exc.strerror or exc)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def load_saved_check(path: Path) -> CheckResult:
    """The CheckResult saved in ``path``; BizenvError (exit 3) for anything else."""
    raw = _read(path)
    try:
        text = raw.decode("utf-8-sig")  # a BOM from a Windows editor is fine
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        _fail(path, f"not UTF-8 text (byte {exc.start})", CODE_JSON, line, 1)
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        what = f"line {exc.lineno} column {exc.colno}: not valid JSON ({exc.msg})"
        _fail(path, what, CODE_JSON, exc.lineno, exc.colno)
    except _BadNumber as exc:
        found = re.search(rf"(?<![\w.]){re.escape(exc.literal)}(?![\w.])", text)
        line, col = _position(text, found.start()) if found else (0, 0)
        _fail(path, f"not usable JSON ({exc})", CODE_JSON, line, col)
    except (ValueError, RecursionError) as exc:  # a 5,000-digit integer; [[[[...
        why = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        _fail(path, f"not usable JSON ({why})", CODE_JSON)
    try:
        result = CheckResult.model_validate_json(text)
    except ValidationError as exc:
        from bizenv_cli.loading.locate import plain_message

        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the top level"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        line, col = _field_position(text, data, first["loc"])
        what = f"not a saved check result: {where}: {plain_message(first)}{more}"
        _fail(path, what, CODE_SHAPE, line, col)
    seen: set[str] = set()
    for index, row in enumerate(result.results):
        if row.target in seen:
            at: tuple[int | str, ...] = ("results", index, "target")
            line, col = _field_position(text, data, at)
            what = f"not a saved check result: target {row.target} appears twice"
            _fail(path, what, CODE_SHAPE, line, col)
        seen.add(row.target)
    return result


def _field_position(text: str, data: Any, loc: tuple[int | str, ...]) -> tuple[int, int]:
    """Where the field at ``loc`` is written (0, 0 when the file is too large to look)."""
    if len(text) > _LOCATE_BYTES:
        return 0, 0
    from bizenv_cli.loading.locate import align
    from bizenv_cli.reading.yamlsafe import YamlLoadError, load_yaml

    try:
        doc = load_yaml(text, "", max_nodes=10 * _LOCATE_BYTES)
    except YamlLoadError:
        return 0, 0
    key = align(data, loc)
    pos = doc.positions.value_pos(key) or doc.positions.key_pos(key)
    while pos is None and key:
        key = key[:-1]
        pos = doc.positions.value_pos(key) or doc.positions.key_pos(key)
    return (pos.line, pos.col) if pos else (0, 0)


def same_plan(path: Path, saved: CheckResult, plan: Bilingual) -> None:
    """Exit 3 when ``saved`` was checked against another plan."""
    if saved.plan != plan:
        title = "zh" if saved.plan.zh != plan.zh else "en"
        theirs, ours = getattr(saved.plan, title), getattr(plan, title)
        what = (
            f"a check of another plan ({quoted(theirs)}, not {quoted(ours)}); "
            "compare results of the same plan"
        )
        finding = Finding(str(path), 0, 0, CODE_PLAN, what)
        raise BizenvError(f"{path}: {what}", exit_code=EXIT_INPUT, findings=[finding])

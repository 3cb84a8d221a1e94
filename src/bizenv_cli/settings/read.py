"""Read ``bizenv.toml``: a small regular file, UTF-8, valid TOML, and the ``Settings`` model.

Every problem is a finding at the file's line and column (exit 3); the line of each key is
kept so that a value that cannot be used later (a folder that does not exist) is named at
its line too."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from bizenv_cli.diagnostics import Finding
from bizenv_cli.errors import BizenvError
from bizenv_cli.reading.decode import DecodeError, decode_utf8
from bizenv_cli.reading.regular import read_capped, require_regular

if TYPE_CHECKING:
    from bizenv_cli.models.settings import Settings

CODE_SETTINGS = "S001"
MAX_BYTES = 64 * 1024  # a settings file is a few lines
_DECODE_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


def key_lines(text: str) -> dict[str, int]:
    """'lang' -> 3, 'office.notice_prefix' -> 7: the line of each plain key (the forms
    a settings file uses: top-level keys and one level of [table])."""
    lines: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if found := _TABLE.match(line):
            table = found[1] + "."
            lines.setdefault(found[1], number)
        elif found := _KEY.match(line):
            lines.setdefault(table + found[1], number)
    return lines


def _fail(shown: str, line: int, col: int, message: str) -> BizenvError:
    return BizenvError(
        f"{shown} cannot be used",
        findings=[Finding(shown, line, col, CODE_SETTINGS, message)],
    )


def read_settings(path: Path, shown: str) -> tuple[Settings, dict[str, int]]:
    """The settings at ``path`` and the line of each key; BizenvError (exit 3) otherwise."""
    import tomllib

    try:
        size = require_regular(path).st_size
        if size > MAX_BYTES:
            raise _fail(shown, 0, 0, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
        data = read_capped(path, MAX_BYTES)
    except OSError as exc:
        raise _fail(shown, 0, 0, f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise _fail(shown, 0, 0, f"file is over the {MAX_BYTES:,}-byte limit")
    try:
        text = decode_utf8(data, shown)
    except DecodeError as exc:
        raise BizenvError(f"{shown} cannot be used", findings=[exc.finding]) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = _DECODE_AT.search(str(exc))
        line, col = (int(at[1]), int(at[2])) if at else (0, 0)
        why = _DECODE_AT.sub("", str(exc)).strip()
        raise _fail(shown, line, col, f"not valid TOML: {why}") from None
    lines = key_lines(text)
    return _validate(raw, shown, lines), lines


def _validate(raw: dict[str, object], shown: str, lines: dict[str, int]) -> Settings:
    from pydantic import ValidationError

    from bizenv_cli.models.settings import Settings
    from bizenv_cli.sanitize import shown as printable

    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        findings = []
        for error in exc.errors():
            key = ".".join(str(part) for part in error["loc"])
            line = lines.get(key) or lines.get(key.split(".")[0], 0)
            if error["type"] == "extra_forbidden":
                message = f"unknown key {printable(key)}: the keys are measures, waivers, " \
                    "lang and [office] name, short_name, notice_prefix"
            else:
                message = f"{printable(key)}: {error['msg']}"
            findings.append(Finding(shown, line, 1 if line else 0, CODE_SETTINGS, message))
        raise BizenvError(f"{shown} does not match its schema", findings=findings) from None

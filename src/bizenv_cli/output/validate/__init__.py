"""Registry of the formats findings can be written in (``bizenv validate --format``).

Each format is a module with ``write(result, stream, *, color)``; modules are
imported only when used, so rich is loaded only for colour output.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from bizenv_cli.validation import Validation

    Writer = Callable[..., None]

FORMATS: dict[str, str] = {
    "text": "bizenv_cli.output.validate.text",
    "json": "bizenv_cli.output.validate.json",
    "github": "bizenv_cli.output.validate.github",
}


def write(
    fmt: str, result: Validation, stream: TextIO, *, color: bool = False, lang: str = "en"
) -> None:
    """``lang`` is the summary line's language, for text only (json and github are read
    by programs; finding messages are English in every format)."""
    module = importlib.import_module(FORMATS[fmt])
    writer: Writer = module.write
    if fmt == "text":
        writer(result, stream, color=color, lang=lang)
    else:
        writer(result, stream, color=color)


def printable(text: str) -> str:
    """``text`` with control characters written as escapes (``\\x1b``, ``\\n``): a file
    name or message from the files checked never drives the terminal or splits a line.
    (The one sanitizer, ``bizenv_cli.sanitize.clean``.)"""
    from bizenv_cli.sanitize import clean

    return clean(text)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary(result: Validation, lang: str = "en") -> str:
    """'54 files, 0 errors, 4 warnings' (', 8 acknowledged' when some are);
    in zh '54 个文件, 0 个错误, 4 个警告'."""
    if lang == "zh":
        text = f"{result.files} 个文件, {result.errors} 个错误, {result.warnings} 个警告"
        return text + (f", {len(result.acknowledged)} 个已确认" if result.acknowledged else "")
    parts = [
        plural(result.files, "file"),
        plural(result.errors, "error"),
        plural(result.warnings, "warning"),
    ]
    if result.acknowledged:
        parts.append(f"{len(result.acknowledged)} acknowledged")
    return ", ".join(parts)

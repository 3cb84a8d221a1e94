"""Read a file from disk under a size cap and parse it as safe YAML (or JSON, a YAML subset)."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from bizenv_cli.diagnostics import Finding
from bizenv_cli.reading.decode import DecodeError, decode_utf8
from bizenv_cli.reading.yamlsafe import (
    CODE_SIZE,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_NODES,
    Document,
    YamlLoadError,
    load_yaml,
)

CODE_IO = "L010"


def read_document(
    path: Path,
    display: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Document:
    """The document at ``path``; YamlLoadError with findings for anything unusable."""
    shown = display or str(path)
    try:
        size = require_regular(path).st_size
        if size > max_bytes:
            raise YamlLoadError(
                [
                    Finding(
                        shown,
                        0,
                        0,
                        CODE_SIZE,
                        f"file is {size:,} bytes; the limit is {max_bytes:,}",
                    )
                ]
            )
        data = read_capped(path, max_bytes)
    except OSError as exc:
        raise YamlLoadError(
            [Finding(shown, 0, 0, CODE_IO, f"cannot read file: {exc.strerror or exc}")]
        ) from None
    if len(data) > max_bytes:
        raise YamlLoadError(
            [Finding(shown, 0, 0, CODE_SIZE, f"file is over the {max_bytes:,}-byte limit")]
        )
    try:
        text = decode_utf8(data, shown)
    except DecodeError as exc:
        raise YamlLoadError([exc.finding]) from None
    if path.suffix.lower() == ".json":
        text = _json_surrogates_as_yaml(text)
    return load_yaml(text, shown, max_nodes=max_nodes)


# A JSON string; in it, a backslash escape, or a UTF-16 surrogate pair (🚀 is \ud83d\ude80).
_JSON_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_ESCAPE_RE = re.compile(r"\\(?:u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})|.)", re.IGNORECASE)


def _json_surrogates_as_yaml(text: str) -> str:
    """JSON is read as YAML (which keeps every position), but YAML has no surrogate-pair
    escapes, and ``json.dumps`` writes them for emoji and rare CJK characters: rewrite
    each 12-character pair as YAML's 10-character ``\\U`` escape, padding after the
    closing quote so what follows keeps its column."""

    def string(match: re.Match[str]) -> str:
        count = 0

        def escape(pair: re.Match[str]) -> str:
            nonlocal count
            if pair[1] is None:
                return pair[0]
            count += 1
            high, low = int(pair[1], 16), int(pair[2], 16)
            return f"\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08x}"

        return _ESCAPE_RE.sub(escape, match[0]) + "  " * count

    return _JSON_STRING_RE.sub(string, text) if "\\u" in text else text


def read_capped(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of ``path``: a file that grows cannot fill the
    memory, and a FIFO or device is refused (NotRegularFile) rather than read."""
    with open_regular(path) as stream:
        return stream.read(max_bytes + 1)


class NotRegularFile(OSError):
    """An input that is a FIFO, a device, a socket or a folder: never opened for reading
    (a FIFO would block until someone writes, /dev/zero never ends). An OSError, so
    every reader's "cannot read file: ..." finding names it:
    ``cannot read file: not a regular file (a FIFO)``."""


_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def file_kind(mode: int) -> str:
    """'a FIFO', 'a character device'...: what a non-regular file is, for a message."""
    return next((kind for test, kind in _KINDS if test(mode)), "not a file")


def require_regular(path: Path) -> os.stat_result:
    """The stat of ``path`` (links followed) if it is a regular file; NotRegularFile
    otherwise, before anything opens it. Other OSErrors (missing file) pass through."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(
            errno.EINVAL, f"not a regular file ({file_kind(info.st_mode)})", str(path)
        )
    return info


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading in binary, only if it is a regular file: checked
    before opening, and again on the open file (opened non-blocking, so a file swapped
    for a FIFO in between cannot block either)."""
    require_regular(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, f"not a regular file ({file_kind(mode)})", str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise

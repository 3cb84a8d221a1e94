"""Read a file from disk under a size cap and parse it as safe YAML (or JSON, a YAML subset)."""

from __future__ import annotations

import re
from pathlib import Path

from bizenv_cli.diagnostics import Finding
from bizenv_cli.reading.decode import DecodeError, decode_utf8
from bizenv_cli.reading.regular import (
    NotRegularFile,
    file_kind,
    open_regular,
    read_capped,
    require_regular,
)
from bizenv_cli.reading.yamlsafe import (
    CODE_SIZE,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_NODES,
    Document,
    YamlLoadError,
    load_yaml,
)

CODE_IO = "L010"
__all__ = [
    "CODE_IO",
    "NotRegularFile",
    "file_kind",
    "open_regular",
    "read_capped",
    "read_document",
    "require_regular",
]


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

"""Read a file from disk under a size cap and parse it as safe YAML (or JSON, a YAML subset)."""

from __future__ import annotations

from pathlib import Path

from bizenv_cli.diagnostics import Finding
from bizenv_cli.loading.decode import DecodeError, decode_utf8
from bizenv_cli.loading.yamlsafe import (
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
        size = path.stat().st_size
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
    return load_yaml(text, shown, max_nodes=max_nodes)


def read_capped(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of ``path``: a device or a file that grows
    (``/dev/zero``) cannot fill the memory."""
    with path.open("rb") as stream:
        return stream.read(max_bytes + 1)

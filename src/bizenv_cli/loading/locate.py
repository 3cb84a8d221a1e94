"""Turn pydantic validation errors into findings at the right file:line:col.

pydantic's ``loc`` mixes data keys with non-data parts (a discriminated
union's tag, a plain union's member name, function-validator names). We walk
the data alongside the loc, consuming only the parts that are real keys or
indexes, and then point at: the key for an unknown key, the parent for a
missing one, the ``kind`` value for a bad tag, otherwise the value.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bizenv_cli.diagnostics import Finding
from bizenv_cli.loading.yamlsafe import YAML11_SURPRISE_RE, Document, PathKey, Pos

CODE_SCHEMA = "S001"

M = TypeVar("M", bound=BaseModel)


def align(data: Any, loc: tuple[int | str, ...]) -> PathKey:
    """The part of ``loc`` that addresses real data."""
    path: list[str | int] = []
    node = data
    for part in loc:
        is_key = isinstance(node, dict) and isinstance(part, str) and part in node
        is_index = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if is_key or is_index:
            path.append(part)
            node = node[part]
    return tuple(path)


def _dotted(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _message(err: Any, doc: Document, path: PathKey) -> str:
    kind = err["type"]
    where = _dotted(path)
    loc = err["loc"]
    if kind == "extra_forbidden":
        hint = "check the spelling; see the schema for allowed keys"
        return f"{where}: unknown key {loc[-1]!r} ({hint})"
    if kind == "missing":
        return f"{where}: missing required key {loc[-1]!r}"
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    text = f"{where}: {msg}"
    value = err.get("input")
    if (
        isinstance(value, str)
        and doc.positions.is_plain(path)
        and YAML11_SURPRISE_RE.fullmatch(value)
    ):
        text += f" ('{value}' was read as text; quote it or write the intended value plainly)"
    elif (
        isinstance(value, int | float | bool)
        and doc.positions.is_plain(path)
        and kind.startswith("string")
    ):
        text += " (write it in quotes to make it text)"
    return text


def _position(err: Any, doc: Document, path: PathKey) -> Pos:
    kind = err["type"]
    positions = doc.positions
    if kind == "extra_forbidden":
        extra = (*path, err["loc"][-1]) if path and path[-1] != err["loc"][-1] else path
        return positions.key_pos(extra) or positions.key_pos(path) or Pos(1, 1)
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return positions.value_pos((*path, "kind")) or positions.key_pos(path) or Pos(1, 1)
    if kind == "missing":
        return positions.key_pos(path) or Pos(1, 1)
    return positions.value_pos(path) or positions.key_pos(path) or Pos(1, 1)


def findings_from_error(error: ValidationError, doc: Document, display: str) -> list[Finding]:
    findings = []
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        path = align(doc.data, loc)
        if err["type"] == "extra_forbidden":
            path = align(doc.data, loc[:-1])
            extra = (*path, loc[-1])
            pos = doc.positions.key_pos(extra) or doc.positions.key_pos(path) or Pos(1, 1)
        else:
            pos = _position(err, doc, path)
        findings.append(Finding(display, pos.line, pos.col, CODE_SCHEMA, _message(err, doc, path)))
    return sorted(set(findings))


def validate_document(
    model: type[M], doc: Document, display: str
) -> tuple[M | None, list[Finding]]:
    """The model built from ``doc``, or None and the schema findings."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, findings_from_error(exc, doc, display)

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
from bizenv_cli.reading.yamlsafe import (
    LONG_NUMBER_RE,
    YAML11_SURPRISE_RE,
    Document,
    PathKey,
    Pos,
    resolve_plain,
)

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


_KINDS = {str: "text", list: "a list", dict: "a mapping", bool: "true/false", type(None): "empty"}


def _clip(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _got(value: Any) -> str:
    if isinstance(value, str):
        return f"the text {_clip(value, 40)!r}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"the number {value}"
    return _KINDS.get(type(value), type(value).__name__)


def _plain_words(kind: str, err: Any, value: Any) -> str:
    """pydantic's message for the common types, in the words of the data's authors."""
    ctx = err.get("ctx") or {}
    if kind == "string_type":
        return f"expected text, got {_got(value)}"
    if kind == "string_too_long" and isinstance(value, str):
        limit = ctx.get("max_length", 0)
        return f"text of {len(value):,} characters; the limit is {limit:,}: shorten it"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {_got(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {_got(value)}"
    if kind in ("list_type", "dict_type"):
        want = "a list" if kind == "list_type" else "a mapping (keys with values)"
        return f"expected {want}, got {_got(value)}"
    if kind in ("float_type", "float_parsing", "finite_number"):
        return f"expected a number, got {_got(value)}"
    if kind in ("enum", "literal_error"):
        return _not_one_of(err, value, ctx)
    if kind == "union_tag_invalid":
        tags = _choices(str(ctx.get("expected_tags", "")))
        return f"unknown kind {_clip(str(ctx.get('tag', value)), 40)!r}: use one of {tags}"
    if kind in _BOUNDS:
        word, key = _BOUNDS[kind]
        return f"must be {word} {ctx.get(key)}, got {_got(value)}"
    if kind in ("string_too_short", "too_short"):
        least = ctx.get("min_length", 1)
        return "must not be empty" if least == 1 else f"needs at least {least} items"
    if kind == "too_long":
        most = ctx.get("max_length")
        return f"holds {ctx.get('actual_length')} items; at most {most} are allowed"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern.startswith("^m[0-9]{2}-"):
            return (
                "is not a target id: write m, the measure's two digits, then lowercase words "
                "joined by '-' (m05-high-voltage-connection-days)"
            )
        return f"does not have the expected form (it must match {pattern})"
    if kind.startswith(("date_", "datetime_")):
        if "outside expected range" in str(ctx.get("error", "")):
            return f"{_clip(str(value), 40)!r}: there is no such day"
        want = "a date" if kind.startswith("date_") else "a date and time"
        return f"expected {want}, got {_got(value)}"
    msg = str(err["msg"])
    for prefix, plain in _PREFIXES:  # anything else: pydantic's sentence, reworded
        if msg.startswith(prefix):
            return plain + msg[len(prefix) :]
    return msg


_BOUNDS = {
    "greater_than": ("more than", "gt"),
    "greater_than_equal": ("at least", "ge"),
    "less_than": ("less than", "lt"),
    "less_than_equal": ("at most", "le"),
}
_PREFIXES = (
    ("Value error, ", ""),
    ("Assertion failed, ", ""),
    ("Input should be ", "expected "),
    ("Input should ", "must "),
    ("String should ", "the text must "),
    ("Value should ", "must "),
)


def _choices(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" as "a, b, c"."""
    return ", ".join(part.strip(" '") for part in expected.replace(" or ", ", ").split(","))


def _unit_meant(written: str) -> str | None:
    """The unit a Chinese name or a symbol stands for: 工作日 -> working_day, % -> percent."""
    import re

    from bizenv_cli.models.units import UNIT_DESCRIPTIONS

    said = written.strip()
    for unit, (zh, _) in UNIT_DESCRIPTIONS.items():
        names = re.split(r"[/()]", zh)
        if said and said in {n for n in names if n} | {unit.value.lower()}:
            return unit.value
    return {"h": "hour", "min": "minute", "d": "calendar_day", "天": "calendar_day"}.get(said)


def _not_one_of(err: Any, value: Any, ctx: Any) -> str:
    choices = _choices(str(ctx.get("expected", "")))
    field = str(err["loc"][-1]) if err["loc"] else ""
    if field == "unit" or field.endswith("_unit"):
        meant = _unit_meant(str(value))
        hint = f"write {meant} for {value}; " if meant else ""
        shown = _clip(str(value), 40)
        return f"unknown unit {shown!r}: {hint}use one of {choices} (docs/encoding.md)"
    got = f"{_clip(value, 40)!r}" if isinstance(value, str) else _got(value)
    return f"{got} is not allowed here: use one of {choices}"


def plain_message(err: Any) -> str:
    """One pydantic error in plain words, without a position (a file read whole, such as a
    saved check result)."""
    kind, loc = err["type"], err["loc"]
    if kind == "missing":
        return f"missing required key {_clip(str(loc[-1]), 80)!r}"
    if kind == "extra_forbidden":
        return f"unknown key {_clip(str(loc[-1]), 80)!r}"
    return _clip(_plain_words(kind, err, err.get("input")))


def _message(err: Any, doc: Document, path: PathKey) -> str:
    kind = err["type"]
    where = _dotted(path)
    loc = err["loc"]
    if kind == "extra_forbidden":
        hint = "check the spelling; see the schema for allowed keys"
        return f"{where}: unknown key {_clip(str(loc[-1]), 80)!r} ({hint})"
    if kind == "missing":
        return f"{where}: missing required key {loc[-1]!r}"
    if kind == "union_tag_not_found":
        key = err.get("ctx", {}).get("discriminator", "'kind'")
        return f"{where}: missing required key {key}, which says what kind of item this is"
    value = err.get("input")
    if kind == "model_type":
        got = _KINDS.get(type(value), "a number")
        return f"{where}: expected a mapping (keys with values, one a line), got {got}"
    msg = _plain_words(kind, err, value)
    text = f"{where}: {_clip(msg)}"
    if kind == "string_pattern_mismatch" and isinstance(value, str):
        text += f" (got {_clip(value, 80)!r})"
    if kind.startswith("date_"):
        text += " (write a date as YYYY-MM-DD, e.g. 2021-12-31)"
        return text
    plain = doc.positions.is_plain(path)
    wants_number = kind.startswith(("int_", "float_", "bool_")) or msg.startswith(
        "must be a number"
    )
    if (
        isinstance(value, str)
        and plain
        and YAML11_SURPRISE_RE.fullmatch(value)
        and "calendar date" not in msg  # 2021-02-30: a date, just not a real one
    ):
        shown = _clip(value, 40)
        text += f" ('{shown}' was read as text; quote it or write the intended value plainly)"
    elif (
        isinstance(value, str) and plain and LONG_NUMBER_RE.fullmatch(value) and "digits" not in msg
    ):
        text += " (a number with more than 31 digits is read as text: shorten it)"
    elif wants_number and isinstance(value, str) and not plain and resolve_plain(value) != value:
        text += " (it is in quotes, so it is text: remove the quotes)"
    elif isinstance(value, int | float | bool) and plain and kind.startswith("string"):
        text += " (write it in quotes to make it text)"
    elif value is None and plain:
        text += " (the value is empty: write one)"
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

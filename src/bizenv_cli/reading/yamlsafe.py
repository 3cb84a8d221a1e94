"""A YAML loader for untrusted files: plain data, every position, no surprises.

We walk the parser's events ourselves (libyaml's C parser when present), so:
- anchors, aliases, merge keys (``<<``) and explicit tags are rejected with
  their position: policy data has no use for them and they are attack surface;
- duplicate keys are errors naming both positions;
- nesting deeper than ``max_depth`` stops the walk;
- plain scalars are typed by a small YAML 1.2-style resolver: only ``true``/
  ``false``, ``null``/``~``, decimal integers and decimal floats become
  non-strings. ``no``, ``010``, ``1:30``, ``2021-12-31`` and ``1_000`` stay
  text, so a YAML 1.1 surprise never silently changes a value;
- control characters (C0 except tab/newline/CR, DEL, C1) are rejected: written
  raw anywhere in the file, or as an escape (``"\\e"``) in a scalar. They could
  reach a terminal, and NEL and the line separators U+2028/U+2029 would make
  YAML count lines differently from editors;
- a document with more than ``max_nodes`` keys and values is refused before
  anything walks it (a measure file has a few hundred), and so is a key longer
  than ``MAX_KEY_CHARS`` or a value longer than ``MAX_SCALAR_CHARS`` characters;
- every key and value keeps its line and column (1-based) in a PositionMap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from bizenv_cli.diagnostics import Finding

CODE_SYNTAX = "L002"
CODE_DUPLICATE = "L003"
CODE_ALIAS = "L004"
CODE_SIZE = "L005"
CODE_DEPTH = "L006"
CODE_TAG = "L007"
CODE_CONTROL = "L008"
CODE_EMPTY = "L009"

DEFAULT_MAX_DEPTH = 64
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_MAX_NODES = 50_000
# The longest key in our data is a target id (at most 80 characters), the longest text a
# measure's quoted source (a few hundred characters; notes and evidence stop at 2,000).
MAX_KEY_CHARS = 200
MAX_SCALAR_CHARS = 20_000

PathKey = tuple[str | int, ...]

_INT_RE = re.compile(r"[-+]?(0|[1-9][0-9]{0,30})")
_FLOAT_RE = re.compile(
    r"[-+]?(0|[1-9][0-9]{0,30})?\.[0-9]{1,30}([eE][-+]?[0-9]{1,3})?|[-+]?(0|[1-9][0-9]{0,30})[eE][-+]?[0-9]{1,3}"
)
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# In a scalar (after escapes): control characters, and lone surrogates ("\\ud800"), which
# only the pure-Python parser lets through and no output could encode.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Written raw in the file: control characters, line separators, non-characters.
_RAW_BAD_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_BREAK_RE = re.compile(r"\r\n|\r|\n")
# Plain scalars a YAML 1.1 reader would have turned into something else.
YAML11_SURPRISE_RE = re.compile(
    r"(?i:y|n|yes|no|on|off)|[-+]?0[0-9_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?|[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?"
    r"|[-+]?0[xob][0-9a-fA-F_]+"
)
# A plain number the resolver keeps as text because it has too many digits.
LONG_NUMBER_RE = re.compile(r"[-+]?[0-9]{32,}(\.[0-9]*)?|[-+]?[0-9]*\.[0-9]{31,}.*")


@dataclass(frozen=True)
class Pos:
    line: int
    col: int


@dataclass
class NodeInfo:
    value: Pos
    key: Pos | None = None
    plain: bool = False  # an unquoted scalar (for "quote it" hints)


@dataclass
class PositionMap:
    nodes: dict[PathKey, NodeInfo] = field(default_factory=dict)

    def value_pos(self, path: PathKey) -> Pos | None:
        info = self.nodes.get(path)
        return info.value if info else None

    def key_pos(self, path: PathKey) -> Pos | None:
        info = self.nodes.get(path)
        if info is None:
            return None
        return info.key or info.value

    def is_plain(self, path: PathKey) -> bool:
        info = self.nodes.get(path)
        return bool(info and info.plain)


@dataclass
class Document:
    data: Any
    positions: PositionMap


class YamlLoadError(Exception):
    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("; ".join(f.message for f in findings))
        self.findings = findings


def _pos(mark: Any) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


def resolve_plain(text: str) -> Any:
    """Type a plain (unquoted) scalar the safe way."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT_RE.fullmatch(text):
        return int(text)
    if _FLOAT_RE.fullmatch(text):
        return float(text)
    return text


class _Builder:
    def __init__(self, path: str, events: Iterator[Any], max_depth: int, max_nodes: int) -> None:
        self.path = path
        self.events = events
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.count = 0
        self.positions = PositionMap()
        self.problems: list[Finding] = []

    def problem(self, pos: Pos, code: str, message: str) -> None:
        self.problems.append(Finding(self.path, pos.line, pos.col, code, message))

    def node(self, event: Any, where: PathKey, depth: int, key: Pos | None) -> Any:
        pos = _pos(event.start_mark)
        self.count += 1
        if self.count > self.max_nodes:
            raise YamlLoadError(
                [
                    Finding(
                        self.path,
                        pos.line,
                        pos.col,
                        CODE_SIZE,
                        f"more than {self.max_nodes:,} keys and values (the limit): "
                        "far more than the data needs; remove the repetition",
                    )
                ]
            )
        if isinstance(event, yaml.AliasEvent):
            self.problem(
                pos, CODE_ALIAS, f"alias '*{event.anchor}' is not allowed: write the value out"
            )
            self.positions.nodes[where] = NodeInfo(pos, key)
            return None
        if event.anchor is not None:
            self.problem(pos, CODE_ALIAS, f"anchor '&{event.anchor}' is not allowed: remove it")
        if event.tag is not None and not (
            isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent) and event.implicit
        ):
            self.problem(
                pos, CODE_TAG, f"tag '{event.tag}' is not allowed: remove it (quote text instead)"
            )
        if depth > self.max_depth:
            raise YamlLoadError(
                [
                    Finding(
                        self.path,
                        pos.line,
                        pos.col,
                        CODE_DEPTH,
                        f"nesting deeper than {self.max_depth} levels",
                    )
                ]
            )
        if isinstance(event, yaml.ScalarEvent):
            self._check_length(event.value, pos, MAX_SCALAR_CHARS, "value")
            self._check_control(event.value, pos)
            plain = bool(event.implicit[0]) and event.tag is None
            self.positions.nodes[where] = NodeInfo(pos, key, plain)
            return resolve_plain(event.value) if plain else event.value
        self.positions.nodes[where] = NodeInfo(pos, key)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for child in self._until(yaml.SequenceEndEvent):
                items.append(self.node(child, (*where, len(items)), depth + 1, None))
            return items
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(where, depth)
        raise YamlLoadError(
            [Finding(self.path, pos.line, pos.col, CODE_SYNTAX, "unexpected YAML event")]
        )

    def _mapping(self, where: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, Pos] = {}
        for key_event in self._until(yaml.MappingEndEvent):
            kpos = _pos(key_event.start_mark)
            if not isinstance(key_event, yaml.ScalarEvent):
                raise YamlLoadError(
                    [
                        Finding(
                            self.path,
                            kpos.line,
                            kpos.col,
                            CODE_SYNTAX,
                            "mapping keys must be plain text",
                        )
                    ]
                )
            key = key_event.value
            self._check_length(key, kpos, MAX_KEY_CHARS, "key")
            self._check_control(key, kpos)
            if key_event.anchor is not None or key_event.tag is not None:
                self.problem(kpos, CODE_TAG, f"key {key!r} carries an anchor or tag: remove it")
            if key == "<<" and key_event.implicit[0]:
                self.problem(kpos, CODE_ALIAS, "merge key '<<' is not allowed: write the keys out")
            value_event = next(self.events)
            if key in seen:
                first = seen[key]
                self.problem(
                    kpos,
                    CODE_DUPLICATE,
                    f"duplicate key {key!r} (first defined at line {first.line}, "
                    f"column {first.col})",
                )
                # Still walk the value so positions and nested problems are found.
                self.node(value_event, (*where, f"\0dup{kpos.line}"), depth + 1, kpos)
                continue
            seen[key] = kpos
            result[key] = self.node(value_event, (*where, key), depth + 1, kpos)
        return result

    def _until(self, end: type) -> Iterator[Any]:
        while True:
            event = next(self.events)
            if isinstance(event, end):
                return
            yield event

    def _check_length(self, text: str, pos: Pos, limit: int, what: str) -> None:
        if len(text) > limit:
            message = (
                f"{what} is {len(text):,} characters long; the limit is {limit:,}: "
                "is this the right file?"
            )
            raise YamlLoadError([Finding(self.path, pos.line, pos.col, CODE_SIZE, message)])

    def _check_control(self, text: str, pos: Pos) -> None:
        match = _CONTROL_RE.search(text)
        if match:
            code = ord(match.group())
            what = "lone surrogate" if code >= 0xD800 else "control character"
            self.problem(
                pos, CODE_CONTROL, f"{what} U+{code:04X} is not allowed in text: remove it"
            )


def _events(text: str) -> Iterator[Any]:
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_cls(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def _text_pos(text: str, offset: int) -> Pos:
    """Line and column of ``offset`` in ``text`` (CR, LF and CRLF end lines, as in YAML)."""
    before = text[:offset]
    last = max(before.rfind("\n"), before.rfind("\r"))
    return Pos(len(_BREAK_RE.findall(before)) + 1, offset - last)


def _raw_character(text: str, path: str) -> Finding | None:
    """The first character no YAML file of ours may hold raw, as a finding."""
    match = _RAW_BAD_RE.search(text)
    if match is None:
        return None
    char = match.group()
    pos = _text_pos(text, match.start())
    if char in "\u2028\u2029":
        what = "line separator" if char == "\u2028" else "paragraph separator"
        fix = "editors and YAML count lines differently: replace it with a newline or remove it"
    elif char == "\ufeff":  # a leading one is dropped when decoding
        what, fix = "byte order mark", "remove it (were two files joined?)"
    elif char in "\ufffe\uffff":
        what, fix = "non-character", "remove it"
    else:
        what, fix = "control character", "remove it"
    more = len(_RAW_BAD_RE.findall(text)) - 1
    also = f" ({more:,} more in the file)" if more else ""
    message = f"{what} U+{ord(char):04X} is not allowed{also}: {fix}"
    return Finding(path, pos.line, pos.col, CODE_CONTROL, message)


_OPENERS = {
    "while scanning a quoted scalar": None,  # the character at the mark says which quote
    "while parsing a flow sequence": ("bracket '['", "']'"),
    "while parsing a flow mapping": ("brace '{'", "'}'"),
}


def _unclosed(exc: yaml.MarkedYAMLError, text: str) -> tuple[Pos, str] | None:
    """An unclosed quote or bracket, reported where it opens (libyaml's context mark),
    not only where the parser gave up, which can be the end of the file."""
    start, end = exc.context_mark, exc.problem_mark
    if exc.context not in _OPENERS or start is None or end is None:
        return None
    if (start.line, start.column) == (end.line, end.column):
        return None
    pair = _OPENERS[exc.context]
    if pair is None:
        char = text[start.index] if 0 <= start.index < len(text) else '"'
        quote = "'" if char == "'" else '"'
        what = f"{'single' if quote == chr(39) else 'double'} quote ({quote})"
        closer = f"closing {quote}"
    else:
        what, closer = pair
    gave_up = _pos(end)
    if "end of stream" in (exc.problem or "") or not text[end.index :].strip():
        # libyaml's end of stream is the line after a final newline; editors show the one before
        last = gave_up.line - 1 if gave_up.col == 1 and gave_up.line > 1 else gave_up.line
        where = f"the file ends at line {last} without closing it"
    else:
        where = (
            f"no {closer} before line {gave_up.line}, column {gave_up.col}, "
            f"where YAML gave up ({exc.problem})"
        )
    return _pos(start), f"YAML syntax error: unclosed {what} starting here; {where}"


def load_yaml(
    text: str,
    path: str,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Document:
    """Parse one YAML document. Raises YamlLoadError with every problem found."""
    raw = _raw_character(text, path)
    if raw is not None:
        raise YamlLoadError([raw])
    builder: _Builder | None = None
    try:
        events = _events(text)
        next(events)  # StreamStart
        first = next(events)
        if isinstance(first, yaml.StreamEndEvent):
            raise YamlLoadError(
                [Finding(path, 1, 1, CODE_EMPTY, "file is empty: expected a mapping")]
            )
        builder = _Builder(path, events, max_depth, max_nodes)
        data = builder.node(next(events), (), 1, None)
        next(events)  # DocumentEnd
        following = next(events)
        if isinstance(following, yaml.DocumentStartEvent):
            pos = _pos(following.start_mark)
            builder.problem(
                pos,
                CODE_SYNTAX,
                "a second YAML document ('---') is not allowed: one document per file",
            )
    except YamlLoadError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or str(exc)
        if "maximum nesting depth" in problem:  # libyaml's own cap, met while scanning ahead
            message = f"nesting deeper than {max_depth} levels"
            raise YamlLoadError([Finding(path, line, col, CODE_DEPTH, message)]) from None
        unclosed = _unclosed(exc, text)
        if unclosed is not None:
            start, message = unclosed
            raise YamlLoadError(
                [Finding(path, start.line, start.col, CODE_SYNTAX, message)]
            ) from None
        context = f" ({exc.context})" if exc.context else ""
        index = getattr(mark, "index", -1)
        if 0 <= index < len(text) and text[index] == "\t":
            context += ": a tab; indent with spaces"
        raise YamlLoadError(
            [Finding(path, line, col, CODE_SYNTAX, f"YAML syntax error: {problem}{context}")]
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        pos = _text_pos(text, exc.position)
        message = f"character U+{char:04X} is not allowed in YAML: remove it"
        raise YamlLoadError([Finding(path, pos.line, pos.col, CODE_CONTROL, message)]) from None
    except RecursionError:
        raise YamlLoadError([Finding(path, 1, 1, CODE_DEPTH, "nesting too deep")]) from None
    except Exception as exc:
        offset = getattr(exc, "position", None)
        where = f" (at character {offset})" if offset is not None else ""
        detail = " ".join(str(exc).split())
        message = f"YAML could not be read: {type(exc).__name__}: {detail}{where}"
        raise YamlLoadError([Finding(path, 1, 1, CODE_SYNTAX, message)]) from None
    if builder.problems:
        raise YamlLoadError(sorted(builder.problems))
    if data is None:
        raise YamlLoadError([Finding(path, 1, 1, CODE_EMPTY, "file is empty: expected a mapping")])
    return Document(data, builder.positions)

"""The one sanitizer for text that came from the user's files on its way out.

Everything bizenv prints or writes that holds input text (file names, messages,
sheet titles, target ids, keys, evidence, waiver reasons, department names)
passes through here at the output boundary, on a terminal and when piped:

- ``clean``: C0 and C1 control characters, DEL, the bidirectional embeddings,
  overrides and isolates (U+202A-U+202E, U+2066-U+2069) and marks (U+200E,
  U+200F, U+061C), and the line separators U+2028/U+2029 become visible escapes
  (``\\x1b``, ``\\n``, ``\\u202e``); ``keep`` spares tab and newline where a
  multi-line format needs them.
- ``shown`` / ``quoted``: an echoed input value, cleaned and clipped to
  ``MAX_ECHO`` characters with ``...``.
- ``no_commands``: no line starts (after blanks) with ``::``, so text from a
  file never becomes a GitHub workflow command (``::error``, ``::add-mask::``).
- ``json_safe``: JSON text with the same characters as ``\\uXXXX`` escapes
  (``json.dumps(ensure_ascii=False)`` escapes only C0).

No heavy imports: ``bizenv --help`` may load this module.
"""

from __future__ import annotations

import re

MAX_ECHO = 200  # characters of an input value echoed in a message
MAX_MESSAGE = 600  # characters of one message as printed
ELLIPSIS = "..."  # ASCII: U+2026 is East-Asian ambiguous width

_UNSAFE = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE_RE = re.compile(f"[{_UNSAFE}]")
_JSON_UNSAFE_RE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# A line whose first non-blank characters are '::' (how the Actions runner reads a command).
_COMMAND_RE = re.compile(r"^([ \t]*)::", re.MULTILINE)


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str, *, keep: str = "") -> str:
    """``text`` with every unsafe character written as an escape (``keep``: spare these)."""
    if not _UNSAFE_RE.search(text):
        return text
    return _UNSAFE_RE.sub(lambda m: m.group() if m.group() in keep else _escape(m.group()), text)


def is_clean(text: str) -> bool:
    return _UNSAFE_RE.search(text) is None


def clip(text: str, limit: int = MAX_ECHO) -> str:
    """At most ``limit`` characters of ``text``, ``...`` marking a cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - len(ELLIPSIS))] + ELLIPSIS


def shown(value: object, limit: int = MAX_ECHO) -> str:
    """An input value as echoed in a message: cleaned, at most ``limit`` characters."""
    return clean(clip(str(value), limit))


def quoted(value: object, limit: int = MAX_ECHO) -> str:
    """``shown`` in single quotes, for ``{name!r}``-style messages."""
    return f"'{shown(value, limit)}'"


def message(text: str, limit: int = MAX_MESSAGE) -> str:
    """One printed message (or file name): cleaned, one line, clipped."""
    return clip(clean(text), limit)


def no_commands(text: str) -> str:
    """Output text in which no line can be read as a GitHub workflow command: a line
    starting (after blanks) with ``::`` gets a backslash before it (``\\::error``)."""
    if "::" not in text:
        return text
    return _COMMAND_RE.sub(r"\1\\::", text)


def json_safe(text: str) -> str:
    """JSON text with DEL, C1, bidi controls and line separators as ``\\uXXXX`` escapes.

    They can only stand inside JSON strings (the structure is ASCII), where the
    escape means the same character."""
    if not _JSON_UNSAFE_RE.search(text):
        return text
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)



FORMULA_START = ("=", "+", "-", "@")
_CELL_CONTROLS_RE = re.compile("[\x00-\x1f\x7f-\x9f]")
_CELL_BREAKS = str.maketrans("\t\r\n", "   ")
# The same rule as ``cell_text``, as patterns for a column of cells at once (polars).
CELL_BREAK_PATTERN = r"[\t\r\n]"
CELL_CONTROL_PATTERN = r"[\x00-\x1f\x7f-\x{9f}]"
FORMULA_PATTERN = r"^[=+\-@]"


def cell_text(text: str) -> str:
    """A text cell for a CSV or XLSX file bizenv writes: tabs and line breaks become
    spaces, other control characters (ESC, NUL, C1) go, and a cell that a spreadsheet
    would run as a formula (``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``, ``-1+1``,
    also behind leading blanks or a tab) gets Excel's quote prefix ``'`` before it, so it
    is shown as typed and never run."""
    text = _CELL_CONTROLS_RE.sub("", text.translate(_CELL_BREAKS))
    bare = text.lstrip(" ")
    return "'" + bare if bare.startswith(FORMULA_START) else text

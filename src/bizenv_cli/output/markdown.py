"""Markdown text from untrusted data, one helper for every Markdown output (`check
--format markdown`, `report --markdown`), so `<=` reads the same in both."""

from __future__ import annotations

from bizenv_cli.sanitize import clean

# HTML's characters as entities (they render in any Markdown, CommonMark or not); the
# characters that start emphasis, code, links or a new table cell, backslash-escaped.
_ESCAPES = {
    "\\": "\\\\",
    "|": "\\|",
    "<": "&lt;",
    ">": "&gt;",
    "&": "&amp;",
    "`": "\\`",
    "[": "\\[",
    "]": "\\]",
    "*": "\\*",
    "_": "\\_",
    "~": "\\~",
}


def cell(text: str) -> str:
    """Text safe inside a table cell: no pipes, HTML, emphasis, links or line breaks,
    control or bidi characters (``sanitize.clean``)."""
    escaped = "".join(_ESCAPES.get(ch, ch) for ch in clean(text))
    return " ".join(escaped.split())

"""The numbering a line opens with: 一、 / 第一章 / (一) / 1. / 1、 / (1) / 1) / ① / 1(1).

Styles are ranked from the outermost to the innermost, as plans nest them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bizenv_cli.extract.fold import folded
from bizenv_cli.rules._numerals import parse_chinese

_CN = "零〇一二两三四五六七八九十百"
# (style, rank, pattern on the folded line); the group "n" is the number.
_STYLES: list[tuple[str, int, re.Pattern[str]]] = [
    ("cn_chapter", 0, re.compile(rf"^第(?P<n>[{_CN}]+|\d+)(?:章|部分|篇)")),
    ("cn_dun", 1, re.compile(rf"^(?P<n>[{_CN}]+)[、.,]")),
    ("cn_paren", 2, re.compile(rf"^\((?P<n>[{_CN}]+)\)")),
    ("ar_sub", 4, re.compile(r"^(?P<m>\d{1,3})\((?P<n>\d{1,3})\)")),
    ("ar_dot", 3, re.compile(r"^(?P<n>\d{1,3})(?:\.(?!\d)|、)")),
    ("ar_paren", 4, re.compile(r"^\(?(?P<n>\d{1,3})\)(?![%\d])")),
    ("circled", 5, re.compile(r"^(?P<n>[\u2460-\u2473])")),
    ("ar_tab", 3, re.compile(r"^(?P<n>\d{1,3})(?=\t|[ \u3000]{2,}|\u3000)")),
]


# A table row flattened to text: a number, then a tab (or a wide gap) before the cells.
ROW = re.compile(r"^\d{1,3}(?:\t|[ \u3000]{2,}|\u3000)")
CELL_GAP = re.compile(r"\t|[ \u3000]{2,}|\u3000+")


def is_row(line: str) -> bool:
    return bool(ROW.match(line.lstrip())) or "\t" in line


@dataclass(frozen=True)
class Numbered:
    style: str
    rank: int
    number: int
    label: str  # the folded numbering, e.g. "(一)" or "12."


def numbering(line: str) -> Numbered | None:
    """The numbering at the start of ``line`` (leading whitespace ignored), or None."""
    stripped = line.lstrip()
    if stripped[:1].isdigit() and ROW.match(stripped):
        style, rank, pattern = _STYLES[-1]
        match = pattern.match(stripped)
        assert match is not None
        return Numbered(style, rank, int(match["n"]), match[0])
    text = folded(line)
    for style, rank, pattern in _STYLES[:-1]:
        match = pattern.match(text)
        if match is None:
            continue
        raw = match["n"]
        if style == "circled":
            value: int | None = ord(raw) - 0x245F
        elif raw.isdigit():
            value = int(raw)
        else:
            value = parse_chinese(raw)
        if value is None or value < 1:
            continue
        if style in ("ar_dot", "ar_paren") and re.match(r"^\d{4}", text):
            continue  # 2021.5 or 2021) is a date, not a numbering
        return Numbered(style, rank, value, match[0])
    return None

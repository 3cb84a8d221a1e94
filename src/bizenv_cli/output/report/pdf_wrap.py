"""Breaking text into lines for the PDF, once per cell, from the font's own advance widths.

fpdf2's ``multi_cell`` and ``table()`` measure every candidate line again for each
cell (1.4 s for the example pack's 4,600 cells); here a cell's text is split into
tokens (a run of Latin letters and digits, a Chinese character, a space) and laid
greedily into lines with one lookup per character. Lines break at spaces and
between Chinese characters; a token wider than the line (a long id in a narrow
column) breaks between characters. Text longer than ``max_lines`` is cut, its last
line ending in ``…``, so no cell is ever taller than a page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

MARK = "…"
# Break opportunities: whitespace runs, every wide (CJK, full-width) character, and runs
# of anything else (a word, an id, a number with its unit).
_WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd"
)
_TOKENS = re.compile(rf"\s+|[{_WIDE}]|[^\s{_WIDE}]+")

Measure = Callable[[str], float]


def measure(widths: Mapping[int, float], size_pt: float, k: float) -> Measure:
    """Width in mm of a text at ``size_pt``, from advance widths in 1/1000 em per code point
    (fpdf2's ``font.cw``); ``k`` is the document's points per mm."""
    scale = size_pt * 0.001 / k
    cache: dict[str, float] = {}

    def width(text: str) -> float:
        found = cache.get(text)
        if found is None:
            found = cache[text] = sum(widths[ord(c)] for c in text) * scale
        return found

    return width


def wrap(text: str, room: float, width: Measure, max_lines: int = 0) -> list[str]:
    """``text`` as lines no wider than ``room`` mm (a newline always breaks); with
    ``max_lines`` the lines past it are cut and the last kept line ends in ``…``."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        _paragraph(paragraph, room, width, lines)
        if max_lines and len(lines) > max_lines:
            break
    if max_lines and len(lines) > max_lines:
        lines[max_lines - 1 :] = [_cut(lines[max_lines - 1], room, width)]
    return lines


def _paragraph(text: str, room: float, width: Measure, lines: list[str]) -> None:
    line: list[str] = []
    used = 0.0
    space = ""
    for token in _TOKENS.findall(text):
        if token.isspace():
            space = token if line else ""
            continue
        size = width(token)
        gap = width(space) if space else 0.0
        if line and used + gap + size <= room:
            line += [space, token] if space else [token]
            used += gap + size
        elif size <= room:
            if line:
                lines.append("".join(line))
            line, used = [token], size
        else:  # wider than a whole line: fill this line, then break between characters
            for char in space + token if line else token:
                step = width(char)
                if line and used + step > room:
                    lines.append("".join(line))
                    line, used = [], 0.0
                if line or not char.isspace():
                    line.append(char)
                    used += step
        space = ""
    lines.append("".join(line))


def _cut(line: str, room: float, width: Measure) -> str:
    """``line`` with ``…`` at its end, shortened until both fit in ``room``."""
    mark = width(MARK)
    while line and width(line) + mark > room:
        line = line[:-1]
    return line.rstrip() + MARK

"""The plan's outline: which numbering marks measures, which chapters and sections.

Every numbered line opens a block that runs to the next numbered line. The measures'
numbering is the style whose blocks most often close with units or a deadline (a
bracket, or fields on lines of their own); the styles above it (by rank) are the
sections and chapters. Works for 一、/(一)/1., 第一章/一、/(一), 一、/1./(1) and others."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from bizenv_cli.extract.fold import folded
from bizenv_cli.extract.numbering import Numbered, numbering

# A line where the body of the plan ends (annexes, distribution list).
STOP = re.compile(r"^(?:附件|附表|抄送|抄报|(?:.{0,30})印发$)")


@dataclass(frozen=True)
class Line:
    no: int  # 1-based
    start: int  # offset in the text
    text: str
    num: Numbered | None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def lines_of(text: str) -> list[Line]:
    out: list[Line] = []
    offset = 0
    for no, line in enumerate(text.split("\n"), start=1):
        out.append(Line(no, offset, line, numbering(line)))
        offset += len(line) + 1
    return out


@dataclass(frozen=True)
class Outline:
    measure_style: str | None
    chapter_style: str | None
    section_style: str | None
    stop: int  # index of the first line after the body (len(lines) if none)


def blocks(lines: list[Line], stop: int) -> list[tuple[int, int]]:
    """(first, end) line indexes of every numbered block before ``stop``."""
    starts = [i for i, line in enumerate(lines[:stop]) if line.num is not None]
    return [(s, starts[k + 1] if k + 1 < len(starts) else stop) for k, s in enumerate(starts)]


def outline(lines: list[Line], has_tail: Callable[[list[Line]], bool]) -> Outline:
    stop = next(
        (i for i, line in enumerate(lines) if i > 0 and STOP.match(folded(line.text))), len(lines)
    )
    tails: Counter[str] = Counter()
    present: dict[str, int] = {}
    for first, end in blocks(lines, stop):
        num = lines[first].num
        assert num is not None
        present.setdefault(num.style, num.rank)
        if has_tail(lines[first:end]):
            tails[num.style] += 1
    if not tails:
        return Outline(None, None, None, stop)
    best = max(tails.values())
    measure = max((s for s, n in tails.items() if n == best), key=lambda s: present[s])
    rank = present[measure]
    above = sorted({r: s for s, r in present.items() if r < rank}.items())
    styles = [s for _, s in above]
    section = styles[-1] if styles else None
    chapter = styles[-2] if len(styles) >= 2 else section
    return Outline(measure, chapter, section, stop)



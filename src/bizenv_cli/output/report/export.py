"""The SVG picture of the terminal report: rich's own export, offline, wide characters fixed.

The report is laid out once (``rendered``: each part rendered to segments); the same
segments are printed to the terminal and to a recording console of the same width, in
colour, which rich exports. rich sizes each SVG text run by its number of
characters, so a run of Chinese is squeezed to half its width (rich issue
#2742): its ``textLength`` is set to the run's width in cells. rich's template
loads Fira Code from a CDN; ours names local fonts only, so the picture shows
the same offline. (The HTML page is no copy of the terminal: see html_page.py.)
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable, Sequence
from typing import Literal

from rich._export_format import CONSOLE_SVG_FORMAT
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.segment import Segments

Export = Literal["svg", "text"]

MONO = (
    '"Fira Code", "DejaVu Sans Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", '
    '"Sarasa Mono SC", monospace'
)
# rich's template without its web fonts (@font-face rules with CDN URLs) and its link.
SVG_FORMAT = (
    re.sub(r"\s*@font-face \{\{.*?\}\}", "", CONSOLE_SVG_FORMAT, flags=re.DOTALL)
    .replace("font-family: Fira Code, monospace;", f"font-family: {MONO};")
    .replace("<!-- Generated with Rich https://www.textualize.io -->", "<!-- rich -->")
)

_SVG_TEXT = re.compile(r'(<text [^>]*?textLength=")([0-9.]+)("[^>]*>)([^<]*)(</text>)')


def recording_console(width: int) -> Console:
    return Console(
        record=True,
        file=io.StringIO(),
        width=width,
        force_terminal=True,
        color_system="truecolor",
        no_color=False,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )


def rendered(console: Console, parts: Sequence[RenderableType]) -> list[RenderableType]:
    """Each part laid out once, at ``console``'s width, as segments that print as they are
    (the report's renderables do not depend on the console beyond its width)."""
    return [Segments(list(console.render(part))) for part in parts]


def export(
    parts: Sequence[RenderableType],
    width: int,
    kind: Export,
    title: str,
    printer: Callable[[Console, Sequence[RenderableType]], None],
) -> str:
    """``parts`` as ``printer`` lays them out, recorded at ``width`` and exported."""
    console = recording_console(width)
    printer(console, parts)
    if kind == "svg":
        return fix_svg(console.export_svg(title=title, code_format=SVG_FORMAT))
    return console.export_text()


def fix_svg(svg: str) -> str:
    """Give every text run the width of its cells, not of its characters."""

    def widen(match: re.Match[str]) -> str:
        text = html.unescape(match.group(4))
        chars, cells = len(text), cell_len(text)
        if cells <= chars:
            return match.group(0)
        length = float(match.group(2)) / chars * cells
        return f"{match.group(1)}{length:g}{match.group(3)}{match.group(4)}{match.group(5)}"

    return _SVG_TEXT.sub(widen, svg)

"""HTML and SVG copies of the terminal report: rich's own export, with wide characters fixed.

The report is laid out once (``rendered``: each part rendered to segments); the same
segments are printed to the terminal and to a recording console of the same width,
in colour, from which rich exports the HTML and the SVG. Two corrections keep Chinese
text in its columns (rich issue #2742): in the SVG, rich sizes each text run by its number of
characters, so a run of Chinese is squeezed to half its width: its
``textLength`` is set to the run's width in cells; in the HTML, runs of wide
characters are held to two ``ch`` (the width of one monospace cell) each, so
a browser's fallback font for Chinese cannot shift the columns after them.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable, Sequence
from typing import Literal

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, RenderableType
from rich.segment import Segments

Export = Literal["html", "svg", "text"]

# rich's HTML page, with the document's language and a title.
HTML_FORMAT = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="UTF-8">
<title>{title}</title>
<style>
{{stylesheet}}
body {{{{
    color: {{foreground}};
    background-color: {{background}};
}}}}
</style>
</head>
<body>
    <pre style="font-family:Menlo,'DejaVu Sans Mono',consolas,monospace"><code>{{code}}</code></pre>
</body>
</html>
"""

_SVG_TEXT = re.compile(r'(<text [^>]*?textLength=")([0-9.]+)("[^>]*>)([^<]*)(</text>)')
_HTML_CODE = re.compile(r"(<code>)(.*)(</code>)", re.DOTALL)


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


def record(
    parts: Sequence[RenderableType],
    width: int,
    printer: Callable[[Console, Sequence[RenderableType]], None],
) -> Console:
    """A recording console holding ``parts`` as ``printer`` prints them at ``width``: one
    recording for every export asked for."""
    console = recording_console(width)
    printer(console, parts)
    return console


def export_recorded(console: Console, kind: Export, title: str, lang: str) -> str:
    """The recording exported (kept for the next export: ``clear=False``)."""
    if kind == "svg":
        return fix_svg(console.export_svg(title=title, clear=False))
    if kind == "html":
        page = HTML_FORMAT.format(lang="zh-CN" if lang == "zh" else "en", title=html.escape(title))
        return fix_html(console.export_html(inline_styles=True, code_format=page, clear=False))
    return console.export_text(clear=False)


def export(
    parts: Sequence[RenderableType],
    width: int,
    kind: Export,
    title: str,
    lang: str,
    printer: Callable[[Console, Sequence[RenderableType]], None],
) -> str:
    """``parts`` as ``printer`` lays them out, recorded at ``width`` and exported."""
    return export_recorded(record(parts, width, printer), kind, title, lang)


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


def fix_html(page: str) -> str:
    """Hold each run of wide characters in the report to its width in cells."""

    def widen_text(text: str) -> str:
        out: list[str] = []
        run: list[str] = []
        for char in text:
            if get_character_cell_size(char) == 2:
                run.append(char)
                continue
            if run:
                out.append(_span(run))
                run = []
            out.append(char)
        if run:
            out.append(_span(run))
        return "".join(out)

    def widen(match: re.Match[str]) -> str:
        code = re.sub(r"(?<=>)[^<]+|^[^<]+", lambda m: widen_text(m.group(0)), match.group(2))
        return match.group(1) + code + match.group(3)

    return _HTML_CODE.sub(widen, page, count=1)


def _span(run: list[str]) -> str:
    return f'<span style="display:inline-block;width:{2 * len(run)}ch">{"".join(run)}</span>'

"""A small trend chart per chapter below the report's SVG picture (``--svg``), as inline SVG.

(The HTML page and the PDF draw their own charts beside each section: chart_build.py.)

Drawn by hand (no library, no external file or font), so the exports work offline: for
each chapter, the share of due targets met at each period end as a line from 0 to 100 %.
"""

from __future__ import annotations

import html
import re

from bizenv_cli.history.since import ChapterTrend, SinceView
from bizenv_cli.history.since_texts import chapter_label, share_text
from bizenv_cli.i18n import Messages

CHART_W, CHART_H = 200, 84  # one chapter's box
PLOT_X, PLOT_Y, PLOT_W, PLOT_H = 34, 24, 150, 40  # the plot inside it
PER_ROW = 3
HEADING_H = 30
LINE = "#2e7d32"
_VIEWBOX = re.compile(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"')


def _chart(row: ChapterTrend, labels: tuple[str, ...], msg: Messages, x: float, y: float) -> str:
    label = chapter_label(row.number, row.title, msg)
    pairs = zip(labels, row.shares, strict=True)
    shares = " -> ".join(f"{lab}: {share_text(s, msg)}" for lab, s in pairs)
    steps = max(len(row.shares) - 1, 1)
    points = [
        (PLOT_X + i * PLOT_W / steps, PLOT_Y + (1 - s) * PLOT_H)
        for i, s in enumerate(row.shares)
        if s is not None
    ]
    short = label if len(label) <= 14 else label[:13] + "..."
    parts = [
        f'<g transform="translate({x:g} {y:g})">',
        f"<title>{html.escape(label)}: {html.escape(shares)}</title>",
        f'<rect width="{CHART_W - 8}" height="{CHART_H - 8}" rx="4" fill="#ffffff" '
        'stroke="#cccccc"/>',
        f'<text x="8" y="16" font-size="12" fill="#333333">{html.escape(short)}</text>',
        f'<text x="8" y="{PLOT_Y + 4}" font-size="9" fill="#777777">100%</text>',
        f'<text x="14" y="{PLOT_Y + PLOT_H + 3}" font-size="9" fill="#777777">0%</text>',
        f'<line x1="{PLOT_X}" y1="{PLOT_Y + PLOT_H}" x2="{PLOT_X + PLOT_W}" '
        f'y2="{PLOT_Y + PLOT_H}" stroke="#bbbbbb"/>',
        f'<line x1="{PLOT_X}" y1="{PLOT_Y}" x2="{PLOT_X + PLOT_W}" y2="{PLOT_Y}" '
        'stroke="#eeeeee"/>',
    ]
    if len(points) > 1:
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    parts += [f'<circle cx="{px:.1f}" cy="{py:.1f}" r="2.5" fill="{LINE}"/>' for px, py in points]
    parts.append("</g>")
    return "".join(parts)


def charts(view: SinceView, msg: Messages) -> tuple[str, float, float]:
    """The charts as SVG elements (no outer ``<svg>``), and their width and height."""
    rows = (len(view.chapters) + PER_ROW - 1) // PER_ROW
    width, height = PER_ROW * CHART_W + 8, HEADING_H + rows * CHART_H
    title = html.escape(msg("since.chapters") + f" ({' / '.join(view.labels)})")
    parts = [
        f'<rect width="{width}" height="{height}" fill="#fafafa"/>',
        f'<text x="8" y="20" font-size="14" font-weight="bold" fill="#222222">{title}</text>',
    ]
    for i, row in enumerate(view.chapters):
        line, col = divmod(i, PER_ROW)
        parts.append(_chart(row, view.labels, msg, 8 + col * CHART_W, HEADING_H + line * CHART_H))
    return "".join(parts), width, height


def inline_svg(view: SinceView, msg: Messages) -> str:
    body, width, height = charts(view, msg)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bizenv-trends" width="{width:g}" '
        f'height="{height:g}" viewBox="0 0 {width:g} {height:g}" role="img" '
        f'font-family="sans-serif">{body}</svg>'
    )


def add_to_svg(svg: str, view: SinceView, msg: Messages) -> str:
    """The charts below rich's picture of the report: the picture grows to hold them."""
    found = _VIEWBOX.search(svg)
    at = svg.rfind("</svg>")
    if found is None or at < 0:
        return svg
    width, height = float(found.group(1)), float(found.group(2))
    body, _, extra = charts(view, msg)
    box = f'viewBox="0 0 {width:g} {height + extra:g}"'
    grown = svg[: found.start()] + box + svg[found.end() :]
    at = grown.rfind("</svg>")
    group = (
        f'<g transform="translate(0 {height:g})" font-family="sans-serif">{body}</g>\n'
    )
    return grown[:at] + group + grown[at:]

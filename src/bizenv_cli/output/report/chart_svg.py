"""A chart (chart_model.py) as inline SVG for the HTML page: hand-written, no library,
no external file or font (its text takes the page's font), the same bytes for the same
report. Each status is filled with its tint and hatch (an SVG ``<pattern>``) and each
segment carries its count, so the chart prints in black and white; lines differ by dash
and marker."""

from __future__ import annotations

from html import escape

from bizenv_cli.output.report.chart_model import BarChart, Chart, LineChart
from bizenv_cli.output.report.chart_style import (
    LINE_LOOK,
    STATUS_LOOK,
    approx_width,
    fit,
    hex_colour,
    level,
    step,
)

WIDTH = 720
LABEL_W = 210  # the category labels of a bar chart
ROW_H, BAR_H = 24, 16
HATCH = {
    "/": "M0,8 L8,0",
    "\\": "M0,0 L8,8",
    "x": "M0,8 L8,0 M0,0 L8,8",
    "-": "M0,4 L8,4",
    "|": "M4,0 L4,8",
    ".": "M3,3 h1.5 v1.5 h-1.5 z",
}


def _text(x: float, y: float, text: str, size: float = 11, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}"{extra}>{escape(text)}</text>'


def _patterns(uid: str) -> str:
    parts = []
    for key, (tint, hatch) in STATUS_LOOK.items():
        lines = f'<path d="{HATCH[hatch]}" stroke="#000" stroke-width="1"/>' if hatch else ""
        parts.append(
            f'<pattern id="{uid}-{key}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{hex_colour(tint)}"/>{lines}</pattern>'
        )
    return "<defs>" + "".join(parts) + "</defs>"


def _bars(chart: BarChart, uid: str) -> tuple[str, float]:
    x0, x1, top = LABEL_W + 10, WIDTH - 50, 52
    tick = step(chart.largest)
    scale_max = max(tick * -(-chart.largest // tick), 1)
    scale = (x1 - x0) / scale_max
    bottom = top + len(chart.rows) * ROW_H
    out = [_patterns(uid), _text(8, 32, chart.y_label, 11, fill="#555")]
    n = 0.0
    while n <= scale_max:
        x = x0 + n * scale
        out.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{bottom}" stroke="#ddd"/>')
        out.append(_text(x, bottom + 14, f"{n:g}", 10, text_anchor="middle", fill="#555"))
        n += tick
    out.append(_text((x0 + x1) / 2, bottom + 30, chart.x_label, 11, text_anchor="middle"))
    for i, row in enumerate(chart.rows):
        y = top + i * ROW_H
        label = fit(row.label, LABEL_W - 8, lambda t: approx_width(t, 11))
        out.append(f"<g><title>{escape(row.label)}</title>")
        out.append(_text(8, y + BAR_H - 3, label, 11))
        x = x0
        for seg in row.segments:
            w = seg.value * scale
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR_H}" '
                f'fill="url(#{uid}-{seg.key})" stroke="#000" stroke-width="0.6">'
                f"<title>{escape(seg.label)}: {seg.value}</title></rect>"
            )
            if w >= approx_width(str(seg.value), 10) + 4:
                out.append(
                    _text(
                        x + w / 2,
                        y + BAR_H - 4,
                        str(seg.value),
                        10,
                        text_anchor="middle",
                        font_weight="bold",
                        stroke="#fff",
                        stroke_width="3",
                        paint_order="stroke",
                    )
                )
            x += w
        out.append(_text(x + 4, y + BAR_H - 3, str(row.total), 10, fill="#333"))
        out.append("</g>")
    legend_y, x = bottom + 46, 8.0
    for key, label in chart.legend:
        out.append(
            f'<rect x="{x:.1f}" y="{legend_y - 10}" width="18" height="12" '
            f'fill="url(#{uid}-{key})" stroke="#000" stroke-width="0.6"/>'
        )
        out.append(_text(x + 22, legend_y, label, 11))
        x += 34 + approx_width(label, 11)
    return "".join(out), legend_y + 10


def _lines(chart: LineChart) -> tuple[str, float]:
    x0, x1, top, bottom = 70.0, WIDTH - 230.0, 40.0, 210.0
    out = [
        _text(
            16,
            (top + bottom) / 2,
            chart.y_label,
            11,
            text_anchor="middle",
            transform=f"rotate(-90 16 {(top + bottom) / 2:.1f})",
        )
    ]
    tick = step(chart.y_max, 4)
    n = 0.0
    while n <= chart.y_max + 1e-9:
        y = bottom - n / chart.y_max * (bottom - top)
        out.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x1}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(_text(x0 - 6, y + 4, f"{n:g}", 10, text_anchor="end", fill="#555"))
        n += tick
    count = len(chart.points)
    xs = [x0 + 20 + i * (x1 - x0 - 40) / max(count - 1, 1) for i in range(count)]
    for x, label in zip(xs, chart.points, strict=True):
        out.append(_text(x, bottom + 16, label, 10, text_anchor="middle"))
    out.append(_text((x0 + x1) / 2, bottom + 34, chart.x_label, 11, text_anchor="middle"))
    if chart.limit is not None:
        y = bottom - level(chart.limit, chart.y_max) * (bottom - top)
        out.append(
            f'<line x1="{x0}" y1="{y:.1f}" x2="{x1}" y2="{y:.1f}" stroke="#b00" '
            'stroke-width="1.5" stroke-dasharray="7 4"/>'
        )
        out.append(_text(x1 + 6, y + 4, chart.limit_label, 11, fill="#b00"))
    single = len(chart.series) == 1
    for i, series in enumerate(chart.series):
        grey, dash, marker = LINE_LOOK[i % len(LINE_LOOK)]
        colour = hex_colour((grey, grey, grey))
        pts = [
            (x, bottom - level(v, chart.y_max) * (bottom - top))
            for x, v in zip(xs, series.values, strict=True)
            if v is not None
        ]
        dashes = f' stroke-dasharray="{" ".join(f"{d * 2:g}" for d in dash)}"' if dash else ""
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
        out.append(
            f"<g><title>{escape(series.label)}: {escape(' / '.join(series.texts))}</title>"
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dashes}/>'
        )
        for x, y in pts:
            out.append(_marker(marker, x, y, colour))
        if single:
            texts = [t for t in series.texts if t]
            for (x, y), t in zip(pts, texts, strict=True):
                out.append(_text(x, y - 8, t, 11, text_anchor="middle", font_weight="bold"))
        else:
            last = next((t for t in reversed(series.texts) if t), "")
            ly = top + 4 + i * 18
            out.append(
                f'<line x1="{x1 + 10}" y1="{ly - 4}" x2="{x1 + 34}" y2="{ly - 4}" '
                f'stroke="{colour}" stroke-width="2"{dashes}/>'
            )
            out.append(_marker(marker, x1 + 22, ly - 4, colour))
            room = 180 - approx_width(f" {last}", 10)  # the value is never cut
            label = fit(series.label, room, lambda t: approx_width(t, 10)) + f" {last}"
            out.append(_text(x1 + 40, ly, label, 10))
        out.append("</g>")
    return "".join(out), bottom + 44


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    if kind == "triangle":
        return (
            f'<path d="M{x:.1f},{y - 4.5:.1f} L{x + 4.5:.1f},{y + 3.5:.1f} '
            f'L{x - 4.5:.1f},{y + 3.5:.1f} z" fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'


def svg(chart: Chart, uid: str) -> str:
    """``chart`` as an ``<svg>`` element; ``uid`` keeps its pattern ids its own on the page."""
    body, height = _bars(chart, uid) if isinstance(chart, BarChart) else _lines(chart)
    title = _text(8, 18, chart.title, 14, font_weight="bold")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bizenv-chart" width="{WIDTH}" '
        f'height="{height:.0f}" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
        f'aria-label="{escape(chart.title)}">'
        f"<title>{escape(chart.title)}</title>{title}{body}</svg>"
    )

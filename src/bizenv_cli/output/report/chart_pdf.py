"""A chart (chart_model.py) drawn on the PDF page with fpdf2's own rect, line and text:
vector graphics, no picture, no library. Each status is filled with its tint and
hatched with lines clipped to the segment, and each segment carries its count, so the
chart prints in black and white; lines differ by dash and marker."""

from __future__ import annotations

from fpdf import FPDF

from bizenv_cli.output.report.chart_model import BarChart, Chart, LineChart
from bizenv_cli.output.report.chart_style import LINE_LOOK, STATUS_LOOK, fit, level, step

FONT = "cjk"
ROW, BAR = 6.0, 4.2  # mm
GAP = 1.8  # between hatch lines


def _text(pdf: FPDF, x: float, y: float, text: str, size: float, align: str = "L") -> None:
    pdf.set_font(FONT, size=size)
    w = pdf.get_string_width(text)
    pdf.text(x - (w if align == "R" else w / 2 if align == "C" else 0), y, text)


def _hatch(pdf: FPDF, x: float, y: float, w: float, h: float, kind: str) -> None:
    if not kind:
        return
    with pdf.rect_clip(x, y, w, h):
        pdf.set_line_width(0.15)
        n = 0.0
        while n <= w + h:
            if kind in "/x":
                pdf.line(x + n - h, y + h, x + n, y)
            if kind in "\\x":
                pdf.line(x + n - h, y, x + n, y + h)
            if kind == "|":
                pdf.line(x + n, y, x + n, y + h)
            if kind == ".":
                for m in range(int(h // GAP) + 1):
                    pdf.rect(x + n + 0.6, y + m * GAP + 0.6, 0.4, 0.4, style="F")
            n += GAP
        if kind == "-":
            for m in range(1, int(h // GAP) + 1):
                pdf.line(x, y + m * GAP, x + w, y + m * GAP)


def _swatch(pdf: FPDF, x: float, y: float, w: float, h: float, key: str) -> None:
    tint, hatch = STATUS_LOOK[key]
    pdf.set_fill_color(*tint)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_fill_color(*tint)
    pdf.rect(x, y, w, h, style="F")
    pdf.set_fill_color(0, 0, 0)
    _hatch(pdf, x, y, w, h, hatch)
    pdf.set_line_width(0.2)
    pdf.rect(x, y, w, h, style="D")


def _bars(pdf: FPDF, chart: BarChart, x0: float, top: float) -> float:
    label_w = pdf.epw * 0.3
    px0, px1 = x0 + label_w + 2, x0 + pdf.epw - 10
    tick = step(chart.largest)
    scale_max = max(tick * -(-chart.largest // tick), 1)
    scale = (px1 - px0) / scale_max
    _text(pdf, x0, top + 9, chart.y_label, 8)
    y0 = top + 11
    bottom = y0 + len(chart.rows) * ROW
    pdf.set_draw_color(210, 210, 210)
    pdf.set_line_width(0.1)
    n = 0.0
    while n <= scale_max:
        pdf.line(px0 + n * scale, y0 - 1, px0 + n * scale, bottom)
        _text(pdf, px0 + n * scale, bottom + 3.5, f"{n:g}", 7, "C")
        n += tick
    _text(pdf, (px0 + px1) / 2, bottom + 8, chart.x_label, 8, "C")
    for i, row in enumerate(chart.rows):
        y = y0 + i * ROW
        pdf.set_font(FONT, size=8)
        _text(pdf, x0, y + BAR - 1, fit(row.label, label_w - 2, pdf.get_string_width), 8)
        x = px0
        for seg in row.segments:
            w = seg.value * scale
            _swatch(pdf, x, y, w, BAR, seg.key)
            pdf.set_font(FONT, size=7)
            tw = pdf.get_string_width(str(seg.value))
            if w >= tw + 1.5:
                pdf.set_fill_color(255, 255, 255)
                pdf.rect(x + (w - tw) / 2 - 0.4, y + 0.8, tw + 0.8, BAR - 1.6, style="F")
                _text(pdf, x + w / 2, y + BAR - 1.1, str(seg.value), 7, "C")
            x += w
        _text(pdf, x + 1.2, y + BAR - 1, str(row.total), 7)
    x, legend_y = x0, bottom + 13
    for key, label in chart.legend:
        _swatch(pdf, x, legend_y - 3, 6, 3.5, key)
        _text(pdf, x + 7.5, legend_y, label, 8)
        pdf.set_font(FONT, size=8)
        x += 12 + pdf.get_string_width(label)
    return legend_y + 3


def _lines(pdf: FPDF, chart: LineChart, x0: float, top: float) -> float:
    px0, px1, ptop, bottom = x0 + 16, x0 + pdf.epw - 62, top + 12, top + 62
    with pdf.rotation(90, x0 + 3, (ptop + bottom) / 2):
        _text(pdf, x0 + 3, (ptop + bottom) / 2 + 1, chart.y_label, 8, "C")
    tick = step(chart.y_max, 4)
    n = 0.0
    pdf.set_line_width(0.1)
    while n <= chart.y_max + 1e-9:
        y = bottom - n / chart.y_max * (bottom - ptop)
        pdf.set_draw_color(210, 210, 210)
        pdf.line(px0, y, px1, y)
        _text(pdf, px0 - 1.5, y + 1, f"{n:g}", 7, "R")
        n += tick
    count = len(chart.points)
    xs = [px0 + 6 + i * (px1 - px0 - 12) / max(count - 1, 1) for i in range(count)]
    for x, label in zip(xs, chart.points, strict=True):
        _text(pdf, x, bottom + 4, label, 7, "C")
    _text(pdf, (px0 + px1) / 2, bottom + 9, chart.x_label, 8, "C")
    if chart.limit is not None:
        y = bottom - level(chart.limit, chart.y_max) * (bottom - ptop)
        pdf.set_draw_color(170, 0, 0)
        pdf.set_line_width(0.4)
        pdf.set_dash_pattern(2, 1.2)
        pdf.line(px0, y, px1, y)
        pdf.set_dash_pattern()
        pdf.set_text_color(170, 0, 0)
        _text(pdf, px1 + 2, y + 1, fit(chart.limit_label, 60, pdf.get_string_width), 8)
        pdf.set_text_color(0, 0, 0)
    single = len(chart.series) == 1
    for i, series in enumerate(chart.series):
        grey, dash, marker = LINE_LOOK[i % len(LINE_LOOK)]
        pts = [
            (x, bottom - level(v, chart.y_max) * (bottom - ptop))
            for x, v in zip(xs, series.values, strict=True)
            if v is not None
        ]
        pdf.set_draw_color(grey, grey, grey)
        pdf.set_fill_color(grey, grey, grey)
        pdf.set_line_width(0.5)
        if dash:
            pdf.set_dash_pattern(dash[0] * 0.5, dash[1] * 0.5)
        if len(pts) > 1:
            pdf.polyline(pts)
        pdf.set_dash_pattern()
        for x, y in pts:
            _mark(pdf, marker, x, y, 1.0)
        if single:
            for (x, y), t in zip(pts, [t for t in series.texts if t], strict=True):
                _text(pdf, x, y - 2, t, 8, "C")
        else:
            last = next((t for t in reversed(series.texts) if t), "")
            ly = ptop + i * 5
            if dash:
                pdf.set_dash_pattern(dash[0] * 0.5, dash[1] * 0.5)
            pdf.line(px1 + 2, ly, px1 + 9, ly)
            pdf.set_dash_pattern()
            _mark(pdf, marker, px1 + 5.5, ly, 1.0)
            pdf.set_font(FONT, size=7)
            room = 48 - pdf.get_string_width(f" {last}")  # the value is never cut
            label = fit(series.label, room, pdf.get_string_width) + f" {last}"
            _text(pdf, px1 + 11, ly + 1, label, 7)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_fill_color(0, 0, 0)
    pdf.set_line_width(0.2)
    return bottom + 11


def _mark(pdf: FPDF, kind: str, x: float, y: float, r: float) -> None:
    if kind == "triangle":
        pdf.polygon([(x, y - r * 1.2), (x + r * 1.2, y + r), (x - r * 1.2, y + r)], style="F")
    elif kind == "square":
        pdf.rect(x - r, y - r, 2 * r, 2 * r, style="F")
    else:
        pdf.polygon(
            [(x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y)], style="F"
        )


def height(chart: Chart) -> float:
    """The room ``chart`` takes on the page, in mm."""
    if isinstance(chart, BarChart):
        return 11 + len(chart.rows) * ROW + 16 + 3
    return 73.0


def draw(pdf: FPDF, chart: Chart) -> None:
    """``chart`` at the current position (on a new page if it does not fit)."""
    if pdf.get_y() + height(chart) > pdf.page_break_trigger:
        pdf.add_page()
    x0, top = pdf.l_margin, pdf.get_y() + 1
    pdf.set_text_color(0, 0, 0)
    _text(pdf, x0, top + 4, chart.title, 11)
    end = _bars(pdf, chart, x0, top) if isinstance(chart, BarChart) else _lines(pdf, chart, x0, top)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_line_width(0.2)
    pdf.set_y(end + 2)

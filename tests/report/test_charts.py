"""The report's charts: inline SVG beside their section in the HTML, vector drawing in the PDF,
in the chosen language, with every status's count on the chart (docs/report.md#charts)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

SVG = "{http://www.w3.org/2000/svg}"
Q2 = ("examples/2021-Q2", "--waivers", "examples/waivers.yaml", "--as-of", "2021-06-30")
PERIODS = ("examples/2021-Q1", "examples/2021-Q2", "examples/2021-Q3")


def charts(page: str) -> dict[str, ET.Element]:
    """Each inline chart of the page by its title."""
    found = re.findall(
        r'<svg xmlns="http://www.w3.org/2000/svg" class="bizenv-chart".*?</svg>', page, re.S
    )
    parsed = [ET.fromstring(s) for s in found]
    return {s.get("aria-label", ""): s for s in parsed}


def segment_counts(chart: ET.Element) -> Counter[str]:
    """status name -> the sum of its segments' counts (each segment's <title> says both)."""
    total: Counter[str] = Counter()
    for rect in chart.iter(f"{SVG}rect"):
        said = rect.findtext(f"{SVG}title")
        if said:
            name, value = said.rsplit(": ", 1)
            total[name] += int(value)
    return total


@pytest.fixture
def quarter(run: Any, tmp_path: Path) -> tuple[str, dict[str, int]]:
    """The example quarter's HTML report in Chinese, and check's count per status."""
    path = tmp_path / "x.html"
    assert run("report", *Q2, "--lang", "zh", "--html", path).exit_code == 0
    summary = json.loads(run("check", *Q2, "--format", "json").stdout)["summary"]
    return path.read_text(encoding="utf-8"), summary


def test_html_has_chinese_charts_whose_values_are_the_status_counts(quarter: Any) -> None:
    from bizenv_cli.i18n import Messages

    page, summary = quarter
    found = charts(page)
    assert {"各章目标完成情况", "需督办单位的目标完成情况（另有6个单位未列出）"} <= set(found)
    chapters = found["各章目标完成情况"]
    zh = Messages("zh")
    expected = {zh.status(s): n for s, n in summary.items() if n}
    assert segment_counts(chapters) == expected  # every target once, in its chapter
    texts = "".join(chapters.itertext())
    assert "目标数（个）" in texts and "达标" in texts and "未报送" in texts
    assert "url(#" in ET.tostring(chapters, encoding="unicode")  # hatched: reads in black and white
    # beside its section: the chapter chart comes after the chapter view's heading, before its table
    at = page.index('aria-label="各章目标完成情况"')
    assert page.rindex("<h2>按章节</h2>", 0, at) < at < page.index("<table>", at)


def test_several_periods_chart_the_trend_and_the_numeric_targets(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "t.html"
    result = run(
        "report", *PERIODS, "--waivers", "examples/waivers.yaml", "--lang", "zh", "--html", path
    )
    assert result.exit_code == 0, result.output
    found = charts(path.read_text(encoding="utf-8"))
    assert "各章到期目标达标率趋势" in found
    hv = found["高压用户平均办电时间：各期报送值"]
    texts = list(hv.itertext())
    assert {"33", "27.5", "26", "2021-Q1", "2021-Q3", "报送期"} <= set(texts)
    assert any(t.startswith("要求：") and "30" in t for t in texts)  # the limit, labelled


def test_english_charts(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "e.html"
    assert run("report", *Q2, "--lang", "en", "--html", path).exit_code == 0
    found = charts(path.read_text(encoding="utf-8"))
    assert "Targets by status, per chapter" in found
    assert "Targets" in "".join(found["Targets by status, per chapter"].itertext())


def test_pdf_draws_the_chart_on_its_section_page(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    assert run("report", *Q2, "--lang", "zh", "--pdf", path).exit_code == 0
    doc = pdfium.PdfDocument(path)
    try:
        texts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
        number = next(i for i, t in enumerate(texts) if "各章目标完成情况" in t)
        assert texts[number].startswith("按章节")  # on the page of its section
        page = doc[number]
        textpage = page.get_textpage()
        search = textpage.search("各章目标完成情况")
        first = search.get_next()
        assert first is not None
        _, top, _, _ = textpage.get_charbox(first[0])  # PDF points, from the bottom
        image = page.render(scale=1).to_pil().convert("RGB")
        width, height = image.size
        # the bars lie below the title, above the table: a band 40 to 150 points down
        y0, y1 = int(height - top + 20), int(height - top + 150)
        band = image.crop((0, y0, width, y1))
        raw = band.tobytes()
        colours = Counter(zip(raw[0::3], raw[1::3], raw[2::3], strict=True))
        drawn = sum(n for c, n in colours.items() if c != (255, 255, 255))
        assert drawn > 0.05 * band.width * band.height
        met_tint = sum(
            n for (r, g, b), n in colours.items() if abs(r - 168) + abs(g - 213) + abs(b - 176) < 30
        )
        assert met_tint > 200  # the met segments' fill
    finally:
        doc.close()


def test_a_huge_label_is_cut_quickly_and_values_stay_on_the_axis() -> None:
    from bizenv_cli.output.report.chart_style import approx_width, fit, level

    name = "区" * 19_000
    cut = fit(name, 200, lambda t: approx_width(t, 11))
    assert cut.endswith("…") and approx_width(cut, 11) <= 200
    assert (level(-5, 30), level(15, 30), level(90, 30)) == (0.0, 0.5, 1.0)

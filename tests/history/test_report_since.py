"""`bizenv report` on several periods: the "since the previous period" section and its charts."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from tests.conftest import zh_title

from bizenv_cli.evaluation.counts import due_share
from bizenv_cli.evaluation.result import CheckResult
from history.conftest import ENDS, QUARTERS, WAIVERS

ALL = (*QUARTERS, *WAIVERS)


def test_the_section_comes_before_the_views_in_chinese(run: Any) -> None:
    result = run("report", *ALL, "--lang", "zh")
    assert result.exit_code == 0, result.output
    out = result.stdout
    start = out.index("自上期以来（2021-06-30 至 2021-09-30）")
    assert start < out.index("按章节") < out.index("按单位")
    assert "状态变化：新达标 3，已恢复 5，新逾期 5，新出现未达标或未报送 5" in out
    title = zh_title("m05-low-voltage-external-works-days")  # under zh, by its title
    row = next(line for line in out.splitlines() if title in line)
    assert "达标 -> 逾期" in row
    assert re.search(r"一、切实加强项目要素保障 +0% +25% +48%", out)


def test_the_section_in_english(run: Any) -> None:
    out = run("report", *ALL, "--lang", "en").stdout
    assert "Since the previous period (2021-06-30 to 2021-09-30)" in out
    assert "Changes: newly met 3, recovered 5, newly overdue 5, newly failing 5" in out
    assert "Targets that got worse" in out and "met -> overdue" in out


def test_the_chapter_shares_are_the_headers_share_on_each_day(run: Any, json_of: Any) -> None:
    out = run("report", *ALL, "--lang", "en", "--width", "200").stdout
    line = next(x for x in out.splitlines() if x.startswith("4. ") and "%" in x)
    shown = [int(n) for n in re.findall(r"(\d+)%", line)]
    for i, end in enumerate(ENDS):
        doc = json_of("check", *QUARTERS[: i + 1], *WAIVERS, "--as-of", end)
        result = CheckResult.model_validate(doc)
        share = due_share([r for r in result.results if r.chapter == 4], result.as_of).share
        assert share is not None and round(share * 100) == shown[i]


def test_one_period_has_no_section(run: Any) -> None:
    out = run("report", QUARTERS[1], *WAIVERS, "--lang", "en").stdout
    assert "Since the previous period" not in out


def test_one_units_report_keeps_to_its_targets(run: Any) -> None:
    out = run("report", *ALL, "--lang", "en", "--department", "区供电公司").stdout
    section = out[out.index("Targets that got worse") : out.index("Share of due targets met")]
    ids = set(re.findall(r"\bm\d\d-[a-z0-9-]+", section))
    listed = run("list", "--department", "区供电公司", "--format", "json").stdout
    mine = {t["target_id"] for t in json.loads(listed)["targets"]}
    assert ids and ids <= mine
    assert "m36-bad-rating-follow-up-rate" not in section


def _charts(page: str, title: str) -> ET.Element:
    found = re.search(
        r'<svg xmlns="http://www.w3.org/2000/svg" class="bizenv-chart"[^>]*aria-label="'
        + re.escape(title) + '".*?</svg>',
        page,
        re.S,
    )
    assert found is not None
    return ET.fromstring(found.group(0))


def test_html_and_svg_exports_draw_a_chart_per_chapter(run: Any, tmp_path: Path) -> None:
    page, picture = tmp_path / "r.html", tmp_path / "r.svg"
    result = run("report", *ALL, "--lang", "zh", "--width", "100", "--html", page, "--svg", picture)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    chart = _charts(html, "各章到期目标达标率趋势")  # in the section, below its table
    assert html.index("各章到期目标达标率趋势") < html.index("按章节")
    ns = "{http://www.w3.org/2000/svg}"
    lines = [g for g in chart.iter(f"{ns}g") if g.find(f"{ns}polyline") is not None]
    assert len(lines) == 6  # six chapters
    assert lines[0].findtext(f"{ns}title") == "一、切实加强项目要素保障: 0% / 25% / 48%"
    assert "href" not in html  # drawn inline: works offline
    svg = picture.read_text(encoding="utf-8")
    ET.fromstring(svg)  # still one well-formed picture
    alone = tmp_path / "alone.svg"
    run("report", QUARTERS[2], *WAIVERS, "--lang", "zh", "--width", "100", "--svg", alone)
    assert "bizenv-trends" not in alone.read_text(encoding="utf-8")
    assert '<g transform="translate(0 ' in svg


def test_markdown_export_has_the_section(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    assert run("report", *ALL, "--lang", "en", "--markdown", path).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert text.index("## Since the previous period") < text.index("## By chapter")
    assert "| 5 | `m05-low-voltage-external-works-days` | met -&gt; overdue |" in text
    assert "| --- | ---: | ---: | ---: |" in text

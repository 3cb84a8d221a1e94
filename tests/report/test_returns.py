"""`bizenv report --by returns`: the units to chase first, then the returns received."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import zh_title

from .conftest import MEASURES, QUARTER


def _t(target: str) -> str:
    """How the Chinese report names ``target``: by its short title."""
    return zh_title(target, MEASURES)

CHASE = {
    "zh": "催报：本期未收到报送的单位（10 个）",  # collectives are never chased
    "en": "To chase: units that sent nothing this period (10)",
}
RECEIVED = {"zh": "已收到报送的单位（7 个）", "en": "Units whose returns came in (7)"}
HEADING = {"zh": "报送情况：2021-Q2（2021年4月1日 至 2021年6月30日）", "en": "Returns for 2021-Q2"}


def _section(text: str, start: str, end: str | None = None) -> str:
    part = text[text.index(start) :]
    return part[: part.index(end)] if end else part


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_terminal_lists_the_units_to_chase_first(report, lang):
    result = report("--by", "returns", "--lang", lang, "--width", "120")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert HEADING[lang] in out
    assert out.index(CHASE[lang]) < out.index(RECEIVED[lang])
    chase = _section(out, CHASE[lang], RECEIVED[lang])
    received = _section(out, RECEIVED[lang])
    natural = "自然资源和规划分局" if lang == "zh" else "Natural Resources"
    label = (lambda t: _t(t)[:4]) if lang == "zh" else str  # a title's first words (it wraps)
    assert natural in chase and label("m17-health-park-unified-evaluation") in chase
    assert natural not in received
    assert str(QUARTER.relative_to(Path.cwd()) / "tax.yaml") in received
    assert ("已全部报送" if lang == "zh" else "all reported") in received
    assert label("m05-residential-connection-days") in received  # the power company still owes it
    # The other views are not shown when only returns are asked for.
    assert label("m43-instant-deregistration-rate") not in out.split(HEADING[lang])[0]


def test_at_80_columns_every_unreported_target_is_shown(report):
    out = report("--by", "returns", "--lang", "zh", "--width", "80").stdout
    flat = out.replace(" ", "").replace("\n", "")  # a title may wrap
    assert _t("m53-provincial-first-tier") in flat and _t("m31-foreign-capital-growth") in flat
    assert all(len(line) <= 80 for line in out.splitlines())


def test_one_units_returns(report):
    out = report("--by", "returns", "--department", "区供电公司", "--lang", "zh").stdout
    returns = _section(out, "报送情况")
    assert "区供电公司" in returns and "经发局" not in returns
    assert "催报：本期未收到报送的单位（0 个）" in returns


def test_markdown_html_and_svg_have_the_returns(report, tmp_path):
    md, html, svg = tmp_path / "r.md", tmp_path / "r.html", tmp_path / "r.svg"
    result = report(
        "--by", "returns", "--lang", "zh", "--markdown", md, "--html", html, "--svg", svg
    )
    assert result.exit_code == 0, result.output
    text = md.read_text(encoding="utf-8")
    assert "## 报送情况：2021-Q2" in text
    assert text.index("### 催报") < text.index("### 已收到报送的单位")
    listed = f"{_t('m16-renovation-days')}、{_t('m17-health-park-unified-evaluation')}"
    row = f"| 自然资源和规划分局 |  | {listed} |"
    assert row in text
    page = html.read_text(encoding="utf-8")
    assert "催报" in page and _t("m17-health-park-unified-evaluation") in page
    picture = svg.read_text(encoding="utf-8")
    assert _t("m17-health-park-unified-evaluation")[:4] in picture


def test_returns_is_not_a_default_view(report):
    out = report("--lang", "zh").stdout
    assert "催报" not in out


def test_the_pdf_pack_has_the_returns(report, tmp_path):
    """--by returns reaches the printable pack too: the list to chase on its own page."""
    from tests.report.test_pdf import pages

    path = tmp_path / "r.pdf"
    result = report("--by", "returns", "--lang", "zh", "--pdf", path)
    assert result.exit_code == 0, result.output
    text = "\n".join(pages(path)).replace("\n", "")
    assert "催报" in text and "自然资源和规划分局" in text
    assert _t("m17-health-park-unified-evaluation") in text

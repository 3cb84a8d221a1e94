"""--format pdf: a one-page summary, then a page per unit, in Chinese (the report's PDF
machinery and embedded font)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.report.test_pdf import pages
from tests.score.test_score import QUARTERS, WAIVERS


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    from tests.history.conftest import _invoke

    path = tmp_path_factory.mktemp("score") / "scores.pdf"
    base = ["score", *QUARTERS, "--year", "2021", *WAIVERS]
    result = _invoke([*base, "--format", "pdf", "-o", str(path)])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(_invoke([*base, "--format", "json"]).stdout)
    return path, doc


def test_summary_page_then_a_page_per_unit(pdf: tuple[Path, dict]) -> None:
    path, doc = pdf
    texts = pages(path)
    first = texts[0]
    # each unit starts a page of its own (a long statement runs on to the next)
    starts = [t.split("\n")[0] for t in texts[1:]]
    heads = [f"{u['unit_name']}：{u['score']:g}分" for u in doc["units"]]
    assert [h for h in starts if h in heads] == heads
    assert texts[1].startswith(heads[0])
    assert "2021年度考核得分" in first and "默认示例计分规则" in first
    assert "2021年9月30日" in first and "2021年第三季度" in first
    for found in doc["units"]:
        assert found["unit_name"] in first
    court = next(t for t in texts[1:] if t.lstrip().startswith("区法庭"))
    # m50-one-stop-ip-protection, by its title
    assert "未报送（责任单位）" in court and "“一站式”知识产权保护机制" in court
    assert "优秀资格：否" in court  # the default rules: below 90

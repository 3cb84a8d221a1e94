"""`bizenv check --lang zh|en`: the words around the data in Chinese, JSON the same in both."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import zh_title

from .conftest import CHECK_DATA, FIXTURE_MEASURES

EXAMPLES = ("examples/2021-Q2", "--as-of", "2021-06-30")
QUARTER = (CHECK_DATA / "quarter", "--measures", FIXTURE_MEASURES, "--as-of", "2021-06-30")
WAIVERS = ("--waivers", CHECK_DATA / "quarter-waivers.yaml")


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wide enough that no explanation wraps (wrapping is tested in the terminal tests)."""
    monkeypatch.setenv("COLUMNS", "220")


def _row(out: str, target: str) -> str:
    """The table's line of ``target``: named by its id, or by its title under zh."""
    label = zh_title(target) if "序号" in out else target
    return next(line for line in out.splitlines() if f" {label} " in line)


def test_table_in_chinese(run: Any) -> None:
    result = run("check", *EXAMPLES, "--department", "区供电公司", "--lang", "zh")
    assert result.exit_code == 1
    out = result.stdout
    assert "：截至2021年6月30日的状态" in out  # full-width punctuation, the date in Chinese
    for header in ("序号", "目标", "报送值与要求", "状态", "完成时限", "牵头单位"):
        assert header in out
    assert "27.5个工作日，要求不超过30个工作日" in _row(out, "m05-high-voltage-connection-days")
    assert "达标（逾期完成）" in _row(out, "m04-220kv-line-relocation-start")
    assert "2021年4月20日完成，晚于期限 20 天" in _row(out, "m04-220kv-line-relocation-start")
    assert "推进中" in _row(out, "m04-external-line-works-sanan-rongbai")
    assert "逾期" in _row(out, "m04-external-line-works-sanan-rongbai")
    assert "8.2小时，基期（2020）10.6小时：-22.6 %，目标 -20 %；限值不超过8.5小时：满足" in out
    assert out.rstrip().endswith(
        "区供电公司 24 项目标，截至2021年6月30日："
        "达标 11，有风险 4，逾期 1，未达标 0，未报送 6，未到期 2，已豁免 0"
    )
    for english in ("working days", "vs required", "status on", "targets on", "nothing reported"):
        assert english not in out


def test_every_status_has_its_report_name(run: Any) -> None:
    out = run("check", *QUARTER, *WAIVERS, "--lang", "zh").stdout
    summary = out.strip().splitlines()[-1]
    for name in ("达标", "有风险", "逾期", "未达标", "未报送", "未到期", "已豁免"):
        assert f"{name} " in summary
    assert "豁免至" in out  # the waived target's explanation


def test_english_is_unchanged_and_the_default(run: Any) -> None:
    default = run("check", *EXAMPLES)
    english = run("check", *EXAMPLES, "--lang", "en")
    assert default.stdout == english.stdout
    assert "27.5 working days vs required <= 30 working days" in english.stdout
    assert "101 targets on 2021-06-30: met 30" in english.stdout


def test_the_locale_chooses_chinese(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "个工作日，要求不超过" in run("check", *EXAMPLES).stdout
    assert "vs required" in run("check", *EXAMPLES, "--lang", "en").stdout


@pytest.mark.parametrize("fmt", ["json", "junit", "github"])
def test_machine_formats_are_the_same_in_both_languages(run: Any, fmt: str) -> None:
    zh = run("check", *QUARTER, *WAIVERS, "--format", fmt, "--lang", "zh")
    en = run("check", *QUARTER, *WAIVERS, "--format", fmt, "--lang", "en")
    assert zh.exit_code == en.exit_code == 1
    assert zh.stdout == en.stdout


def test_markdown_headers_in_chinese(run: Any) -> None:
    out = run("check", *EXAMPLES, "--format", "markdown", "--lang", "zh").stdout
    assert "| 状态 | 目标数 |" in out
    assert "| 序号 | 目标 | 状态 | 报送值与要求 | 完成时限 | 天数 | 牵头单位 |" in out
    assert "| 未报送 | 37 |" in out
    assert "项目标不合格" in out
    assert "逾期 122 天" in out

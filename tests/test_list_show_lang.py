"""`bizenv list` and `bizenv show` with --lang zh: headers, requirements, units in Chinese."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "220")


def _row(out: str, target: str) -> str:
    """The table row naming ``target`` (a title is also in the source text above it)."""
    return next(line for line in out.splitlines() if target in line and " | " in line)


def test_list_in_chinese(run) -> None:
    result = run("list", "--lang", "zh", "--department", "区供电公司")
    assert result.exit_code == 0
    out = result.stdout
    for header in ("序号", "目标", "内容", "要求", "完成时限", "牵头单位"):
        assert header in out.splitlines()[0]
    assert "不超过30个工作日" in _row(out, "高压用户平均办电时间")
    assert "较上年降低不少于20%，且不超过8.5小时" in _row(out, "全区用户平均停电时间压减")
    assert "不超过2（每年）" in _row(out, "同一条配电线路一年停电次数")
    assert "完成" in _row(out, "启动罗庄等变电站增容")
    assert out.rstrip().endswith("项目标")
    assert "working_day" not in out and "target" not in out


def test_list_english_by_default_and_json_alike(run) -> None:
    assert "<= 30 working_day" in run("list").stdout
    zh = run("list", "--format", "json", "--lang", "zh")
    en = run("list", "--format", "json", "--lang", "en")
    assert zh.stdout == en.stdout


def test_list_nothing_matches_in_chinese(run) -> None:
    result = run("list", "--lang", "zh", "--chapter", "1", "--kind", "frequency", "--section", "1")
    assert result.exit_code == 0
    assert "没有符合条件的目标。" in result.stdout


def test_show_in_chinese(run) -> None:
    result = run("show", "6", "--lang", "zh")
    assert result.exit_code == 0
    out = result.stdout
    assert "完成时限  2021年6月底 (2021-06-30 到期)" in out
    assert "牵头单位  (无)" in out
    assert "原文(目标引文用【】标出):" in out
    assert "目标(3 项):" in out
    assert "较上年降低不少于20，且不超过8.5小时" in _row(out, "全区用户平均停电时间压减")
    assert "限值" in _row(out, "全区带电作业率")


def test_show_english_is_the_default(run) -> None:
    out = run("show", "6").stdout
    assert "Source (the targets' quotes are marked" in out
    assert "Targets (3):" in out

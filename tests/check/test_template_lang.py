"""`bizenv template --lang zh`: the YAML template's comments in Chinese, its data unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ARGS = ("template", "-d", "区供电公司", "-p", "2021-Q2")


def test_comments_in_chinese_data_the_same(run: Any) -> None:
    zh = run(*ARGS, "--lang", "zh")
    en = run(*ARGS, "--lang", "en")
    assert zh.exit_code == en.exit_code == 0
    title = "# bizenv 报送模板: 区供电公司(power-supply-company), 报送期 2021-Q2"
    assert zh.stdout.startswith(title)
    assert "# 不报送的指标留空即可。填好后运行: bizenv check 本文件" in zh.stdout
    assert "    evidence:     # 佐证材料(文号等)" in zh.stdout
    assert "; 期限 2021-12-31" in zh.stdout
    assert "Fill in" not in zh.stdout and "document reference" not in zh.stdout
    assert yaml.safe_load(zh.stdout) == yaml.safe_load(en.stdout)


def test_chinese_template_is_read_by_check(run: Any, tmp_path: Path) -> None:
    out = tmp_path / "报送.yaml"
    assert run(*ARGS, "--lang", "zh", "-o", out).exit_code == 0
    result = run("check", out, "--department", "区供电公司", "--as-of", "2021/6/30")
    assert result.exit_code == 1, result.output  # nothing filled in: missing targets
    assert "24 targets of 区供电公司 on 2021-06-30" in result.stdout

"""`report --ledger FILE`: the open supervision items open the report, red ones first, in
the terminal, Markdown and HTML (issue 18)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import ROOT

EX = ROOT / "examples"
WAIVERS = ("--waivers", EX / "waivers.yaml")


@pytest.fixture
def ledger(run, tmp_path: Path) -> Path:
    path = tmp_path / "督办台账.yaml"
    assert run("ledger", "update", EX / "2021-Q2", "--as-of", "2021-06-30", *WAIVERS,
               "--ledger", path).exit_code in (0, 1)
    assert run("ledger", "feedback", "DB2021-003", "--date", "2021-07-15", "--text",
               "已完成外线工程", "--ledger", path).exit_code == 0
    return path


def test_open_items_red_first_before_the_views(run, ledger: Path, tmp_path: Path) -> None:
    md = tmp_path / "报告.md"
    result = run("report", EX / "2021-Q2", "--as-of", "2021-07-20", *WAIVERS, "--ledger",
                 ledger, "--lang", "zh", "--markdown", md)
    assert result.exit_code == 0, result.output
    out = result.stdout
    heading = re.search(r"督办事项：在办(\d+)项，其中红灯(\d+)项", out)
    assert heading is not None
    assert out.index("督办事项") < out.index("按章节")  # before the views
    lights = re.findall(r"^(红灯|黄灯|绿灯) ", out, re.MULTILINE)
    assert lights and lights == sorted(lights, key=["红灯", "黄灯", "绿灯"].index)
    assert lights.count("红灯") == int(heading.group(2))
    text = md.read_text(encoding="utf-8")
    assert "## 督办事项：在办" in text and "2021年7月15日 已完成外线工程" in text


def test_no_ledger_no_section_and_a_bad_ledger_is_exit_3(run, tmp_path: Path) -> None:
    plain = run("report", EX / "2021-Q2", "--as-of", "2021-06-30", "--lang", "zh")
    assert "督办事项" not in plain.stdout
    bad = tmp_path / "ledger.yaml"
    bad.write_text("items: {\n", encoding="utf-8")
    result = run("report", EX / "2021-Q2", "--as-of", "2021-06-30", "--ledger", bad)
    assert result.exit_code == 3 and "ledger.yaml:" in result.stderr


def test_the_ledger_is_never_an_output(run, ledger: Path) -> None:
    before = ledger.read_bytes()
    result = run("report", EX / "2021-Q2", "--as-of", "2021-06-30", "--ledger", ledger,
                 "--html", ledger)
    assert result.exit_code == 2
    assert ledger.read_bytes() == before

"""`bizenv history --ledger FILE --item ID`: a supervision item's whole life, oldest first."""

from __future__ import annotations

import json
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
    assert run("ledger", "update", EX / "2021-Q2", EX / "2021-Q3", "--as-of", "2021-09-30",
               *WAIVERS, "--ledger", path).exit_code in (0, 1)
    return path


def test_the_life_of_an_item_in_chinese(run, ledger: Path) -> None:
    before = ledger.read_bytes()
    result = run("history", "--ledger", ledger, "--item", "DB2021-003", "--lang", "zh")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("督办事项 DB2021-003：区供电公司，指标“")
    steps = [line.split("  ")[0] for line in lines[3:]]
    assert steps == sorted(steps, key=lambda d: [int(x) for x in d[:-1].replace("年", "-")
                                                  .replace("月", "-").split("-")])
    assert "2021年7月15日  单位反馈：已完成外线工程" in lines
    assert any(line.startswith("2021年9月30日  办结") for line in lines)
    assert ledger.read_bytes() == before  # read, never written


def test_the_life_as_json(run, ledger: Path) -> None:
    result = run("history", "--ledger", ledger, "--item", "DB2021-003", "--format", "json")
    data = json.loads(result.stdout)
    assert data["item"]["status"] == "closed" and data["item"]["closed"] == "2021-09-30"
    assert [s["kind"] for s in data["life"]] == ["opened", "feedback", "closed"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--item", "db2021-3"), "did you mean DB2021-003?"),
        (("--item", "DB2021-003", "--format", "markdown"), "table or json"),
        (("--item", "DB2021-003", str(EX / "2021-Q2")), "no SUBMISSIONS"),
    ],
)
def test_usage_errors(run, ledger: Path, args: tuple[str, ...], words: str) -> None:
    result = run("history", "--ledger", ledger, *args)
    assert result.exit_code == 2 and words in result.stderr


def test_item_without_ledger_and_a_ledger_that_cannot_be_used(run, tmp_path: Path) -> None:
    assert run("history", "--item", "DB2021-001").exit_code == 2
    bad = tmp_path / "ledger.yaml"
    bad.write_text("items: [1, 2\n", encoding="utf-8")
    result = run("history", "--ledger", bad, "--item", "DB2021-001")
    assert result.exit_code == 3 and "ledger.yaml:" in result.stderr

"""Chinese typography, one way throughout: requirements in words, dates, punctuation."""

from __future__ import annotations

from datetime import date

import pytest

from bizenv_cli.i18n.zh_words import zh_amount, zh_date, zh_punctuation, zh_requirement


@pytest.mark.parametrize(
    ("comparator", "value", "unit", "words"),
    [
        ("<=", 30, "working_day", "不超过30个工作日"),
        (">=", 90, "percent", "不低于90%"),
        (">=", 25, "count", "不少于25"),
        ("<", 8.5, "hour", "少于8.5小时"),
        (">", 1, "percent", "高于1%"),
        ("==", 5, "count", "达到5"),
        ("<=", 0, "yuan", "为零"),  # never "<= 0 元"
        ("==", 0, "count", "为零"),
    ],
)
def test_a_requirement_in_words(comparator: str, value: float, unit: str, words: str) -> None:
    assert zh_requirement(comparator, value, unit) == words


def test_a_number_against_its_unit_and_a_date() -> None:
    assert zh_amount(27.5, "working_day") == "27.5个工作日"
    assert zh_amount(87, "percent") == "87%"
    assert zh_date(date(2021, 6, 30)) == "2021年6月30日"


def test_punctuation_beside_chinese_is_full_width() -> None:
    assert zh_punctuation("政府投资市政类(非独立占地),其他") == "政府投资市政类（非独立占地），其他"
    assert zh_punctuation("0.87 (ratio), a: b") == "0.87 (ratio), a: b"  # no Chinese beside

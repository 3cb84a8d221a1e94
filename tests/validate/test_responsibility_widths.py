"""The closing bracket's labels in either width: plans typed in Word use （牵头单位：…；…）,
copies from PDF often the half-width forms; R014 and R015 read both."""

from __future__ import annotations

import pytest

from bizenv_cli.rules._responsibility import field_text, unit_names

TAILS = [
    "…营商环境。(牵头单位:经发局;责任单位:区供电公司、税务局;完成时限:2021年6月底)",
    "…营商环境。（牵头单位：经发局；责任单位：区供电公司，税务局；完成时限：2021年6月底）",
    "…营商环境。（牵头单位：经发局,责任单位：区供电公司、税务局，完成时限：2021年6月底）",
]


@pytest.mark.parametrize("source", TAILS)
def test_labels_in_either_width(source: str) -> None:
    assert unit_names(source, "lead") == ["经发局"]
    assert unit_names(source, "responsible") == ["区供电公司", "税务局"]
    assert field_text(source, "deadline") == "2021年6月底"

"""Chinese typography for numbers, requirements and dates, one way throughout.

A requirement reads as the plan writes it: 不超过30个工作日, 不低于90%, 达到5项, 为零
(never ``<= 0 元``), 完成 for a milestone; a date reads 2021年6月30日; a number sits
against its unit (27.5个工作日, 87%). Every Chinese output goes through these helpers,
so a unit or a deadline is never written two ways. Core module: no click, no rich.
"""

from __future__ import annotations

import re

from bizenv_cli.i18n.catalogue import MESSAGES
from bizenv_cli.i18n.dates import zh_date as zh_date  # the one writer of Chinese dates
from bizenv_cli.i18n.numbers import number
from bizenv_cli.models.values import Comparator

_SHARES = ("percent", "ratio")  # a share is 不低于/低于; an amount 不少于/少于
_WORDS: dict[Comparator, tuple[str, str]] = {  # (for a share, for an amount)
    Comparator.le: ("不超过", "不超过"),
    Comparator.lt: ("低于", "少于"),
    Comparator.ge: ("不低于", "不少于"),
    Comparator.gt: ("高于", "超过"),
    Comparator.eq: ("达到", "达到"),
}
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def zh_unit(unit: str | None) -> str:
    """The unit's Chinese word (个工作日, %, 万元), '' for a plain count."""
    if not unit:
        return ""
    key = f"unit.{unit}"
    return MESSAGES[key][0] if key in MESSAGES else unit


def zh_amount(value: float, unit: str | None) -> str:
    """27.5个工作日, 87%, 3: the number against its unit, as Chinese prints it."""
    return f"{number(value)}{zh_unit(unit)}"


def zh_requirement(comparator: Comparator | str, value: float, unit: str | None) -> str:
    """不超过30个工作日, 不低于90%, 达到5, 为零: a requirement in words."""
    comparator = Comparator(comparator)
    if value == 0 and comparator in (Comparator.le, Comparator.eq):
        return "为零"  # 零投资, 零资料, 零上门: nothing at all, not "<= 0 元"
    share, amount = _WORDS[comparator]
    return (share if unit in _SHARES else amount) + zh_amount(value, unit)


def zh_dates(text: str) -> str:
    """Every ISO date (2021-06-30) in ``text`` written 2021年6月30日."""
    return _ISO_DAY.sub(lambda m: f"{int(m[1])}年{int(m[2])}月{int(m[3])}日", text)


_HAN = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]"
_HALF = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？"}
_BESIDE_HAN = re.compile(rf"(?<={_HAN}) ?([,:;()?]) ?|([,:;()?]) ?(?={_HAN})")


def zh_punctuation(text: str) -> str:
    """Chinese prose with full-width punctuation: a comma, colon, semicolon, bracket or
    question mark beside a Chinese character is written full-width (市政类（非独立占地）)."""
    return _BESIDE_HAN.sub(lambda m: _HALF[m[1] or m[2]], text)


def colon(lang: str) -> str:
    """The colon after a label: full-width in Chinese."""
    return "：" if lang == "zh" else ": "

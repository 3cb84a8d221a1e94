"""Render an explanation (``i18n.phrases``) in zh or en.

English is exactly what `bizenv check` has always printed (and what the JSON
``explanation`` holds); Chinese writes units as the report does (27.5 个工作日).
"""

from __future__ import annotations

from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.catalogue import MESSAGES
from bizenv_cli.i18n.numbers import quantity, requirement
from bizenv_cli.i18n.phrases import Arg, Explanation, Phrase, Qty, Req, Word
from bizenv_cli.i18n.zh_words import zh_amount, zh_dates, zh_requirement


def zh_quantity(value: float, unit: str | None, msg: Messages) -> str:
    return zh_amount(value, unit)  # 27.5个工作日: one way throughout (i18n.zh_words)


def _word(word: Word, msg: Messages) -> str:
    key = f"{word.vocabulary}.{word.value}"
    if key not in MESSAGES or (msg.lang == "en" and not word.en_label):
        return word.value
    return msg(key)


def _arg(value: Arg, msg: Messages) -> str:
    en = msg.lang == "en"
    if isinstance(value, Qty):
        if en:
            return quantity(value.value, value.unit)
        return zh_quantity(value.value, value.unit, msg)
    if isinstance(value, Req):
        if en:
            return requirement(value.comparator, value.value, value.unit)
        return zh_requirement(value.comparator, value.value, value.unit)  # 不超过30个工作日
    if isinstance(value, Word):
        return _word(value, msg)
    if isinstance(value, tuple):
        return (", " if en else "、").join(_word(w, msg) for w in value)
    if isinstance(value, Phrase):
        return _phrase(value, msg)
    return str(value) if en else zh_dates(str(value))  # 2021年6月30日


def _phrase(said: Phrase, msg: Messages) -> str:
    return msg(f"explain.{said.key}", **{name: _arg(v, msg) for name, v in said.fields})


def render(explanation: Explanation, msg: Messages) -> str:
    return "".join(_phrase(said, msg) for said in explanation)

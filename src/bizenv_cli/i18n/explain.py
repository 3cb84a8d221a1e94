"""Render an explanation (``i18n.phrases``) in zh or en.

English is exactly what `bizenv check` has always printed (and what the JSON
``explanation`` holds); Chinese writes units as the report does (27.5 个工作日).
"""

from __future__ import annotations

from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.catalogue import MESSAGES
from bizenv_cli.i18n.numbers import number, quantity, requirement
from bizenv_cli.i18n.phrases import Arg, Explanation, Phrase, Qty, Req, Word


def zh_quantity(value: float, unit: str | None, msg: Messages) -> str:
    label = msg.unit(unit)
    if label in ("%", ""):
        return f"{number(value)}{label}"
    return f"{number(value)} {label}"


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
        return f"{value.comparator.value} {zh_quantity(value.value, value.unit, msg)}"
    if isinstance(value, Word):
        return _word(value, msg)
    if isinstance(value, tuple):
        return (", " if en else "、").join(_word(w, msg) for w in value)
    if isinstance(value, Phrase):
        return _phrase(value, msg)
    return str(value)


def _phrase(said: Phrase, msg: Messages) -> str:
    return msg(f"explain.{said.key}", **{name: _arg(v, msg) for name, v in said.fields})


def render(explanation: Explanation, msg: Messages) -> str:
    return "".join(_phrase(said, msg) for said in explanation)

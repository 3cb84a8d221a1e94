"""Messages of the report in zh-CN and en, and the language to use.

Every label, status name and message the report prints comes from
``catalogue.MESSAGES``; this module picks the language and formats them.
Core module: no click, no rich.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Literal

from bizenv_cli.i18n.catalogue import MESSAGES

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

# POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def detect_lang(environ: Mapping[str, str]) -> Lang:
    """zh when the locale governing messages starts with "zh" (zh_CN.UTF-8...), else en."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


class Messages:
    """The catalogue in one language: ``msg("header.as_of", date="2021-06-30")``."""

    def __init__(
        self, lang: Lang, titles: Mapping[str, str] | None = None, ids: bool = False
    ) -> None:
        self.lang: Lang = lang
        self._index = 0 if lang == "zh" else 1
        self._titles: Mapping[str, str] = titles or {}
        self._ids = ids

    def titled(self, titles: Mapping[str, str], ids: bool = False) -> Messages:
        """The same catalogue naming targets by ``titles`` (id -> Chinese title) under zh;
        ``ids`` (-v) keeps each id beside its title."""
        return Messages(self.lang, titles, ids)

    def chinese(self) -> Messages:
        """The Chinese catalogue with the same titles (documents that are always Chinese)."""
        return Messages("zh", self._titles, self._ids)

    def label(self, target: str) -> str:
        """How people read a target: its Chinese title under zh (the id behind -v, or
        when the measure set gives no title), else its id, as machines and English do."""
        title = self._titles.get(target) if self.lang == "zh" else None
        if title is None:
            return target
        return f"{title}（{target}）" if self._ids else title

    def __call__(self, key: str, **fields: object) -> str:
        text = MESSAGES[key][self._index]
        return text.format(**fields) if fields else text

    def date(self, day: date) -> str:
        """2021年6月30日 in Chinese text, 2021-06-30 in English."""
        from bizenv_cli.i18n.dates import day_text

        return day_text(day, self.lang)

    def status(self, status: str) -> str:
        return self(f"status.{status}")

    def unit(self, unit: str | None) -> str:
        if not unit:
            return ""
        key = f"unit.{unit}"
        return self(key) if key in MESSAGES else unit


_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 28 -> 二十八: how the plan numbers chapters and sections."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    text = ("" if tens == 1 else _DIGITS[tens]) + "十" if tens else ""
    return text + (_DIGITS[ones] if ones else "")

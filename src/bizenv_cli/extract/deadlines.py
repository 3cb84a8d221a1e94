"""Deadlines as plans write them, read into a date, ongoing work, or both.

2021年6月底, 2025年6月底前完成, 2025年12月31日前, 2025年底, 2025年上半年, 第三季度,
6月底前 (the year taken from the plan, and noted), 长期坚持 / 持续推进 (ongoing), and
2020年8月底,长期推进 (due then, ongoing after). Works on folded text (fold.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bizenv_cli.models.deadline import last_day_of_month
from bizenv_cli.rules._numerals import parse_chinese

ONGOING = re.compile(
    r"长期(?:推进|坚持|开展|实施|有效|执行)?|持续(?:推进|开展|实施|深化|落实|完善)|"
    r"常态化(?:推进|开展|实施)?|每年(?:开展|推进)?"
)
_NUM = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
_YEAR = r"(?P<year>\d{4})年"
_DATE = re.compile(
    rf"(?:{_YEAR})?(?:"
    rf"(?P<month>{_NUM})月(?:份)?(?:(?P<day>{_NUM})日|底|末|中旬|上旬|下旬)?"
    r"|(?P<half>上半年|下半年)"
    rf"|第?(?P<quarter>[一二三四1-4])季度(?:末|底)?"
    r"|(?P<yearend>年?底|年末|年内)"
    r")"
)
_QUARTER = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}


@dataclass(frozen=True)
class ReadDeadline:
    due: date | None
    ongoing: bool
    inferred_year: bool  # the text gives no year: the plan's was used
    exact_day: bool  # a day of the month other than its last (the model keeps month ends)

    @property
    def model_text(self) -> str | None:
        """The wording the measure model takes: YYYY年M月底, 长期推进, or both."""
        if self.due is None:
            return "长期推进" if self.ongoing else None
        text = f"{self.due.year}年{self.due.month}月底"
        return f"{text},长期推进" if self.ongoing else text

    @property
    def json_value(self) -> str | None:
        if self.due is not None:
            return self.due.isoformat()
        return "ongoing" if self.ongoing else None


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else parse_chinese(text)


def _date(match: re.Match[str], year: int | None) -> tuple[date, bool, bool] | None:
    """(date, year inferred, exact day) of one match, or None."""
    inferred = match["year"] is None
    y = int(match["year"]) if match["year"] else year
    if y is None or not 1900 <= y <= 2200:
        return None
    if match["month"]:
        month = _int(match["month"])
        if month is None or not 1 <= month <= 12:
            return None
        if match["day"]:
            day = _int(match["day"])
            last = last_day_of_month(y, month)
            if day is None or not 1 <= day <= last.day:
                return None
            return date(y, month, day), inferred, day != last.day
        return last_day_of_month(y, month), inferred, False
    if match["half"]:
        first = match["half"] == "上半年"
        return date(y, 6 if first else 12, 30 if first else 31), inferred, False
    if match["quarter"]:
        return last_day_of_month(y, _QUARTER[match["quarter"]]), inferred, False
    if match["yearend"] and (match["year"] or match["yearend"] in ("年内", "年底")):
        return date(y, 12, 31), inferred, False
    return None


def read_deadline(text: str, year: int | None) -> ReadDeadline | None:
    """The deadline a (folded) phrase states, the latest date when it names several;
    None when it states none. ``year``: the plan's year, for a month without one."""
    found: list[tuple[date, bool, bool]] = []
    for match in _DATE.finditer(text):
        if not match.group(0) or (match["year"] and not any(
            match[g] for g in ("month", "half", "quarter", "yearend")
        )):
            continue
        got = _date(match, year)
        if got is not None:
            found.append(got)
    if not found:
        whole_year = re.search(r"(?P<year>\d{4})年(?:全年|内|前|完成|$)", text)
        if whole_year:
            found.append((date(int(whole_year["year"]), 12, 31), False, False))
    ongoing = bool(ONGOING.search(text))
    if not found:
        return ReadDeadline(None, True, False, False) if ongoing else None
    due, inferred, exact = max(found)
    return ReadDeadline(due, ongoing, inferred, exact)


# A deadline inside a measure's sentence: "9月底前,实现..." / "2025年底前完成".
IN_SENTENCE = re.compile(
    rf"(?:{_YEAR})?(?:(?:{_NUM})月(?:份)?(?:(?:{_NUM})日|底|末)?|年?底|上半年|下半年)"
    r"(?:前|以前|之前)"
)

"""Numbers written in Chinese text: digits (0.5, 100, 2,000, 100万) and Chinese
numerals (两, 二十, 十万, 三百五十, 百分之九十)."""

from __future__ import annotations

import math
import re

_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_BIG_UNIT = {"万": 10_000, "亿": 100_000_000}
_CHINESE_RUN = re.compile("[零〇一二两三四五六七八九十百千万亿]+")
_ARABIC = re.compile(r"[0-9]+(?:[,,][0-9]{3})*(?:\.[0-9]+)?(?P<big>[万亿])?")


def parse_chinese(text: str) -> int | None:
    """Value of a Chinese numeral such as 二十, 十万, 一千零五; None if malformed."""
    if text in ("零", "〇"):
        return 0
    text = text.replace("零", "").replace("〇", "")  # 一千零五: 零 only holds a place
    total = 0  # finished 万/亿 groups
    group = 0  # the current group below 万
    digit: int | None = None
    for ch in text:
        if ch in _DIGIT:
            if digit is not None:
                return None  # two digits in a row: not a positional numeral
            digit = _DIGIT[ch]
        elif ch in _SMALL_UNIT:
            group += (1 if digit is None else digit) * _SMALL_UNIT[ch]
            digit = None
        else:
            group += digit or 0
            digit = None
            if group == 0 and total == 0:
                return None
            total = (total + group) * _BIG_UNIT[ch]
            group = 0
    return total + group + (digit or 0)


def numbers_in(text: str) -> set[float]:
    """Every number ``text`` writes, read generously (a typo guard, not a parser)."""
    found: set[float] = set()
    for match in _ARABIC.finditer(text):
        number = match.group(0).rstrip("万亿")
        joined = float(re.sub("[,,]", "", number))
        found.add(joined)
        for part in re.split("[,,]", number):  # 30,45 is a list, 2,000 a thousand separator
            found.add(float(part))
        if match.group("big"):
            found.add(joined * _BIG_UNIT[match.group("big")])
    for match in _CHINESE_RUN.finditer(text):
        run = match.group(0)
        value = parse_chinese(run)
        if value is not None:
            found.add(float(value))
        found.update(float(_DIGIT[ch]) for ch in run if ch in _DIGIT)
        found.update(float(v) for ch, v in _SMALL_UNIT.items() if ch in run)
    return found


def appears(value: float, text: str) -> bool:
    return any(math.isclose(value, n, rel_tol=1e-9, abs_tol=1e-9) for n in numbers_in(text))

"""Usage errors in Chinese: the messages of bizenv's own commands and the details of
click's common bad values, as data (``cli.lang_of_run`` shows them under zh)."""

from __future__ import annotations

import re

# The usage errors of history, diff, cases, workdays and score, in Chinese (exact messages
# and patterns; the others keep their English).
USAGE_ZH: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^give submission files or folders \(or days with --at\)$"),
        "请给出报送文件或文件夹（或用 --at 指定日期）",
    ),
    (
        re.compile(r"^give either --mapping or --target, not both$"),
        "--mapping 与 --target 只能给一个",
    ),
    (
        re.compile(r"^--target needs --start COLUMN and --end COLUMN$"),
        "--target 需要同时给出 --start 列名和 --end 列名",
    ),
    (
        re.compile(r"^--start, --end, --id and --where go with --target$"),
        "--start、--end、--id 和 --where 只能与 --target 一起使用",
    ),
    (
        re.compile(r"^give a time of day on both START and END, or on neither"),
        "START 和 END 要么都写时刻，要么都不写：只有日期无法计算办公时间",
    ),
    (
        re.compile(r"^END (?P<end>.+) is before START (?P<start>.+)$"),
        "END {end} 早于 START {start}",
    ),
    (
        re.compile(r"^give the year's submission files or folders"),
        "请给出全年的报送文件或文件夹（如 examples/2021-Q1 examples/2021-Q2）",
    ),
]

# What a bad value is, for the common parameter types (the detail of "的值无效").
VALUE_ZH: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?P<v>.+): there is no such day$"), "没有 {v} 这一天"),
    (
        re.compile(r"^(?P<v>.+) is not a date: write .+$", re.S),
        "{v} 不是日期：请写作 2021-06-30、2021/6/30、2021年6月30日 或 2021.6.30",
    ),
    (re.compile(r"^(?P<v>.+) has a time of day: give the day alone$"), "{v} 带有时刻：只写日期"),
    (re.compile(r"^(?P<v>.+) is not in the range (?P<r>.+?)\.?$"), "{v} 不在范围 {r} 之内"),
    (re.compile(r"^(?P<v>.+) is not a valid integer( range)?\.?$"), "{v} 不是整数"),
]



def usage_zh(message: str) -> str | None:
    """A usage error's message in Chinese, None when it has no template."""
    for pattern, template in USAGE_ZH:
        found = pattern.match(message)
        if found:
            return template.format(**found.groupdict())
    return None


def value_zh(text: str) -> str:
    """What is wrong with a value, in Chinese; the English in brackets otherwise."""
    for pattern, template in VALUE_ZH:
        found = pattern.match(text)
        if found:
            return template.format(**found.groupdict())
    return f"（{text}）"

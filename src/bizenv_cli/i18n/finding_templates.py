"""The most common findings and errors written wholly in Chinese.

``findings.zh_message`` prints a code's meaning with the English detail in brackets; for
the messages people meet most (an unknown unit or target id in a return, the summaries of
a capped list, the closing line of a check that stopped) the whole sentence has a Chinese
template here, matched on the English message the core wrote. A message that matches none
keeps the general form.
"""

from __future__ import annotations

import re

_ID = r"'[^']*'|\"[^\"]*\""

TEMPLATES: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "C002": [
        (
            re.compile(rf"^unknown department (?P<name>{_ID}): did you mean (?P<hint>.+)\?$"),
            "未知的单位 {name}，是否应为 {hint}？",
        ),
        (
            re.compile(
                rf"^unknown department (?P<name>{_ID}): use an id or name from "
                r"measures/departments\.yaml$"
            ),
            "未知的单位 {name}，请使用 measures/departments.yaml 中的单位编号或名称",
        ),
    ],
    "C003": [
        (
            re.compile(rf"^unknown target id (?P<id>{_ID}): did you mean (?P<hint>{_ID})\?$"),
            "未知的指标编号 {id}，是否应为 {hint}？",
        ),
        (
            re.compile(rf"^unknown target id (?P<id>{_ID}) \(see `bizenv list` for target ids\)$"),
            "未知的指标编号 {id}（指标编号见 bizenv list）",
        ),
    ],
}

# The summaries ``diagnostics.cap`` writes, whatever the code.
SUMMARIES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^\.\.\. and (?P<n>[\d,]+) more .+ in this file, from here on$"),
        "本文件从此处起另有 {n} 条同类问题",
    ),
    (
        re.compile(
            r"^\.\.\. and (?P<n>[\d,]+) more .+ in (?P<files>[\d,]+) file\(s\), from here on$"
        ),
        "从此处起另有 {n} 条同类问题，分布在 {files} 个文件中",
    ),
]

_STOPPED = re.compile(
    r"^(?P<n>[\d,]+) problem\(s\) in (?P<files>[\d,]+) input file\(s\): (?P<what>.+)$"
)
_WHAT = {
    "nothing was checked": "未做检查",
    "no history was made": "未生成历史",
    "nothing was scored": "未计分",
}


def _brackets(text: str) -> str:
    """``经发局 (x)`` -> ``经发局（x）``: a suggestion's gloss in full-width brackets."""
    found = re.fullmatch(r"(.*) \(([^()]*)\)", text, re.S)
    return f"{found[1]}（{found[2]}）" if found else text


def whole(code: str, message: str) -> str | None:
    """``message`` wholly in Chinese when a template fits it, else None."""
    for pattern, template in [*TEMPLATES.get(code, []), *SUMMARIES]:
        found = pattern.match(message)
        if found:
            fields = {k: _brackets(v) for k, v in found.groupdict().items()}
            return template.format(**fields)
    return None


def stopped(message: str) -> str | None:
    """The closing line of a run stopped by bad input, in Chinese (None: no template)."""
    found = _STOPPED.match(message)
    if found is None or found["what"] not in _WHAT:
        return None
    return f"{found['n']} 个问题，涉及 {found['files']} 个输入文件，{_WHAT[found['what']]}"


# Warnings the core writes as whole lines (not findings).
_NOTHING_READ = re.compile(
    r"^bizenv: (?P<why>no submission was read|no submissions given): all (?P<n>\d+) targets "
    r"are judged as not reported on (?P<day>\d{4}-\d{2}-\d{2})(?P<today> \(today\))?; "
    r"pass the departments' submission files or folders as arguments \(e\.g\. (?P<eg>.+)\)$"
)


def warning_line(line: str) -> str | None:
    """A warning line of the core's in Chinese (None: no template)."""
    from datetime import date

    from bizenv_cli.i18n.dates import zh_date

    found = _NOTHING_READ.match(line)
    if found is None:
        return None
    read = found["why"].startswith("no submission was")
    why = "没有读到任何报送文件" if read else "没有给出报送文件"
    day = zh_date(date.fromisoformat(found["day"])) + ("（今天）" if found["today"] else "")
    return (
        f"bizenv：{why}：全部 {found['n']} 个目标在{day}均按未报送判定；"
        f"请把各单位的报送文件或文件夹作为参数（如 {found['eg']}）"
    )

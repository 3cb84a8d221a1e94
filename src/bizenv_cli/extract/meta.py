"""The plan's title, issuer, issue date and addressees, and its document-level rules.

Read from the lines before the first heading (and, for the signature and date, from
the end of the document too); what is not found stays None and is marked for review."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from bizenv_cli.extract.fold import folded
from bizenv_cli.extract.layout import Line
from bizenv_cli.rules._numerals import parse_chinese

_TITLE = re.compile(
    r"(?:方案|要点|意见|措施|计划|办法|清单|通知|规划|举措|任务分工|细则|行动|分解表|任务表)$"
)
_ISSUER = re.compile(
    r"(?:委员会|委|政府|办公室|办公厅|管委会|工委|党委|局|厅|领导小组|指挥部|中心)$"
)
_CN_DIGIT = "〇零一二三四五六七八九"
_DATE = re.compile(
    rf"^[(]?(?P<y>\d{{4}}|[{_CN_DIGIT}]{{4}})年(?P<m>\d{{1,2}}|[十一二]{{1,3}})月"
    rf"(?P<d>\d{{1,2}}|[十二三一四五六七八九]{{1,3}})日[)]?$"
)
LEAD_FIRST = re.compile(
    r"(?:第一个?|排(?:在)?(?:第一|首)个?位?|列(?:在)?(?:第一|首)个?位?|排名第一|首位)(?:的)?(?:责任)?"
    r"(?:单位|部门)?(?:为|是)(?:牵头|主要负责|第一责任)(?:单位|部门)?"
)


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(ch in _CN_DIGIT for ch in text):  # 二〇二一
        return int("".join(str(max(_CN_DIGIT.index(ch) - 1, 0)) for ch in text))
    return parse_chinese(text)


def date_line(text: str) -> date | None:
    match = _DATE.match(folded(text))
    if not match:
        return None
    y, m, d = (_number(match[g]) for g in ("y", "m", "d"))
    try:
        return date(y, m, d) if y and m and d else None
    except ValueError:
        return None


def _is_title(view: str) -> bool:
    return bool(_TITLE.search(view)) and len(view) <= 80 and not view.startswith("《")


def _title_open(title: object) -> bool:
    """No title yet, or only a notice (关于印发《…》的通知): the plan's own title wins."""
    return title is None or str(title).endswith("通知")


def plan_meta(head: list[Line], tail: list[Line]) -> dict[str, object]:
    """title, issuer, issued, addressees (each None when not found)."""
    found: dict[str, object] = {"title": None, "issuer": None, "issued": None,
                                "addressees": None}  # fmt: skip
    previous: str | None = None
    for line in [*head, *tail]:
        view = folded(line.text)
        written = "".join(line.text.split())
        if not view:
            continue
        when = date_line(line.text)
        if when is not None:
            if found["issued"] is None:
                found["issued"] = when
                if previous and _ISSUER.search(folded(previous)) and found["issuer"] is None:
                    found["issuer"] = previous
            continue
        if line in head and found["addressees"] is None and re.search("[:]$", view):
            found["addressees"] = written.rstrip(":：∶")
        elif _is_title(view) and line in head and _title_open(found["title"]):
            found["title"] = written
        previous = written if len(view) <= 40 else None
    return found


def plan_year(title: str | None, issued: date | None, text: str) -> int | None:
    """The year for a deadline written without one: the issue date's, else the title's,
    else the year the text names most often."""
    if issued is not None:
        return issued.year
    if title and (m := re.search(r"(20\d\d)", title)):
        return int(m[1])
    years = Counter(re.findall(r"(20\d\d)\s*年", text))
    return int(years.most_common(1)[0][0]) if years else None

"""Hard numeric targets in a measure's text: comparator, value, unit and the quote.

"压缩至3个工作日以内" (<= 3 working days), "达到90%以上" (>= 90 %), "不超过8天",
"30、45、40个工作日以内" (one target per number), "零跑腿" (<= 0), "同比增长10%" (a change
of >= 10 %), "每年组织一次" (a frequency). A number that only bounds where a target
applies ("300米的用电接入工程", "2000千伏安及以下负荷") is not a target. Every quote is
cut from the measure's own words (the clause up to the number's end)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bizenv_cli.extract.fold import Folded
from bizenv_cli.models import Unit
from bizenv_cli.rules._numerals import parse_chinese

UNITS: list[tuple[str, Unit]] = [
    ("个工作日", Unit.working_day), ("工作日", Unit.working_day),
    ("个自然日", Unit.calendar_day), ("自然日", Unit.calendar_day),
    ("个小时", Unit.hour), ("小时", Unit.hour), ("分钟", Unit.minute),
    ("个月", Unit.month), ("天", Unit.calendar_day), ("日", Unit.calendar_day),
    ("%", Unit.percent), ("万美元", Unit.ten_thousand_usd), ("美元", Unit.usd),
    ("万元", Unit.ten_thousand_yuan), ("元", Unit.yuan), ("平方米", Unit.m2),
    ("平米", Unit.m2), ("公里", Unit.km), ("千米", Unit.km), ("千伏安", Unit.kVA),
    ("千瓦", Unit.kW), ("千伏", Unit.kV), ("米", Unit.m), ("个", Unit.count),
    ("项", Unit.count), ("件", Unit.count), ("次", Unit.count), ("份", Unit.count),
    ("家", Unit.count), ("户", Unit.count), ("张", Unit.count), ("年", Unit.year),
]  # fmt: skip
TIME = {Unit.working_day, Unit.calendar_day, Unit.hour, Unit.minute}
_NUM = r"\d+(?:\.\d+)?|[零一二两三四五六七八九十][零一二两三四五六七八九十百千万]*"
_UNIT = "|".join(re.escape(u) for u, _ in UNITS)
_LE_BEFORE = (
    r"压缩至|压缩到|压减至|压减到|缩短至|缩短到|缩减至|缩减到|减少至|减少到|减至|降至|降到|"
    r"降低至|降低到|下降至|下降到|控制在|精简至|精简到|不超过|不多于|不高于|不大于|最多|至多|"
    r"最长不超过|均不超过|平均不超过|低于|少于|以内"
)
_GE_BEFORE = (
    r"达到|达|提高到|提高至|提升至|提升到|增加到|增加至|增至|扩大到|扩大至|不低于|不少于|"
    r"至少|超过|高于|保持在|稳定在|均达到|力争达到"
)
QUANTITY = re.compile(
    r"(?P<gap>(?:最多|至多)[^\d,;。、零一二两三四五六七八九十]{1,2})?"
    rf"(?P<before>(?:{_LE_BEFORE}|{_GE_BEFORE}|至|到)?)(?P<about>约|在)?"
    rf"(?P<nums>(?:{_NUM})(?:、(?:{_NUM}))*)(?P<unit>{_UNIT})"
    r"(?P<after>及以下|及以上|以下|以上|以内|之内|内)?"
)
_CHANGE = re.compile(
    rf"(?P<verb>压减|压缩|减少|降低|下降|缩短|减|增长|提高|提升|增加)(?:了)?(?P<nums>{_NUM})%"
    r"(?P<after>以上)?"
)
_CN_PERCENT = re.compile(
    rf"(?P<before>{_LE_BEFORE}|{_GE_BEFORE})?百分之(?P<nums>[零一二两三四五六七八九十百]+)"
    r"(?P<after>以上|以内|以下)?"
)
_ZERO = re.compile(r"零(?P<what>投资|费用|收费|成本|上门|跑腿|跑动|资料|材料|审批|见面|证明)")
_FREQUENCY = re.compile(
    rf"每(?P<period>年|季度|季|月|半年)[^,;。]{{0,12}}?(?:至少)?(?P<nums>{_NUM})次"
)
_DECREASE = re.compile(r"减少|压缩|压减|精简|缩短|降|控制|减")
_INCREASE = re.compile(r"提高|提升|增加|扩大|增长|达")
_CLAUSE_END = re.compile(r"[,;。:!?]")
_PERIODS = {"年": "year", "半年": "year", "季度": "quarter", "季": "quarter", "月": "month"}


@dataclass
class Found:
    quote: str  # verbatim, cut from the measure's text
    value: float | int
    unit: Unit
    comparator: str  # <=, >=, =, <
    kind: str = "threshold"  # threshold, change, frequency
    direction: str | None = None  # change: decrease / increase
    period: str | None = None  # frequency: year / quarter / month
    strive: bool = False
    notes: list[str] = field(default_factory=list)


def number(text: str) -> float | int | None:
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    return parse_chinese(text)


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding ``at`` starts (at most 200 characters back)."""
    low = max(0, at - 200)
    starts = [m.end() for m in _CLAUSE_END.finditer(text, low, at)]
    return starts[-1] if starts else low


def _clause_end(text: str, at: int) -> int:
    match = _CLAUSE_END.search(text, at)
    return match.start() if match else len(text)


def find_targets(body: Folded) -> list[Found]:
    text = body.text
    found: list[Found] = []
    taken = bytearray(len(text) + 1)  # 1 where a number already went into a target
    zeros: set[str] = set()

    def take(start: int, end: int) -> None:
        taken[start:end] = b"\x01" * (end - start)

    def add(start: int, end: int, item: Found) -> None:
        clause = _clause_start(text, start)
        item.quote = body.cut(clause, end).strip()
        item.strive = bool(re.search("力争|争取", text[clause:end]))
        found.append(item)
        take(start, end)

    for m in _ZERO.finditer(text):
        unit = Unit.yuan if m["what"] in ("投资", "费用", "收费", "成本") else Unit.count
        if m[0] not in zeros:  # 零跑腿 (…实现零跑腿): one target
            zeros.add(m[0])
            found.append(Found(body.cut(m.start(), m.end()), 0, unit, "<="))
            take(*m.span())
    for m in _FREQUENCY.finditer(text):
        value = number(m["nums"])
        if value is not None:
            add(m.start(), m.end(), Found("", value, Unit.count, ">=", "frequency",
                                          period=_PERIODS[m["period"]]))  # fmt: skip
    for m in _CHANGE.finditer(text):
        if text[m.end() : m.end() + 1] in ("至", "到") or taken[m.start()]:
            continue
        value = number(m["nums"])
        if value is None:
            continue
        direction = "increase" if m["verb"] in ("增长", "提高", "提升", "增加") else "decrease"
        add(m.start(), m.end(), Found("", value, Unit.percent, ">=", "change", direction))
    for m in _CN_PERCENT.finditer(text):
        value = number(m["nums"])
        if value is None:
            continue
        low = bool(m["before"] and re.fullmatch(_LE_BEFORE, m["before"])) or m["after"] in (
            "以内", "以下")  # fmt: skip
        add(m.start(), m.end(), Found("", value, Unit.percent, "<=" if low else ">="))
    for m in QUANTITY.finditer(text):
        if taken[m.start("nums")]:
            continue
        for each in _quantity(text, m) or []:
            for _ in range(_shared(text, m)):
                add(m.start(), m.end(), replace(each, notes=list(each.notes)))
    return found


def _shared(text: str, m: re.Match[str]) -> int:
    """How many quantities one number sets: 办结率和无差错率均达到100% sets two."""
    if not (m["before"].startswith("均") or text[m.start() - 1 : m.start()] == "均"):
        return 1
    clause = text[_clause_start(text, m.start()) : m.start()].rstrip("均")
    parts = re.split("和|及|与|、", clause)
    return max(1, sum(1 for part in parts if re.search("(?:率|度|比例|比重)$", part)))


def _quantity(text: str, m: re.Match[str]) -> list[Found] | None:
    unit = dict(UNITS)[m["unit"]]
    before, after = m["before"], m["after"] or ""
    start = m.start("nums")
    prev = text[max(0, start - 1) : start]
    if prev in ("第", "月", "年") or re.match(r"\d{4}$", m["nums"]) or (prev.isdigit()):
        return None  # 第3, 6月30日, 2021年
    if unit is Unit.year and not after:
        return None
    rest = text[m.end() : _clause_end(text, m.end())]
    bounds = ["及以下", "及以上", "以下"] + ([] if unit is Unit.percent else ["以上"])
    if after in bounds and rest and (rest[0] != "、" or "的" in rest):
        return None  # 2000千伏安及以下负荷, 1000万元以上项目: bound the scope
    if m["nums"] == "24" and unit is Unit.hour and not before:
        if re.match(r"[“\"]?(?:不打烊|不间断|在线|全天候)", rest):
            note = "round-the-clock service: read as >= 24 hours"
            return [Found("", 24, unit, ">=", notes=[note])]
        return None
    if unit is not Unit.percent and "的" in rest[:20]:
        return None  # 不超过300米的用电接入工程: a scope
    comparator = None
    notes: list[str] = []
    below = after in ("以内", "之内", "内", "以下", "及以下")
    if m["gap"] or re.fullmatch(_LE_BEFORE, before) or below:
        comparator = "<" if before in ("低于", "少于") else "<="
    elif re.fullmatch(_GE_BEFORE, before) or after in ("以上", "及以上"):
        comparator = ">" if before in ("超过", "高于") else ">="
    elif before in ("至", "到"):
        clause = text[_clause_start(text, m.start()) : m.start()]
        if _DECREASE.search(clause):
            comparator = "<="
        elif _INCREASE.search(clause):
            comparator = ">="
    if comparator is None and unit in TIME:
        if re.search("提前|超过|满|每|前", text[max(0, m.start() - 2) : m.start()]):
            return None
        comparator = "<="
        notes.append(f"a time limit without 以内/不超过: read as <= {m['nums']}")
    if comparator is None and unit is Unit.percent:
        comparator = ">="
        notes.append("a rate without 达到/以上: read as >=")
    if comparator is None:
        return None
    if m["about"] == "约":
        notes.append("约 (about): read as the value itself, no tolerance")
    values = [number(n) for n in m["nums"].split("、")]
    if any(v is None for v in values):
        return None
    return [Found("", v, unit, comparator, notes=list(notes)) for v in values if v is not None]

"""Every unit the plan names, once: ids, kinds, and the spellings that are one unit.

Names are grouped by their matching form (fold.py); two spellings are also read as one
unit, and noted for review, when they differ only by a leading 区/市/县 (区税务局 and
税务局), when one ends the other (审批局 and 行政审批局), or when the shorter is an
abbreviation of the longer (工管中心 and 工程管理中心: same first and last character, in
order). Collectives (各街道(功能区), 区直各有关部门) are never merged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bizenv_cli.extract.fold import folded
from bizenv_cli.extract.names import is_collective

# Matching-form fragments -> an English id; the first that a name contains wins.
_GLOSSARY = [
    ("优化办", "business-environment-office"), ("营商", "business-environment-office"),
    ("党政办", "party-government-office"), ("纪工委", "discipline-commission"),
    ("纪委", "discipline-commission"), ("组织人社", "organization-hr-bureau"),
    ("发展和改革", "development-reform"), ("发改", "development-reform"),
    ("经济发展", "economic-development"), ("经发", "economic-development"),
    ("经信", "industry-it"), ("工信", "industry-it"), ("科技", "science-technology"),
    ("财金", "finance"), ("财政", "finance"), ("税务", "tax"), ("市场监", "market-supervision"),
    ("公安", "public-security"), ("住建", "housing-construction"),
    ("住房和城乡建设", "housing-construction"), ("自然资源", "natural-resources"),
    ("生态环境", "ecology-environment"), ("人力资源", "human-resources"),
    ("人社", "human-resources"), ("行政审批", "administrative-approval"),
    ("审批", "administrative-approval"), ("政务服务", "government-services"),
    ("数据", "data-bureau"), ("商务", "commerce"), ("交通", "transport"), ("水利", "water"),
    ("水务", "water"), ("教育", "education"), ("卫生", "health"), ("卫健", "health"),
    ("医保", "medical-insurance"), ("社保", "social-security"), ("社发", "social-development"),
    ("司法", "justice"), ("法院", "court"), ("法庭", "court"), ("检察", "procuratorate"),
    ("供电", "power-supply"), ("电力", "power-supply"), ("自来水", "water-supply"),
    ("供水", "water-supply"), ("燃气", "gas"), ("天然气", "gas"), ("人民银行", "central-bank"),
    ("银行", "banks"), ("统计", "statistics"), ("应急", "emergency-management"),
    ("安监", "work-safety"), ("招商", "investment-promotion"), ("综合执法", "law-enforcement"),
    ("城管", "urban-management"), ("拆迁", "demolition"), ("工管", "engineering-management"),
    ("工程管理", "engineering-management"), ("建投", "construction-investment"),
    ("宣传", "publicity"), ("街道", "subdistricts"), ("乡镇", "townships"),
    ("功能区", "zones"), ("园区", "parks"), ("办公室", "office"), ("部门", "departments"),
    ("单位", "units"), ("公司", "company"),
]  # fmt: skip
_PREFIX = re.compile(r"^(?:全区|我区|区|市|县|省)(?=.{3})")


@dataclass
class Unit:
    id: str
    name: str  # as the plan first writes it (whitespace removed)
    aliases: list[str] = field(default_factory=list)
    kind: str = "government"
    merged: list[str] = field(default_factory=list)  # spellings merged by a guess: review


def kind_of(key: str) -> str:
    if is_collective(key):
        return "collective"
    if re.search("法院|法庭|检察", key):
        return "judicial"
    if re.search("银行|协会|商会|海关", key):
        return "outside"
    if re.search("党|纪工委|纪委|组织部|宣传部|统战", key):
        return "party"
    if re.search("公司|集团", key):
        return "state_owned_company"
    return "government"


def _key(name: str) -> str:
    return re.sub("办公室$", "办", folded(name))


def _same(a: str, b: str) -> bool:
    """Two non-collective matching forms that a plan uses for one unit."""
    a2, b2 = _PREFIX.sub("", a), _PREFIX.sub("", b)
    if a2 == b2:
        return True
    short, long_ = sorted((a2, b2), key=len)
    if len(short) >= 3 and long_.endswith(short) and len(long_) - len(short) <= 4:
        return True
    if len(short) < 3 or short[0] != long_[0] or short[-1] != long_[-1]:
        return False
    if len(long_) > 2 * len(short):
        return False
    it = iter(long_)
    return all(ch in it for ch in short)


class Registry:
    def __init__(self) -> None:
        self.units: list[Unit] = []
        self._by_key: dict[str, Unit] = {}

    def add(self, written: str) -> Unit:
        """The unit of a name as written (whitespace removed), registered on first sight."""
        key = _key(written)
        unit = self._by_key.get(key)
        if unit is None:
            kind = kind_of(key)
            if kind != "collective":
                unit = next((u for u in self.units if u.kind != "collective"
                             and _same(_key(u.name), key)), None)  # fmt: skip
                if unit is not None:
                    unit.merged.append(written)
            if unit is None:
                unit = Unit(self._new_id(key, kind), written, kind=kind)
                self.units.append(unit)
            self._by_key[key] = unit
        if written != unit.name and written not in unit.aliases:
            unit.aliases.append(written)
        return unit

    def _new_id(self, key: str, kind: str) -> str:
        base = next((slug for fragment, slug in _GLOSSARY if fragment in key), "unit")
        if kind == "collective" and not base.startswith("all-"):
            base = f"all-{base}"
        taken = {u.id for u in self.units}
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

"""Unit names as plans write them: is a phrase a unit, a collective, and split a list."""

from __future__ import annotations

import re

# How the name of a unit ends (folded text, a bracketed remark removed).
_SUFFIX = re.compile(
    r"(?:局|委|办|办公室|中心|公司|集团|分局|院|部|厅|室|所|队|站|处|科|股|街道|乡镇|镇|乡|"
    r"政府|法院|法庭|检察院|银行|单位|部门|管委会|工委|党委|纪委|纪工委|监委|功能区|园区|"
    r"开发区|分行|支行|协会|商会|联合会|总工会|团委|妇联|海关|机构|小组|指挥部|委员会|组织|"
    r"供电所|事务所|学校|医院|管理处|口岸|窗口|平台|专班|各区|各县|县区|区县|市区|联|协|署|馆|"
    r"社|红十字会|商会|总工会)$"
)
_COLLECTIVE = re.compile(
    r"^(?:区直|市直|县直|省直|全区|全市|全县)?(?:各|有关|相关|其他)|各(?:有关|相关)?(?:部门|单位)$|"
    r"(?:等|有关|相关)(?:部门|单位)$|成员单位$|各(?:街道|乡镇|功能区|园区|县区|区县|县|区)"
)
_JOINED = re.compile(
    r"(?<=[局委办心司院厅处府行团庭])(?=区|市|县|省|各(?!类|项))"
)
_PARTY_AND_GOVERNMENT = re.compile(r"[区市县省]委[区市县省](?:人民)?政府")  # 市委市政府督查室
_REMARK = re.compile(r"\([^()]*\)$")
SPLIT = re.compile(r"[、,/／\s]")
_VERB_TAIL = re.compile(
    r"(?:按职责分工负责|按职责负责|按职能分工负责|分工负责|按职责|牵头|负责|配合|参与|协助|协办|"
    r"落实|共同|按照职责|依职责)$"
)


def clean_name(name: str) -> str:
    """A folded name without a trailing 等, a leading 由 or a verb like 负责/牵头."""
    name = name.strip(" :;,.。、")
    previous = None
    while previous != name:
        previous = name
        name = _VERB_TAIL.sub("", name)
        name = name.removeprefix("由").removesuffix("等").strip(" :;,.。、")
        trimmed = re.sub(r"等(?:有关|相关|其他)?(?:部门|单位)$", "", name)
        if trimmed != name and is_unit(trimmed):
            name = trimmed
    return name


def is_collective(name: str) -> bool:
    return bool(_COLLECTIVE.search(name))


def is_unit(name: str) -> bool:
    """Does this folded phrase read as the name of a unit (or a collective of units)?"""
    if not 2 <= len(name) <= 40 or re.search(r"[。;:!?\"“”《》]|\d{4}年", name):
        return False
    bare = _REMARK.sub("", name) or name
    return bool(_SUFFIX.search(bare)) or is_collective(name)


def unit_list(text: str, *, labelled: bool = False) -> list[str] | None:
    """The unit names of a (folded) list such as 区发改局、区财政局等; None when a piece
    is not a unit name (then it is not a list of units). ``labelled``: a label said
    these are units, so a short name of an unknown shape is taken too."""
    # Keep 各街道(功能区): split only outside brackets.
    pieces: list[str] = []
    depth, current = 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if depth <= 0 and SPLIT.fullmatch(ch):
            pieces.append(current)
            current = ""
            depth = 0
        else:
            current += ch
    pieces.append(current)
    # 区发改局 区财政局 (a space, gone in the matching view): split where one name ends
    # and the next begins with 区/市/县/省/各.
    pieces = [part for piece in pieces for part in (
        [piece] if _PARTY_AND_GOVERNMENT.search(piece) else _JOINED.split(piece))]  # fmt: skip
    names = [clean_name(p) for p in pieces]
    names = [n for n in names if n]
    if not names:
        return None
    if all(is_unit(n) for n in names):
        return names
    if labelled and all(_plain_name(n) for n in names):
        return names
    return None


def _plain_name(name: str) -> bool:
    """Short, no digits, no sentence punctuation, no deadline words: a unit's name."""
    return 2 <= len(name) <= 20 and not re.search(r"[\d。;:!?“”《》]|月|年|完成|负责|前", name)

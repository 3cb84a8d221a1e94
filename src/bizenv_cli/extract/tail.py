"""The closing bracket of a measure: who leads, who is responsible, and by when.

(牵头单位:X;责任单位:Y;完成时限:Z), with 配合单位/协办单位 and 时限要求 too;
(X负责,2025年6月底前完成); (X牵头,Y按职责分工负责); unlabelled (X、Y). Works on
folded text: brackets (), （）, 〔〕 all read as ()."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bizenv_cli.extract.deadlines import ONGOING, read_deadline
from bizenv_cli.extract.names import unit_list

LEAD_LABELS = r"牵头单位|牵头部门|主办单位|主责单位|牵头责任单位|第一责任单位|牵头领导单位"
RESPONSIBLE_LABELS = r"责任单位|责任部门|主体单位|实施单位|落实单位|承办单位"
HELPER_LABELS = r"配合单位|配合部门|协办单位|协办部门|参与单位|协助单位|协同单位"
DEADLINE_LABELS = r"完成时限|完成时间|时限要求|时间要求|完成期限|时间节点|时限"
LABEL = re.compile(
    rf"(?P<label>{LEAD_LABELS}|{RESPONSIBLE_LABELS}|{HELPER_LABELS}|{DEADLINE_LABELS})[:]?"
)


def label_field(label: str) -> str:
    for name, labels in (("lead", LEAD_LABELS), ("responsible", RESPONSIBLE_LABELS),
                         ("helper", HELPER_LABELS)):  # fmt: skip
        if re.fullmatch(labels, label):
            return name
    return "deadline"


@dataclass
class Tail:
    """What a closing bracket (or own-line fields) says, as written (folded)."""

    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    helpers: list[str] = field(default_factory=list)  # 配合/协办: joined to responsible
    unlabelled: list[str] = field(default_factory=list)  # (X、Y): no word says who leads
    deadline: str | None = None  # folded, as written
    unread: list[str] = field(default_factory=list)  # parts of the bracket not understood

    @property
    def empty(self) -> bool:
        return not (self.lead or self.responsible or self.helpers or self.unlabelled
                    or self.deadline)  # fmt: skip

    def merge(self, other: Tail) -> None:
        self.lead += other.lead
        self.responsible += other.responsible
        self.helpers += other.helpers
        self.unlabelled += other.unlabelled
        self.deadline = self.deadline or other.deadline
        self.unread += other.unread


def _is_deadline(text: str) -> bool:
    return read_deadline(text, 2000) is not None and not unit_list(text)


def read_labelled(text: str) -> Tail | None:
    """Fields introduced by labels; None when the text has no label."""
    matches = list(LABEL.finditer(text))
    if not matches:
        return None
    tail = Tail()
    if text[: matches[0].start()].strip(" ;,:"):
        tail.merge(read_unlabelled(text[: matches[0].start()]) or Tail(unread=[text]))
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[match.end() : end].strip(" ;,。:")
        kind = label_field(match["label"])
        if kind == "deadline":
            tail.deadline = value or None
            continue
        names = unit_list(value, labelled=True) if value else []
        if names is None:
            sub = read_unlabelled(value)
            if sub is None:
                tail.unread.append(value)
                continue
            names = sub.unlabelled + sub.lead + sub.responsible
            tail.deadline = tail.deadline or sub.deadline
        for name in names:
            marked = _LEAD_MARK.search(name)
            if marked:
                tail.lead.append(name[: marked.start()])
            else:
                getattr(tail, kind if kind != "helper" else "helpers").append(name)
    return tail


# 责任单位:区发改局(牵头)、区财政局: the unit marked (牵头) leads.
_LEAD_MARK = re.compile(r"\((?:牵头|牵头单位|主责|主办)\)$")


_LEADS = re.compile(r"^(?P<names>.+?)(?:牵头|主抓|主办)(?:负责|落实|实施)?$")
_RESPONSIBLE = re.compile(
    r"^(?P<names>.+?)(?:按职责分工负责|按职能分工负责|按职责负责|分工负责|负责|落实|实施|"
    r"按职责分工落实|按职责落实)$"
)
_HELPS = re.compile(r"^(?P<names>.+?)(?:配合|参与|协助|协办|协同)(?:落实|实施)?$")


def read_unlabelled(text: str) -> Tail | None:
    """(X负责,2025年6月底前完成), (X牵头,Y按职责分工负责), (X、Y); None when a part of
    the text is neither units nor a deadline (a remark, not a tail)."""
    tail = Tail()
    for part in re.split(r"[;,。]", text):
        part = part.strip()
        if not part:
            continue
        names = unit_list(part)
        if names is not None and not any(
            p.search(part) for p in (_LEADS, _RESPONSIBLE, _HELPS)
        ):
            tail.unlabelled += names
            continue
        for pattern, target in ((_LEADS, tail.lead), (_HELPS, tail.helpers),
                                (_RESPONSIBLE, tail.responsible)):  # fmt: skip
            match = pattern.match(part)
            if match and (found := unit_list(match["names"])) is not None:
                target.extend(found)
                break
        else:
            if _is_deadline(part) or ONGOING.fullmatch(part):
                tail.deadline = tail.deadline or part
            elif re.fullmatch(r"(?:前)?完成|以前完成|前完成", part):
                continue
            else:
                return None
    return None if tail.empty else tail


def read_tail(text: str) -> Tail | None:
    """The fields of a bracket's (folded) content, or None when it is not a tail."""
    return read_labelled(text) or read_unlabelled(text)

"""Where a measure's closing part is: a bracket at a line's end, labelled fields after
the sentence, fields on lines of their own, or the cells of a flattened table row."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bizenv_cli.extract.deadlines import ONGOING, read_deadline
from bizenv_cli.extract.fold import Folded, fold, folded
from bizenv_cli.extract.layout import Line
from bizenv_cli.extract.names import unit_list
from bizenv_cli.extract.numbering import is_row
from bizenv_cli.extract.tail import LABEL, Tail, read_labelled, read_tail


@dataclass
class Closing:
    tail: Tail
    start: int  # offset in the plan text where the closing part starts
    end: int  # offset where it ends (the measure's source ends here)
    view: Folded  # the folded view the names were read from


def _brackets(text: str) -> list[tuple[int, int]]:
    """(open, close) folded indexes of every top-level bracket pair."""
    pairs: list[tuple[int, int]] = []
    depth, opened = 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                opened = i
            depth += 1
        elif ch == ")" and depth > 0:
            depth -= 1
            if depth == 0:
                pairs.append((opened, i))
    return pairs


def _line_rest_empty(original: str, at: int) -> bool:
    end = original.find("\n", at)
    rest = original[at : end if end >= 0 else len(original)]
    return not folded(rest).strip("。.;,")


def field_line(text: str) -> Tail | None:
    """A line that is only fields: 牵头单位:X / X、Y / 2025年6月底前 / 长期坚持."""
    view = folded(text).strip("。;,")
    if not view:
        return None
    labelled = read_labelled(view)
    if labelled is not None and not labelled.unread:
        return labelled
    if (names := unit_list(view)) is not None:
        return Tail(unlabelled=names)
    if len(view) <= 24 and (ONGOING.fullmatch(view) or read_deadline(view, 2000)) and not re.search(
        "[,。]", view
    ):
        return Tail(deadline=view)
    return None


def find_closing(text: str, lines: list[Line]) -> Closing | None:
    """The closing part of the block ``lines`` of ``text``, or None."""
    start, end = lines[0].start, lines[-1].end
    block = text[start:end]
    if is_row(lines[0].text):
        return None  # a table row: see cells.py
    view = fold(block)
    pairs = _brackets(view.text)
    for k, (a, b) in enumerate(pairs):
        tail = read_tail(view.text[a + 1 : b])
        close = view.where[b] + 1
        if tail is None or tail.unread or not _line_rest_empty(block, close):
            continue
        # (牵头单位:X)(2025年6月底前): brackets side by side make one closing part.
        while k > 0 and pairs[k - 1][1] == a - 1:
            before = read_tail(view.text[pairs[k - 1][0] + 1 : a - 1])
            if before is None or before.unread:
                break
            before.merge(tail)
            tail, k, a = before, k - 1, pairs[k - 1][0]
        return Closing(tail, start + view.where[a], start + close, view)
    for match in LABEL.finditer(view.text):
        if not match[0].endswith(":") or match.start() == 0:
            continue  # 审批时限压缩至...: a word in the sentence, not a label
        tail = read_labelled(view.text[match.start() :].rstrip("。.;"))
        if tail is not None and not tail.unread:
            return Closing(tail, start + view.where[match.start()], end, view)
    own = Tail()
    first = None
    for k in range(len(lines) - 1, 0, -1):
        if not lines[k].text.strip():
            continue
        got = field_line(lines[k].text)
        if got is None:
            break
        own.merge(got)
        first = k
    if first is None:
        return None
    return Closing(own, lines[first].start, end, fold(text[lines[first].start : end]))

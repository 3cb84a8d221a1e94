"""One measure from its block of lines: source, units, deadline and targets."""

from __future__ import annotations

import re

from bizenv_cli.extract.cells import row_tail
from bizenv_cli.extract.closing import Closing, find_closing
from bizenv_cli.extract.deadlines import IN_SENTENCE, read_deadline
from bizenv_cli.extract.draft import Draft, ExtractedMeasure, Review, Unread
from bizenv_cli.extract.fold import Folded, fold
from bizenv_cli.extract.layout import Line
from bizenv_cli.extract.numbering import is_row
from bizenv_cli.extract.tail import Tail
from bizenv_cli.extract.targets import find_targets


def has_tail(lines: list[Line], text: str = "") -> bool:
    if is_row(lines[0].text):
        return row_tail(lines[0].text, None) is not None
    return find_closing(text, lines) is not None


def _written(view: Folded, names: list[str], offset: int) -> list[str]:
    """Each folded name as the plan writes it (whitespace removed)."""
    out: list[str] = []
    at = offset
    for name in names:
        i = view.text.find(name, at)
        if i < 0:
            i = view.text.find(name)
        if i < 0:
            out.append(name)
            continue
        out.append("".join(view.cut(i, i + len(name)).split()))
        at = i + len(name)
    return out


def _title(body: str) -> str:
    first = re.split(r"[。;；:：]", body, maxsplit=1)[0]
    first = "".join(first.split())
    if len(first) > 60:
        first = re.split(r"[,，]", first, maxsplit=1)[0][:60]
    return first or "".join(body.split())[:40] or "?"


def read_measure(
    draft: Draft, lines: list[Line], number: int, chapter: int, section: int,
    columns: list[str | None] | None,
) -> ExtractedMeasure:  # fmt: skip
    text = draft.text
    first = lines[0]
    assert first.num is not None
    closing: Closing | None = None
    body_start = first.start + len(first.text) - len(first.text.lstrip())
    row = is_row(first.text)
    if row:
        got = row_tail(first.text, columns)
        if got is not None:
            tail, cell = got
            closing = Closing(tail, first.start, first.end, fold(first.text))
            at = first.text.find(cell, len(first.num.label))
            body = first.text[at : at + len(cell)]
        else:
            body = first.text
        end = first.end
    else:
        closing = find_closing(text, lines)
        end = closing.end if closing else lines[-1].end
        body = text[body_start : closing.start if closing else end]
    source = text[first.start : end].strip()
    body_text = body.lstrip()
    cut = fold(body_text)
    if cut.text.startswith(first.num.label):
        body_text = body_text[cut.span(0, len(first.num.label))[1] :]
    m = ExtractedMeasure(number, first.num.label, first.no, chapter, section, source,
                         _title(body_text))  # fmt: skip
    for line in lines:
        if line.start >= end and line.text.strip():
            draft.unread.append(Unread(line.no, line.text.strip(), "after the measure's closing"))
    tail = closing.tail if closing else Tail()
    if closing is not None:
        offset = closing.view.index_of(closing.start - (first.start if row else closing.start))
        _units(draft, m, tail, closing.view, max(0, offset))
    else:
        m.review.append(Review("responsible", "no units found: the measure names no lead or "
                               "responsible unit that the extractor could read", first.no))
    _deadline(draft, m, tail, fold(body_text), closing)
    body_view = fold(body_text)
    m.targets = find_targets(body_view)
    for i, target in enumerate(m.targets):
        for note in target.notes:
            m.review.append(Review(f"targets[{i}]", note, first.no))
        if target.kind == "change":
            m.review.append(Review(f"targets[{i}]", "a change: check quantity_unit and baseline",
                                   first.no))
    return m


def _units(draft: Draft, m: ExtractedMeasure, tail: Tail, view: Folded, offset: int) -> None:
    lead = _written(view, tail.lead, offset)
    responsible = _written(view, tail.responsible, offset)
    helpers = _written(view, tail.helpers, offset)
    loose = _written(view, tail.unlabelled, offset)
    if loose:
        if draft.lead_first and not lead:
            lead, loose = loose[:1], loose[1:]
            m.review.append(Review("lead", "no label: the first unit is read as the lead, as "
                                   "the plan's rule (第一…为牵头单位) says", m.line))
        else:
            m.review.append(Review("responsible", "no label says who leads: every unit is "
                                   "listed as responsible", m.line))
        responsible = loose + responsible
    if helpers:
        m.review.append(Review("responsible", "配合/协办 units are listed after the responsible "
                               f"units: {'、'.join(helpers)}", m.line))
    m.lead = lead
    m.responsible = responsible + helpers
    for name in (*m.lead, *m.responsible):
        draft.registry.add(name)
    for unread in tail.unread:
        m.review.append(Review("responsible", f"not read in the closing part: {unread}", m.line))


def _deadline(
    draft: Draft, m: ExtractedMeasure, tail: Tail, body: Folded, closing: Closing | None
) -> None:
    phrase = tail.deadline
    where = "closing"
    if phrase is None:
        hits = [(read_deadline(h[0], draft.year), h) for h in IN_SENTENCE.finditer(body.text)]
        dated = [(r.due, h) for r, h in hits if r is not None and r.due is not None]
        if dated:
            best = max(dated, key=lambda pair: pair[0])[1]
            phrase = best[0]
            m.deadline_text = "".join(body.cut(*best.span()).split())
            where = "sentence"
    elif closing is not None:
        i = closing.view.text.rfind(phrase)
        cut = closing.view.cut(i, i + len(phrase)) if i >= 0 else phrase
        m.deadline_text = "".join(cut.split())
    if phrase is None:
        m.review.append(Review("deadline", "no deadline found in the text", m.line))
        return
    read = read_deadline(phrase, draft.year)
    if read is None:
        m.review.append(Review("deadline", f"deadline {m.deadline_text!r} not understood", m.line))
        return
    m.deadline = read
    if where == "sentence":
        m.review.append(Review("deadline", f"taken from the measure's sentence: {m.deadline_text}",
                               m.line))
    if read.inferred_year:
        m.review.append(Review("deadline", f"{m.deadline_text} gives no year: {draft.year} "
                               "(the plan's) assumed", m.line))
    if read.exact_day:
        m.review.append(Review("deadline", f"{m.deadline_text} names a day; the measure model "
                               "keeps month ends", m.line))

"""From a plan's text to a draft: outline, metadata, measures, units."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from bizenv_cli.extract.cells import header
from bizenv_cli.extract.draft import Chapter, Draft, Heading, Review, Unread
from bizenv_cli.extract.fold import folded
from bizenv_cli.extract.intake import PlanText
from bizenv_cli.extract.layout import Line, blocks, lines_of, outline
from bizenv_cli.extract.measures import has_tail, read_measure
from bizenv_cli.extract.meta import LEAD_FIRST, plan_meta, plan_year


def _heading_title(line: Line) -> str:
    assert line.num is not None
    text = "".join(line.text.split())
    view = folded(text)
    cut = len(line.num.label)
    # the label is folded; count original characters up to it
    i, seen = 0, 0
    while i < len(text) and seen < cut:
        seen += len(folded(text[i]))
        i += 1
    return text[i:].strip("。.") or view


def read_draft(plan: PlanText) -> Draft:
    draft = Draft(plan.text, plan.kind)
    lines = lines_of(plan.text)
    shape = outline(lines, lambda block: has_tail(block, plan.text))
    first_heading = next((i for i, line in enumerate(lines) if line.num), len(lines))
    meta = plan_meta(lines[:first_heading], lines[shape.stop :][-12:])
    draft.title = meta["title"]  # type: ignore[assignment]
    draft.issuer = meta["issuer"]  # type: ignore[assignment]
    draft.issued = meta["issued"]  # type: ignore[assignment]
    draft.addressees = meta["addressees"]  # type: ignore[assignment]
    draft.year = plan_year(draft.title, draft.issued, plan.text)
    draft.lead_first = bool(LEAD_FIRST.search(folded(plan.text)))
    if shape.measure_style is None:
        draft.review.append(Review("measures", "no numbered measure with units or a deadline "
                                   "was found: is this a plan of measures?"))
        return draft
    headers = {i: h for i, line in enumerate(lines) if (h := header(line.text)) is not None}
    chapter: Chapter | None = None
    section: Heading | None = None
    sections = 0
    written: dict[int, int] = {}  # id of a heading or measure -> its number as written
    started = False
    covered: set[int] = set()
    for first, end in blocks(lines, shape.stop):
        line = lines[first]
        assert line.num is not None
        style = line.num.style
        if style == shape.chapter_style and style != shape.measure_style:
            chapter = Chapter(len(draft.chapters) + 1, _heading_title(line), line.no)
            written[id(chapter)] = line.num.number
            draft.chapters.append(chapter)
            section = None
        if style == shape.section_style and style != shape.measure_style:
            if chapter is None:
                chapter = Chapter(1, draft.title or "全文", line.no)
                draft.chapters.append(chapter)
            sections += 1
            section = Heading(sections, _heading_title(line), line.no)
            written[id(section)] = line.num.number
            chapter.sections.append(section)
        if style in (shape.chapter_style, shape.section_style) and style != shape.measure_style:
            covered.update(range(first, first + 1))
            _continuation(draft, lines, first + 1, end, covered)
            continue
        if style != shape.measure_style:
            if started:
                _continuation(draft, lines, first, end, covered, "a numbered line not read "
                              "as a measure or a heading")
            continue
        started = True
        if chapter is None:
            chapter = Chapter(1, draft.title or "全文", line.no)
            draft.chapters.append(chapter)
        if section is None:
            sections += 1
            section = Heading(sections, chapter.title, chapter.line)
            chapter.sections.append(section)
        covered.update(range(first, end))
        above = [i for i in headers if i < first]
        columns = headers[max(above)] if above else None
        number = len(draft.measures) + 1
        measure = read_measure(
            draft, lines[first:end], number, chapter.number, section.number, columns
        )
        written[id(measure)] = line.num.number
        draft.measures.append(measure)
    for k in range(shape.stop, len(lines)):
        if lines[k].text.strip():
            draft.unread.append(Unread(lines[k].no, lines[k].text.strip(), "after the body"))
    draft.unread.sort(key=lambda u: u.line)
    _as_written(draft, written)
    return draft


def _as_written(draft: Draft, written: dict[int, int]) -> None:
    """Numbers as the plan writes them when they only ever grow (an excerpt that starts at
    measure 12 keeps 12); counted 1..N when they restart (1. 2. under each section)."""

    def grows(items: list[Any]) -> bool:
        numbers = [written.get(id(item), 0) for item in items]
        return all(numbers) and all(b > a for a, b in pairwise(numbers))

    chapters = draft.chapters
    sections = [s for c in chapters for s in c.sections]
    chapter_map = {c.number: written[id(c)] for c in chapters} if grows(chapters) else {}
    section_map = {s.number: written[id(s)] for s in sections} if grows(sections) else {}
    measures_grow = grows(draft.measures)
    for m in draft.measures:
        m.chapter = chapter_map.get(m.chapter, m.chapter)
        m.section = section_map.get(m.section, m.section)
        if measures_grow:
            m.number = written[id(m)]
    for c in chapters:
        c.number = chapter_map.get(c.number, c.number)
    for s in sections:
        s.number = section_map.get(s.number, s.number)


def _continuation(
    draft: Draft, lines: list[Line], start: int, end: int, covered: set[int],
    why: str = "not part of a measure",
) -> None:  # fmt: skip
    for k in range(start, end):
        covered.add(k)
        if lines[k].text.strip() and not header(lines[k].text):
            draft.unread.append(Unread(lines[k].no, lines[k].text.strip(), why))

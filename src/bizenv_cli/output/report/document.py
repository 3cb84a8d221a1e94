"""The report as a printable document: headings, lines and tables, with page breaks.

The paper formats (``--pdf`` and the HTML page) lay out these blocks; the
blocks come from the same plain views as the terminal and Markdown reports
(``output.report.views``), with every column whatever the width: paper wraps
text inside a cell instead of dropping a column. Text from the data is
cleaned here (control and bidi characters become escapes); each format then
escapes what its own syntax needs.

Each view starts a new page. With the department view (and no
``--department``), every unit that must act gets a page of its own after the
summary table: its overdue, not-met and missing targets in full, so that the
page can go out as that unit's notice (督办通知).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bizenv_cli.evaluation.counts import STATUS_ORDER
from bizenv_cli.history.since import SinceView
from bizenv_cli.history.since_texts import (
    chapter_label,
    heading,
    share_text,
    transitions_line,
    words,
)
from bizenv_cli.i18n import Messages, chinese_numeral
from bizenv_cli.models.base import Bilingual
from bizenv_cli.models.plan import Department
from bizenv_cli.output.report.blocks import Block, Figure, Heading, Line, PageBreak, Table
from bizenv_cli.output.report.chart_build import (
    chapter_chart,
    since_charts,
    unit_chart,
    with_chart,
)
from bizenv_cli.output.report.notices import card, targets, units
from bizenv_cli.output.report.views import Report, StatusCounts, texts
from bizenv_cli.output.report.views.bars import BAR_CHAR, segments
from bizenv_cli.sanitize import clean

BAR_WIDTH = 20


def document(
    report: Report,
    views: Sequence[str],
    msg: Messages,
    departments: list[Department],
    since: Sequence[Block] = (),
) -> list[Block]:
    """The header, ``since``, then the chosen views (in the terminal report's order)."""
    names = {d.id: d for d in departments}
    blocks: list[Block] = [*header(report, msg), *since]
    sections: list[list[Block]] = []
    if "chapter" in views:
        sections.append(with_chart(chapters(report, msg), chapter_chart(report, msg)))
    if "department" in views:
        if report.card:
            sections.append(card(report, msg, names))
        else:
            sections.append(with_chart(units(report, msg, names), unit_chart(report, msg)))
    if "overdue" in views:
        sections.append(
            targets(msg("view.overdue"), msg("view.overdue_none"), report.overdue, msg, names)
        )
    if "deadline" in views:
        days = report.due_within
        due = msg("view.due_soon", days=days), msg("view.due_soon_none", days=days)
        sections.append([*targets(*due, report.due_soon, msg, names), *calendar(report, msg)])
    if "returns" in views:
        from bizenv_cli.output.report.returns_blocks import returns_blocks

        sections.append(returns_blocks(report.returns, msg))
    for section in sections:
        blocks += [PageBreak(), *section]
    legend = "  ".join(f"{BAR_CHAR[s]} {msg.status(s)}" for s in STATUS_ORDER)
    return [*blocks, Line(legend, msg("legend")), *appendix(report, msg)]


def appendix(report: Report, msg: Messages) -> list[Block]:
    """Notes on the input (an expired waiver...) on a page of their own at the end: the
    cover is for the results."""
    if not report.notes:
        return []
    notes = [Line(clean(texts.note(note, msg))) for note in report.notes]
    return [PageBreak(), Heading(msg("appendix.notes"), 2), *notes]


def header(report: Report, msg: Messages) -> list[Block]:
    plan = report.plan.zh if msg.lang == "zh" else f"{report.plan.en} ({report.plan.zh})"
    blocks: list[Block] = [
        Heading(msg("report.title")),
        Line(clean(plan), msg("header.plan")),
        Line(texts.day(report.as_of, msg), msg("header.as_of")),
    ]
    if report.department is not None:
        dept = report.department
        blocks.append(Line(clean(f"{dept.name} {dept.en} ({dept.id})"), msg("header.department")))
    total = msg("header.targets_value", total=report.counts.total, measures=report.measures)
    blocks.append(Line(total, msg("header.targets")))
    share = report.share
    shown = (
        msg("header.due_met_none")
        if share.share is None
        else msg(
            "header.due_met_value", share=f"{share.share * 100:.1f}%", met=share.met, due=share.due
        )
    )
    blocks.append(Line(shown, msg("header.due_met")))
    if share.met_early:
        blocks.append(Line(msg("header.met_early", count=share.met_early)))
    blocks.append(Line(msg("header.due_met_help")))
    heads = (*(msg.status(s) for s in STATUS_ORDER), msg("header.total"))
    counts = (*(str(n) for _, n in report.counts.counts), str(report.counts.total))
    blocks.append(Table(heads, (counts,), (1,) * len(heads), right=len(heads)))
    return blocks  # notes on the input: in the appendix (``appendix``)


def _bar(counts: StatusCounts) -> str:
    return "".join(BAR_CHAR[status] * n for status, n in segments(counts, BAR_WIDTH))


def _counts(counts: StatusCounts) -> tuple[str, ...]:
    return (_bar(counts), str(counts.total), *(str(n) for _, n in counts.counts))


def _counts_heads(msg: Messages) -> tuple[str, ...]:
    return (msg("col.progress"), msg("col.total"), *(msg.status(s) for s in STATUS_ORDER))


_COUNT_WIDTHS = (16, 5, 5, 5, 5, 5, 5, 5, 5)


def _title(key: str, number: int, title: Bilingual | None, msg: Messages) -> str:
    shown = chinese_numeral(number) if msg.lang == "zh" else str(number)
    if title is None:
        return clean(msg(key, number=shown, title=""))
    if msg.lang == "zh":
        return clean(msg(key, number=shown, title=title.zh))
    return clean(msg(key, number=shown, title=title.en) + " " + title.zh)


def chapters(report: Report, msg: Messages) -> list[Block]:
    if not report.chapters:
        return [Heading(msg("view.chapter"), 2), Line(msg("view.chapter_none"))]
    rows: list[tuple[str, ...]] = []
    strong = set()
    for chapter in report.chapters:
        strong.add(len(rows))
        rows.append(
            (_title("chapter.label", chapter.number, chapter.title, msg), *_counts(chapter.counts))
        )
        rows.extend(
            (_title("section.label", s.number, s.title, msg), *_counts(s.counts))
            for s in chapter.sections
        )
    table = Table(
        (msg("col.chapter"), *_counts_heads(msg)),
        tuple(rows),
        (30, *_COUNT_WIDTHS),
        right=8,
        strong=frozenset(strong),
        code=frozenset({1}),
    )
    return [Heading(msg("view.chapter"), 2), table]


def calendar(report: Report, msg: Messages) -> list[Block]:
    blocks: list[Block] = [Heading(msg("view.calendar"), 3)]
    if not report.calendar:
        return [*blocks, Line(msg("view.calendar_none"))]
    rows = tuple(
        (msg("month.label", year=m.year, month=m.month), *_counts(m.counts))
        for m in report.calendar
    )
    heads = (msg("col.month"), *_counts_heads(msg))
    return [*blocks, Table(heads, rows, (12, *_COUNT_WIDTHS), right=8, code=frozenset({1}))]


def since_blocks(view: SinceView, msg: Messages, what: Mapping[str, Bilingual]) -> list[Block]:
    """The section on the previous period (see docs/report.md)."""
    blocks: list[Block] = [
        PageBreak(),
        Heading(heading(view, msg), 2),
        Line(transitions_line(view, msg)),
        Heading(msg("since.worse"), 3),
    ]
    if view.worse:
        rows = []
        for c in view.worse:
            assert c.old_status is not None and c.new_status is not None
            step = f"{msg.status(c.old_status)} -> {msg.status(c.new_status)}"
            shown = clean(words(what.get(c.target), msg))
            rows.append((str(c.measure), clean(msg.label(c.target)), step, shown))
        heads = tuple(msg(k) for k in ("col.measure", "col.target", "col.change", "col.what"))
        code = frozenset() if msg.lang == "zh" else frozenset({1})  # ids; titles are text
        blocks.append(Table(heads, tuple(rows), (4, 20, 14, 40), code=code))
    else:
        blocks.append(Line(msg("since.worse_none")))
    blocks.append(Heading(msg("since.chapters"), 3))
    share_rows = tuple(
        (clean(chapter_label(r.number, r.title, msg)), *(share_text(s, msg) for s in r.shares))
        for r in view.chapters
    )
    labels = tuple(clean(label) for label in view.labels)
    widths = (30, *(8,) * len(labels))
    blocks.append(Table((msg("col.chapter"), *labels), share_rows, widths, right=len(labels)))
    return [*blocks, *(Figure(chart) for chart in since_charts(view, msg))]

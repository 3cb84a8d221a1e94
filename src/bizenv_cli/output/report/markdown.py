"""`bizenv report --markdown FILE`: the report as Markdown tables (a wiki page, a pull request).

The same views as the terminal report, from the same ``Report``; every count
column is there, since a page has no width limit. Text from the data is
escaped, so it never turns into links, emphasis, HTML or a broken table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bizenv_cli.evaluation.counts import ACTION, STATUS_ORDER
from bizenv_cli.evaluation.result import TargetResult
from bizenv_cli.i18n import Messages, chinese_numeral
from bizenv_cli.i18n.zh_words import colon, zh_punctuation
from bizenv_cli.models.base import Bilingual
from bizenv_cli.models.plan import Department
from bizenv_cli.output.markdown import cell
from bizenv_cli.output.report.views import Report, StatusCounts, texts
from bizenv_cli.output.report.views.bars import BAR_CHAR, segments
from bizenv_cli.sanitize import no_commands

BAR_WIDTH = 20
# Untrusted text for a table cell: the same escaping as `check --format markdown`.
md = cell


def _table(heads: Sequence[str], rows: Iterable[Sequence[str]], right: int = 0) -> list[str]:
    """A pipe table; the last ``right`` columns are right-aligned (counts)."""
    align = ["---"] * (len(heads) - right) + ["---:"] * right
    lines = ["| " + " | ".join(heads) + " |", "| " + " | ".join(align) + " |"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _bar(counts: StatusCounts) -> str:
    drawn = "".join(BAR_CHAR[status] * n for status, n in segments(counts, BAR_WIDTH))
    return f"`{drawn}`" if drawn else ""


def _counts_row(counts: StatusCounts) -> list[str]:
    return [_bar(counts), str(counts.total), *(str(n) for _, n in counts.counts)]


def _counts_heads(msg: Messages) -> list[str]:
    return [msg("col.progress"), msg("col.total"), *(msg.status(s) for s in STATUS_ORDER)]


def _title(key: str, number: int, title: Bilingual | None, msg: Messages) -> str:
    shown = chinese_numeral(number) if msg.lang == "zh" else str(number)
    if title is None:
        return md(msg(key, number=shown, title=""))
    if msg.lang == "zh":
        return md(msg(key, number=shown, title=title.zh))
    return md(msg(key, number=shown, title=title.en) + " " + title.zh)


def _header(report: Report, msg: Messages) -> list[str]:
    plan = report.plan.zh if msg.lang == "zh" else f"{report.plan.en} ({report.plan.zh})"
    c = colon(msg.lang)  # full-width in Chinese
    lines = [f"# {md(msg('report.title'))}", "", f"- **{msg('header.plan')}**{c}{md(plan)}"]
    lines.append(f"- **{msg('header.as_of')}**{colon(msg.lang)}{texts.day(report.as_of, msg)}")
    if report.department is not None:
        dept = report.department
        lines.append(
            f"- **{msg('header.department')}**{c}{md(f'{dept.name} {dept.en} ({dept.id})')}"
        )
    targets = msg("header.targets_value", total=report.counts.total, measures=report.measures)
    lines.append(f"- **{msg('header.targets')}**{colon(msg.lang)}{md(targets)}")
    share = report.share
    if share.share is None:
        shown = msg("header.due_met_none")
    else:
        shown = msg(
            "header.due_met_value", share=f"{share.share * 100:.1f}%", met=share.met, due=share.due
        )
    lines.append(f"- **{msg('header.due_met')}**{colon(msg.lang)}{md(shown)}")
    if share.met_early:
        lines.append(f"- {md(msg('header.met_early', count=share.met_early))}")
    lines += [f"- {md(msg('header.due_met_help'))}", ""]
    heads = [*(msg.status(s) for s in STATUS_ORDER), msg("header.total")]
    counts = [*(str(n) for _, n in report.counts.counts), str(report.counts.total)]
    lines += _table(heads, [counts], right=len(heads))
    return lines  # notes on the input: in the appendix at the end


def _chapters(report: Report, msg: Messages) -> list[str]:
    if not report.chapters:
        return [f"## {md(msg('view.chapter'))}", "", md(msg("view.chapter_none"))]
    rows = []
    for chapter in report.chapters:
        rows.append(
            [
                f"**{_title('chapter.label', chapter.number, chapter.title, msg)}**",
                *_counts_row(chapter.counts),
            ]
        )
        rows.extend(
            [_title("section.label", s.number, s.title, msg), *_counts_row(s.counts)]
            for s in chapter.sections
        )
    return [
        f"## {md(msg('view.chapter'))}",
        "",
        *_table([msg("col.chapter"), *_counts_heads(msg)], rows, 8),
    ]


def _units(report: Report, msg: Messages) -> list[str]:
    lines = [f"## {md(msg('view.department'))}", ""]
    if not report.units:
        return [*lines, md(msg("view.department_none"))]
    rows = []
    for unit in report.units:
        name = unit.name if msg.lang == "zh" else f"{unit.en} {unit.name}"
        for role in unit.roles:
            if role.total:
                sep = "、" if msg.lang == "zh" else ", "
                ids = sep.join(md(texts.listed(r, s, msg)) for s in ACTION for r in role.of(s))
                counts = [str(role.count(s)) for s in ACTION]
                rows.append([md(name), msg(f"role.{role.role}"), ids, *counts])
    heads = [
        msg("col.department"),
        msg("col.role"),
        msg("col.targets"),
        *(msg(f"col.{s}") for s in ACTION),
    ]
    lines += _table(heads, rows, right=len(ACTION))
    if report.units_clear:
        lines += ["", md(msg("view.department_rest", count=report.units_clear))]
    return lines


def _target_rows(
    results: Iterable[TargetResult], msg: Messages, names: dict[str, Department]
) -> list[list[str]]:
    rows = []
    for r in results:
        what = zh_punctuation(r.what.zh) if msg.lang == "zh" else f"{r.what.zh} ({r.what.en})"
        rows.append(
            [
                str(r.measure),
                md(msg.label(r.target)) if msg.lang == "zh" else f"`{r.target}`",
                md(what),
                msg.status(r.status),
                md(texts.days(r, msg)),
                md(texts.reported(r, msg)),
                md(texts.required(r, msg)),
                md(texts.acting_units(r, names, msg)),
            ]
        )
    return rows


def _target_heads(msg: Messages, last: str) -> list[str]:
    keys = (
        "col.measure",
        "col.target",
        "col.what",
        "col.status",
        "col.days",
        "col.reported",
        "col.required",
    )
    return [*(msg(k) for k in keys), last]


def _targets(
    heading: str,
    empty: str,
    results: tuple[TargetResult, ...],
    msg: Messages,
    names: dict[str, Department],
) -> list[str]:
    lines = [f"## {md(heading)}", ""]
    if not results:
        return [*lines, md(empty)]
    return lines + _table(_target_heads(msg, msg("col.lead")), _target_rows(results, msg, names))


def _card(report: Report, msg: Messages, names: dict[str, Department]) -> list[str]:
    assert report.card is not None
    dept = report.card.department
    name = dept.name if msg.lang == "zh" else f"{dept.en} {dept.name}"
    lines = [f"## {md(msg('view.card', name=name))}", ""]
    for label, counts in (
        (msg("role.lead"), report.card.lead),
        (msg("role.responsible"), report.card.responsible),
    ):
        shown = "  ".join(f"{msg.status(s)} {n}" for s, n in counts.counts if n)
        lines.append(
            f"- **{md(label)}**{colon(msg.lang)}"
            f"{md(msg('card.count', count=counts.total))} {md(shown)}".rstrip()
        )
    if not report.card.rows:
        return [*lines, "", md(msg("card.none"))]
    rows = _target_rows((r for r, _ in report.card.rows), msg, names)
    for row, (result, roles) in zip(rows, report.card.rows, strict=True):
        row[-1] = "、".join(msg(f"role.{role}") for role in roles)
        note = texts.waiver_note(result, msg)
        if note:
            row[5] += " " + md(note)
    return [*lines, "", *_table(_target_heads(msg, msg("col.role")), rows)]


def _calendar(report: Report, msg: Messages) -> list[str]:
    lines = [f"## {md(msg('view.calendar'))}", ""]
    if not report.calendar:
        return [*lines, md(msg("view.calendar_none"))]
    rows = [
        [msg("month.label", year=m.year, month=m.month), *_counts_row(m.counts)]
        for m in report.calendar
    ]
    return lines + _table([msg("col.month"), *_counts_heads(msg)], rows, 8)


def _returns(report: Report, msg: Messages) -> list[str]:
    """The units to chase, then the returns that came in (the terminal's returns view)."""
    from bizenv_cli.output.report.returns import returns_heading

    view = report.returns
    lines = [f"## {md(returns_heading(view, msg))}"]
    heads = [msg("col.department"), msg("col.files"), msg("col.unreported_targets")]
    heads += [msg(k) for k in ("col.must_report", "col.as_lead", "col.unreported")]
    heads.append(msg("col.unreported_due"))
    for key, rows, none in (
        ("returns.chase", view.to_chase, "returns.chase_none"),
        ("returns.received", view.received, "returns.received_none"),
    ):
        lines += ["", f"### {md(msg(key, count=len(rows)))}", ""]
        if not rows:
            lines.append(md(msg(none)))
            continue
        cells = [
            [
                md(r.name if msg.lang == "zh" else f"{r.en} {r.name}"),
                ", ".join(md(f) for f in r.files),
                ("、" if msg.lang == "zh" else ", ").join(md(msg.label(t)) for t in r.unreported)
                or md(msg("returns.all_reported")),
                str(r.targets),
                str(r.as_lead),
                str(len(r.unreported)),
                str(r.unreported_due),
            ]
            for r in rows
        ]
        lines += _table(heads, cells, right=4)
    return lines


def render(
    report: Report,
    views: Sequence[str],
    msg: Messages,
    departments: list[Department],
    since: Sequence[str] = (),
) -> str:
    """The header, ``since`` (lines on the previous period), then the chosen views in the
    terminal report's order."""
    names = {d.id: d for d in departments}
    sections = [_header(report, msg)] + ([list(since)] if since else [])
    if "chapter" in views:
        sections.append(_chapters(report, msg))
    if "department" in views:
        sections.append(
            _card(report, msg, names) if report.card is not None else _units(report, msg)
        )
    if "overdue" in views:
        sections.append(
            _targets(msg("view.overdue"), msg("view.overdue_none"), report.overdue, msg, names)
        )
    if "deadline" in views:
        days = report.due_within
        sections.append(
            _targets(
                msg("view.due_soon", days=days),
                msg("view.due_soon_none", days=days),
                report.due_soon,
                msg,
                names,
            )
        )
        sections.append(_calendar(report, msg))
    if "returns" in views:
        sections.append(_returns(report, msg))
    legend = "  ".join(f"`{BAR_CHAR[s]}` {msg.status(s)}" for s in STATUS_ORDER)
    sections.append([f"{md(msg('legend'))}{colon(msg.lang)}{legend}"])
    if report.notes:  # an appendix, as in the printed pack
        notes = [f"- {md(texts.note(note, msg))}" for note in report.notes]
        sections.append([f"## {md(msg('appendix.notes'))}", "", *notes])
    return no_commands("\n\n".join("\n".join(section) for section in sections) + "\n")

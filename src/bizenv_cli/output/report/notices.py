"""The document's target tables: who must act with a notice page per unit, a unit's report
card, the lists of overdue and due-soon targets (see document.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bizenv_cli.evaluation.counts import ACTION
from bizenv_cli.evaluation.result import TargetResult
from bizenv_cli.i18n import Messages
from bizenv_cli.i18n.zh_words import zh_punctuation
from bizenv_cli.models.plan import Department
from bizenv_cli.output.report.blocks import Block, Heading, Line, PageBreak, Table
from bizenv_cli.output.report.views import Report, texts
from bizenv_cli.output.report.views.departments import UnitRow, by_urgency
from bizenv_cli.sanitize import clean


def _unit_name(unit: UnitRow, msg: Messages) -> str:
    return clean(unit.name if msg.lang == "zh" else f"{unit.en} {unit.name}")


def units(report: Report, msg: Messages, names: dict[str, Department]) -> list[Block]:
    """The summary of who must act, then a page per unit (its notice)."""
    blocks: list[Block] = [Heading(msg("view.department"), 2)]
    if not report.units:
        return [*blocks, Line(msg("view.department_none"))]
    rows = []
    for unit in report.units:
        for role in unit.roles:
            if role.total:
                sep = "\n" if msg.lang == "zh" else ", "  # zh: a title and its status a line
                ids = sep.join(clean(texts.listed(r, s, msg)) for s in ACTION for r in role.of(s))
                counts = tuple(str(role.count(s)) for s in ACTION)
                rows.append((_unit_name(unit, msg), msg(f"role.{role.role}"), ids, *counts))
    heads = (
        msg("col.department"),
        msg("col.role"),
        msg("col.targets"),
        *(msg(f"col.{s}") for s in ACTION),
    )
    blocks.append(Table(heads, tuple(rows), (16, 6, 46, 5, 5, 5), right=3, code=id_cols(msg, 2)))
    if report.units_clear:
        blocks.append(Line(msg("view.department_rest", count=report.units_clear)))
    for unit in report.units:
        blocks += [PageBreak(), *notice(unit, report, msg, names)]
    return blocks


def notice(
    unit: UnitRow, report: Report, msg: Messages, names: dict[str, Department]
) -> list[Block]:
    """One unit's page: what it must act on, as lead or responsible, most urgent first."""
    mine = {t.target: t for role in unit.roles for _, found in role.targets for t in found}
    roles = {
        target: tuple(
            r.role for r in unit.roles if any(t.target == target for _, f in r.targets for t in f)
        )
        for target in mine
    }
    ordered = by_urgency(mine.values())
    counts = "  ".join(f"{msg.status(s)} {unit.count(s)}" for s in ACTION if unit.count(s))
    heads, rows = target_table(ordered, msg, names, msg("col.role"))
    rows = [
        (*row[:-1], "、".join(msg(f"role.{r}") for r in roles[t.target]))
        for row, t in zip(rows, ordered, strict=True)
    ]
    return [
        Heading(msg("notice.title", name=_unit_name(unit, msg)), 2),
        Line(texts.day(report.as_of, msg), msg("header.as_of")),
        Line(counts, msg("notice.counts")),
        Line(msg("notice.ask")),
        Table(heads, tuple(rows), TARGET_WIDTHS, code=id_cols(msg, 1), whole=whole(msg)),
    ]


TARGET_WIDTHS = (5, 18, 26, 7, 10, 11, 11, 13)
WHOLE = frozenset({1, 3})  # the target id and the status


def id_cols(msg: Messages, col: int) -> frozenset[int]:
    """Column ``col`` of target ids in a monospace look (en); Chinese titles read as text."""
    return frozenset() if msg.lang == "zh" else frozenset({col})


def whole(msg: Messages) -> frozenset[int]:
    """Ids and statuses never break; a Chinese title wraps like the rest of the text."""
    return frozenset({3}) if msg.lang == "zh" else WHOLE


def target_table(
    results: Iterable[TargetResult], msg: Messages, names: Mapping[str, Department], last: str
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    keys = (
        "col.measure",
        "col.target",
        "col.what",
        "col.status",
        "col.days",
        "col.reported",
        "col.required",
    )
    rows: list[tuple[str, ...]] = []
    for r in results:
        what = zh_punctuation(r.what.zh) if msg.lang == "zh" else f"{r.what.en} {r.what.zh}"
        rows.append(
            (
                str(r.measure),
                clean(msg.label(r.target)),
                clean(what),
                msg.status(r.status),
                clean(texts.days(r, msg)),
                clean(texts.reported(r, msg)),
                clean(texts.required(r, msg)),
                clean(texts.acting_units(r, dict(names), msg)),
            )
        )
    return (*(msg(k) for k in keys), last), rows


def targets(
    title: str,
    empty: str,
    results: tuple[TargetResult, ...],
    msg: Messages,
    names: dict[str, Department],
) -> list[Block]:
    if not results:
        return [Heading(title, 2), Line(empty)]
    heads, rows = target_table(results, msg, names, msg("col.lead"))
    return [
        Heading(title, 2),
        Table(heads, tuple(rows), TARGET_WIDTHS, code=id_cols(msg, 1), whole=whole(msg)),
    ]


def card(report: Report, msg: Messages, names: dict[str, Department]) -> list[Block]:
    assert report.card is not None
    dept = report.card.department
    name = clean(dept.name if msg.lang == "zh" else f"{dept.en} {dept.name}")
    blocks: list[Block] = [Heading(msg("view.card", name=name), 2)]
    for label, counts in (
        (msg("role.lead"), report.card.lead),
        (msg("role.responsible"), report.card.responsible),
    ):
        shown = "  ".join(f"{msg.status(s)} {n}" for s, n in counts.counts if n)
        blocks.append(Line(f"{msg('card.count', count=counts.total)}  {shown}".rstrip(), label))
    if not report.card.rows:
        return [*blocks, Line(msg("card.none"))]
    heads, rows = target_table((r for r, _ in report.card.rows), msg, names, msg("col.role"))
    shown_rows = []
    for row, (result, roles) in zip(rows, report.card.rows, strict=True):
        cells = list(row)
        cells[-1] = "、".join(msg(f"role.{role}") for role in roles)
        note = texts.waiver_note(result, msg)
        if note:
            cells[5] += " " + clean(note)
        shown_rows.append(tuple(cells))
    return [
        *blocks,
        Table(heads, tuple(shown_rows), TARGET_WIDTHS, code=id_cols(msg, 1), whole=whole(msg)),
    ]

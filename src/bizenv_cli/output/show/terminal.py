"""`bizenv show N`: a measure's facts, its source text with the targets' quotes marked,
and its targets."""

from __future__ import annotations

import re
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from bizenv_cli.i18n import Messages
from bizenv_cli.listing import deadline_meaning, format_number, merge_spans, requirement
from bizenv_cli.output.terminal.stack import block, stacked, table_fits
from bizenv_cli.output.terminal.table import ID_HEADER, shows_ids, target_label, zh_requirement
from bizenv_cli.sanitize import clean

OPEN_MARK, CLOSE_MARK = "【", "】"
QUOTE_STYLE = "bold underline"


def _t(text: str) -> Text:
    """Text from the measure files: never markup, unsafe characters as escapes."""
    return Text(clean(text, keep="\n"))


def _bilingual(title: dict[str, str] | None, number: int, zh: bool = False) -> Text:
    if title is None:
        return _t(f"{number} ({'plan.yaml 中没有' if zh else 'not in plan.yaml'})")
    return _t(f"{number} {title['zh']} ({title['en']})")


def _units(ids: list[str], names: list[str], zh: bool = False) -> Text:
    if not ids:
        return Text("(无)" if zh else "(none)")
    shown = (f"{name} ({i})" if name != i else i for i, name in zip(ids, names, strict=True))
    return _t(", ".join(shown))


TARGET_COLUMNS = ("id", "kind", "requirement", "unit", "due", "scope")
LABELS_EN = ("measure", "", "id", "chapter", "section", "lead", "responsible", "deadline")
LABELS_ZH = ("措施", "", "编号", "章", "节", "牵头单位", "责任单位", "完成时限")
KINDS_ZH = {"threshold": "限值", "change": "变化", "milestone": "节点", "frequency": "频次"}


def _zh_meaning(deadline: dict[str, Any]) -> str:
    if deadline["due"] and deadline["ongoing"]:
        return f"{deadline['due']} 到期, 此后长期推进"
    return f"{deadline['due']} 到期" if deadline["due"] else "长期推进, 无截止日期"


def header(measure: dict[str, Any], msg: Messages | None = None) -> Text:
    zh = msg is not None and msg.lang == "zh"
    deadline = measure["deadline"]
    meaning = _zh_meaning(deadline) if zh else deadline_meaning(deadline)
    values = (
        _t(f"{measure['number']}. {measure['title']['zh']}"),
        _t(measure["title"]["en"]),
        _t(measure["id"]),
        _bilingual(measure["chapter_title"], measure["chapter"], zh),
        _bilingual(measure["section_title"], measure["section"], zh),
        _units(measure["lead"], measure["lead_names"], zh),
        _units(measure["responsible"], measure["responsible_names"], zh),
        _t(f"{deadline['text']} ({meaning})"),
    )
    rows = list(zip(LABELS_ZH if zh else LABELS_EN, values, strict=True))
    width = max(cell_len(label) for label, _ in rows) + 2
    return Text("\n").join(
        Text(label + " " * (width - cell_len(label))) + value for label, value in rows
    )


# Ideographs, CJK punctuation (、。「」), full-width forms (,;:) and the curly quotes
# the plan's text uses around names (“一照多址”).
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]")
_SPACES = re.compile(r" +")


def stray_spaces(source: str) -> set[int]:
    """Indexes of the spaces that stand between two CJK characters: left by the PDF's
    line breaks inside words (市政接 入). Spaces beside Latin letters or digits stay."""
    drop: set[int] = set()
    for run in _SPACES.finditer(source):
        start, end = run.span()
        if start > 0 and end < len(source) and _CJK.match(source[start - 1]) and _CJK.match(
            source[end]
        ):
            drop.update(range(start, end))
    return drop


def marked_source(source: str, spans: list[tuple[int, int]], *, plain: bool) -> Text:
    """The source with each span styled, or, in plain output, wrapped in 【…】; the PDF's
    stray spaces inside Chinese words are left out (display only: the file keeps them)."""
    drop = stray_spaces(source)

    def shown(start: int, end: int) -> str:
        kept = "".join(source[i] for i in range(start, end) if i not in drop)
        return clean(kept, keep="\n")

    # Built piece by piece: escaping may change lengths, the spans index the source.
    text = Text()
    at = 0
    for start, end in merge_spans(spans):
        text.append(shown(at, start))
        quote = shown(start, end)
        if plain:
            text.append(OPEN_MARK + quote + CLOSE_MARK)
        else:
            text.append(quote, style=QUOTE_STYLE)
        at = end
    text.append(shown(at, len(source)))
    return text


def _scope(row: dict[str, Any]) -> str:
    return "; ".join(
        f"{s['subject']['zh']} {s['comparator']} {format_number(s['value'])} {s['unit']}"
        for s in row["scope"]
    )


def targets_table(
    rows: list[dict[str, Any]], *, plain: bool, msg: Messages | None = None, ids: bool = False
) -> Table:
    """Targets named by their title under zh (with ``ids``, their id in a column beside
    it), by their id in English."""
    zh = msg is not None and msg.lang == "zh"
    table = Table(
        box=box.ASCII2 if plain else box.SIMPLE_HEAD,
        header_style="" if plain else "bold",
        show_edge=not plain,
        pad_edge=False,
    )
    names = ("目标", "类型", "要求", "单位", "期限", "范围") if zh else TARGET_COLUMNS
    for name, key in zip(names, TARGET_COLUMNS, strict=True):
        table.add_column(
            name,
            no_wrap=key in ("id", "kind", "unit", "due"),
            overflow="fold",
            min_width=12 if key == "requirement" else None,
        )
        if key == "id" and shows_ids(msg, ids):
            table.add_column(ID_HEADER["zh"], no_wrap=True)
    for row in rows:
        cells = _cells(row, msg)
        if shows_ids(msg, ids):
            cells.insert(1, _t(row["target_id"]))
        table.add_row(*cells)
    return table


def _cells(row: dict[str, Any], msg: Messages | None = None) -> list[Text]:
    zh = msg is not None and msg.lang == "zh"
    if zh and msg is not None:
        unit = msg.unit(row["unit"]) or ""
        if row["kind"] == "change":
            unit = f"{msg.unit(row['quantity_unit']) or '数量'}的{unit}"
        wanted = zh_requirement(row, msg, with_unit=False)
    else:
        unit = row["unit"] or ""
        if row["kind"] == "change":
            unit = f"{unit} of {row['quantity_unit']}"
        wanted = requirement(row, with_unit=False)
    strive = ("(力争)" if zh else " (strive)") if row["strive"] else ""
    return [
        _t(target_label(row, msg) + strive),
        _t(KINDS_ZH.get(row["kind"], row["kind"]) if zh else row["kind"]),
        _t(wanted),
        _t(unit),
        _t(row["due"] or row["deadline"]["due"] or row["deadline"]["text"]),
        _t(_scope(row)),
    ]


def targets_part(
    rows: list[dict[str, Any]],
    *,
    plain: bool,
    width: int,
    msg: Messages | None = None,
    ids: bool = False,
) -> RenderableType:
    """The targets as a table when it fits in ``width``, else one block per target:
    'target  kind' (the title under zh, and the id with ``ids``), then the requirement
    with its unit, the due date and the scope."""
    table = targets_table(rows, plain=plain, msg=msg, ids=ids)
    if table_fits(table, width):
        return table
    due_label = "期限 " if msg is not None and msg.lang == "zh" else "due "
    blocks = []
    for row in rows:
        target, kind, needed, unit, due, scope = _cells(row, msg)
        head = [target, _t(row["target_id"]), kind] if shows_ids(msg, ids) else [target, kind]
        wanted = needed + Text(" ") + unit if unit.plain else needed
        blocks.append(block(head, [wanted, Text(due_label) + due, scope]))
    return stacked(blocks)


def measure_page(
    view: dict[str, Any],
    *,
    plain: bool,
    width: int = 160,
    msg: Messages | None = None,
    ids: bool = False,
) -> list[RenderableType]:
    """The `bizenv show` page for ``listing.measure_view``'s data, part by part. Print the
    Text parts with ``soft_wrap=True`` in plain output to keep the plan's own line breaks."""
    measure, targets = view["measure"], view["targets"]
    spans = [
        (int(r["source_span"][0]), int(r["source_span"][1]))
        for r in targets if r["source_span"]
    ]
    missing = [target_label(r, msg) for r in targets if not r["source_span"]]
    zh = msg is not None and msg.lang == "zh"
    if zh:
        how = f"用{OPEN_MARK}{CLOSE_MARK}标出" if plain else "加粗并加下划线"
        intro, missed = f"原文(目标引文{how}):", "原文中找不到引文:"
        count = f"目标({len(targets)} 项):"
    else:
        how = f"marked {OPEN_MARK}like this{CLOSE_MARK}" if plain else "underlined"
        intro = f"Source (the targets' quotes are {how}):"
        missed, count = "Quote not found in the source for:", f"Targets ({len(targets)}):"
    parts: list[RenderableType] = [
        header(measure, msg),
        Text(""),
        Text(intro),
        marked_source(measure["source"], spans, plain=plain),
    ]
    if missing:
        parts.append(_t(f"{missed} {('、' if zh else ', ').join(missing)}"))
    table = targets_part(targets, plain=plain, width=width, msg=msg, ids=ids)
    parts += [Text(""), Text(count), table]
    return parts
